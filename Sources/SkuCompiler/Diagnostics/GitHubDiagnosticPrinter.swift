/// `--format github`: one workflow command per diagnostic, exactly the shape of spec §13,
/// `::error file=F,line=L,col=C::[CODE] message`, which GitHub Actions shows as an annotation
/// on the pull request's diff. The code leads the message (a `title=` property would break the
/// spec's shape); notes and the hint follow on their own lines (GitHub shows the message's
/// line breaks).
enum GitHubDiagnosticPrinter {
  static func render(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { line(for: $0) + "\n" }.joined()
  }

  private static func line(for diagnostic: Diagnostic) -> String {
    let command = diagnostic.severity == .error ? "error" : "warning"
    var properties: [String] = []
    if let range = diagnostic.range {
      properties.append("file=\(property(range.file.escapingControlCharacters))")
      properties.append("line=\(range.start.line)")
      properties.append("col=\(range.start.column)")
    }
    // Each part escaped on its own: the line breaks between parts are the printer's, any
    // control character inside one (a file name with ESC or a newline) is the tree's.
    var message = "[\(diagnostic.code.rawValue)] \(diagnostic.message.escapingControlCharacters)"
    for note in diagnostic.notes {
      let text = note.message.escapingControlCharacters
      if let range = note.range {
        let file = range.file.escapingControlCharacters
        message += "\n\(file):\(range.start.line):\(range.start.column): note: \(text)"
      } else {
        message += "\nnote: \(text)"
      }
    }
    if let hint = diagnostic.hint { message += "\nhint: \(hint.escapingControlCharacters)" }
    let head = properties.isEmpty ? command : "\(command) \(properties.joined(separator: ","))"
    return "::\(head)::\(data(message))"
  }

  /// Escaping for the message, as GitHub's toolkit does it: `%`, CR and LF.
  static func data(_ text: String) -> String {
    escape(text, properties: false)
  }

  /// Escaping for property values, which also end at `:` and `,`.
  static func property(_ text: String) -> String {
    escape(text, properties: true)
  }

  private static func escape(_ text: String, properties: Bool) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      case ":" where properties: out += "%3A"
      case "," where properties: out += "%2C"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
