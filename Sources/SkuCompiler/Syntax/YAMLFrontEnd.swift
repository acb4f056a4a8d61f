/// The front end's result for one file: a document when the file is inside skuc's YAML subset,
/// and every problem found on the way.
public struct SyntaxResult: Sendable {
  public var document: YAMLDocument?
  public var diagnostics: [Diagnostic]

  public init(document: YAMLDocument?, diagnostics: [Diagnostic]) {
    self.document = document
    self.diagnostics = diagnostics
  }
}

/// Turns the bytes of one catalog file into a positioned node tree (spec §1).
public enum YAMLFrontEnd {
  /// Files larger than this are refused before parsing (spec §1).
  public static let maximumFileSize = 16 * 1024 * 1024
  /// Deeper nodes abandon the file (spec §1).
  public static let maximumDepth = 64

  public static func parse(_ bytes: [UInt8], file: String) -> SyntaxResult {
    SyntaxResult(
      document: nil,
      diagnostics: [
        .error(.syntaxError, "the YAML front end is not built yet", at: .startOfFile(file))
      ])
  }
}
