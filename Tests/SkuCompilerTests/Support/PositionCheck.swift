@testable import SkuCompiler

/// Checks that every node's byte offsets agree with its line and column, computed here
/// independently of the front end: lines end at LF, CR or CRLF, columns count Unicode
/// scalars, and a leading byte order mark is not part of line 1.
enum PositionCheck {
  static func mismatches(in document: YAMLDocument, bytes: [UInt8]) -> [String] {
    var problems: [String] = []
    visit(document.root) { range in
      for location in [range.start, range.end] {
        let expected = lineAndColumn(ofOffset: location.offset, in: bytes)
        if expected.line != location.line || expected.column != location.column {
          problems.append(
            "offset \(location.offset) is \(expected.line):\(expected.column), "
              + "node says \(location.line):\(location.column)")
        }
      }
    }
    return problems
  }

  private static func visit(_ node: YAMLNode, _ body: (SourceRange) -> Void) {
    body(node.range)
    switch node {
    case .scalar: break
    case .mapping(let mapping):
      for entry in mapping.entries {
        body(entry.key.range)
        visit(entry.value, body)
      }
    case .sequence(let sequence):
      for item in sequence.items { visit(item, body) }
    }
  }

  static func lineAndColumn(ofOffset offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    let prefix = bytes[(hasBOM ? 3 : 0)..<min(offset, bytes.count)]
    var line = 1
    var column = 1
    var previous: UInt8 = 0
    for byte in prefix {
      if byte == 0x0A {
        if previous != 0x0D { line += 1 }
        column = 1
      } else if byte == 0x0D {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      previous = byte
    }
    return (line, column)
  }
}
