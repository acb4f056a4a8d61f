import SkuCompiler

/// The front end's node tree in the exact text `Tests/Scripts/yaml_compose.py` prints for
/// PyYAML's: `{"s": text}`, `{"q": [...]}`, `{"m": [[key, value], ...]}`, serialized like
/// Python's `json.dumps(..., ensure_ascii=True, separators=(",", ":"))`.
///
/// Comparing text keeps Foundation out of the comparison: its JSON reader drops some U+FEFF
/// characters and Swift's `String` equality is canonical equivalence, and the differential test
/// must see NFC and NFD spellings as different text, as both parsers do.
enum ComposedTree {
  static func line(_ document: YAMLDocument) -> String {
    var out = #"{"tree":"#
    append(document.root, to: &out)
    return out + "}"
  }

  static func append(_ node: YAMLNode, to out: inout String) {
    switch node {
    case .scalar(let scalar):
      append(scalar, to: &out)
    case .sequence(let sequence):
      out += #"{"q":["#
      for (index, item) in sequence.items.enumerated() {
        if index > 0 { out += "," }
        append(item, to: &out)
      }
      out += "]}"
    case .mapping(let mapping):
      out += #"{"m":["#
      for (index, entry) in mapping.entries.enumerated() {
        if index > 0 { out += "," }
        out += "["
        append(entry.key, to: &out)
        out += ","
        append(entry.value, to: &out)
        out += "]"
      }
      out += "]}"
    }
  }

  private static func append(_ scalar: YAMLScalar, to out: inout String) {
    out += #"{"s":"#
    appendString(scalar.text, to: &out)
    out += "}"
  }

  /// Python's `ensure_ascii` escaping: printable ASCII stays, `"` and `\` and the five short
  /// escapes are spelled out, everything else is `\uXXXX` in lower-case hex, with surrogate
  /// pairs above the BMP.
  static func appendString(_ text: String, to out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += #"\""#
      case "\\": out += #"\\"#
      case "\n": out += #"\n"#
      case "\r": out += #"\r"#
      case "\t": out += #"\t"#
      case "\u{08}": out += #"\b"#
      case "\u{0C}": out += #"\f"#
      case " "..."~": out.unicodeScalars.append(scalar)
      default:
        if scalar.value > 0xFFFF {
          let value = scalar.value - 0x10000
          out += unit(0xD800 + (value >> 10)) + unit(0xDC00 + (value & 0x3FF))
        } else {
          out += unit(scalar.value)
        }
      }
    }
    out += "\""
  }

  private static func unit(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return #"\u"# + String(repeating: "0", count: 4 - digits.count) + digits
  }
}
