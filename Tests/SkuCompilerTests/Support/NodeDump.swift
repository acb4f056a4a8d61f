@testable import SkuCompiler

/// The node tree in yaml-test-suite's event notation (`+MAP`, `=VAL :text`, `-MAP`), used by
/// the conformance test and, with positions, by the golden tests.
enum NodeDump {
  static func events(_ document: YAMLDocument?, positions: Bool = false) -> [String] {
    var lines = ["+STR"]
    if let document {
      lines.append("+DOC")
      append(document.root, positions: positions, to: &lines)
      lines.append("-DOC")
    }
    lines.append("-STR")
    return lines
  }

  private static func append(_ node: YAMLNode, positions: Bool, to lines: inout [String]) {
    let at = positions ? " @" + span(node.range) : ""
    switch node {
    case .scalar(let scalar):
      lines.append("=VAL " + scalarText(scalar) + at)
    case .mapping(let mapping):
      lines.append("+MAP" + at)
      for entry in mapping.entries {
        append(.scalar(entry.key), positions: positions, to: &lines)
        append(entry.value, positions: positions, to: &lines)
      }
      lines.append("-MAP")
    case .sequence(let sequence):
      lines.append("+SEQ" + at)
      for item in sequence.items { append(item, positions: positions, to: &lines) }
      lines.append("-SEQ")
    }
  }

  static func span(_ range: SourceRange) -> String {
    "\(range.start.line):\(range.start.column)+\(range.start.offset)"
      + "-\(range.end.line):\(range.end.column)+\(range.end.offset)"
  }

  /// `:plain`, `'single`, `"double`, `|literal`, `>folded`, escaped as the suite does.
  static func scalarText(_ scalar: YAMLScalar) -> String {
    let indicator =
      switch scalar.style {
      case .plain: ":"
      case .singleQuoted: "'"
      case .doubleQuoted: "\""
      case .literal: "|"
      case .folded: ">"
      }
    var text = ""
    for character in scalar.text.unicodeScalars {
      switch character {
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\t": text += "\\t"
      case "\r": text += "\\r"
      case "\u{08}": text += "\\b"
      case "\u{00}": text += "\\0"
      default: text.unicodeScalars.append(character)
      }
    }
    return indicator + text
  }
}
