/// `--format json`: one array, one diagnostic object per line, keys always in the same order
/// so that output can be diffed. Absent values are `null`, never left out.
///
/// Shape: `{"file", "line", "column", "endLine", "endColumn", "severity", "code", "message",
/// "notes": [{"file", "line", "column", "endLine", "endColumn", "message"}], "hint"}`.
enum JSONDiagnosticPrinter {
  static func render(_ diagnostics: [Diagnostic]) -> String {
    guard !diagnostics.isEmpty else { return "[]\n" }
    let objects = diagnostics.map { diagnostic in
      let notes = diagnostic.notes.map { note in
        "{\(position(note.range)),\"message\":\(string(note.message))}"
      }
      return "{\(position(diagnostic.range)),"
        + "\"severity\":\(string(diagnostic.severity.rawValue)),"
        + "\"code\":\(string(diagnostic.code.rawValue)),"
        + "\"message\":\(string(diagnostic.message)),"
        + "\"notes\":[\(notes.joined(separator: ","))],"
        + "\"hint\":\(diagnostic.hint.map(string) ?? "null")}"
    }
    return "[\n  " + objects.joined(separator: ",\n  ") + "\n]\n"
  }

  private static func position(_ range: SourceRange?) -> String {
    guard let range else {
      return "\"file\":null,\"line\":null,\"column\":null,\"endLine\":null,\"endColumn\":null"
    }
    return "\"file\":\(string(range.file)),\"line\":\(range.start.line),"
      + "\"column\":\(range.start.column),\"endLine\":\(range.end.line),"
      + "\"endColumn\":\(range.end.column)"
  }

  /// A JSON string literal. Control characters are escaped (RFC 8259 requires it), and so are
  /// U+2028 and U+2029, which older JavaScript parsers take as line ends; everything else is
  /// written as UTF-8.
  static func string(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case "\u{00}"..."\u{1F}", "\u{2028}", "\u{2029}":
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
