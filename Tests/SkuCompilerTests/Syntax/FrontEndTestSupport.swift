@testable import SkuCompiler

/// Short ways to run the front end in tests.
enum FrontEnd {
  static func parse(_ text: String, file: String = "t.yaml") -> SyntaxResult {
    YAMLFrontEnd.parse(Array(text.utf8), file: file)
  }

  static func parse(bytes: [UInt8], file: String = "t.yaml") -> SyntaxResult {
    YAMLFrontEnd.parse(bytes, file: file)
  }
}

extension SyntaxResult {
  var codes: [DiagnosticCode] { diagnostics.map(\.code) }

  /// `line:column` of each diagnostic, in order.
  var positions: [String] {
    diagnostics.map { diagnostic in
      diagnostic.range.map { "\($0.start.line):\($0.start.column)" } ?? "-"
    }
  }

  /// The root mapping's entries, for tests that read a parsed document.
  var rootEntries: [YAMLEntry] {
    guard case .mapping(let mapping) = document?.root else { return [] }
    return mapping.entries
  }
}
