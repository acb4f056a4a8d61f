/// The ways skuc can print diagnostics (`--format` on `check` and `build`, spec §13).
public enum DiagnosticFormat: String, CaseIterable, Sendable {
  /// `FILE:LINE:COL: error[CODE]: message` with the source line and a caret, for people.
  case text
  /// An array of objects, for tools.
  case json
  /// GitHub Actions workflow commands, which GitHub turns into annotations on the diff.
  case github
}

/// Renders diagnostics in one format. Each format has its own printer; this type only picks
/// one, so adding a format never touches the others.
public struct DiagnosticRenderer: Sendable {
  public var format: DiagnosticFormat
  /// ANSI colours; only the text format uses them, and only when the CLI writes to a terminal.
  public var colour: Bool
  /// The bytes of each file, keyed by the path diagnostics use, so the text printer can show
  /// source lines. A file missing here just prints without its source line.
  public var sources: [String: [UInt8]]

  public init(format: DiagnosticFormat, colour: Bool = false, sources: [String: [UInt8]] = [:]) {
    self.format = format
    self.colour = colour
    self.sources = sources
  }

  /// The whole output for these diagnostics, in the order given, ending with a line break
  /// unless it is empty (the text and github formats print nothing for no diagnostics; json
  /// prints `[]`).
  public func render(_ diagnostics: [Diagnostic]) -> String {
    switch format {
    case .text: TextDiagnosticPrinter(colour: colour, sources: sources).render(diagnostics)
    case .json: JSONDiagnosticPrinter.render(diagnostics)
    case .github: GitHubDiagnosticPrinter.render(diagnostics)
    }
  }

  /// The CLI's closing line: `2 errors, 1 warning generated`.
  public static func summary(errors: Int, warnings: Int, acknowledged: Int = 0) -> String {
    let counts: String
    switch (errors, warnings) {
    case (0, 0): counts = "no errors or warnings"
    case (_, 0): counts = "\(counted(errors, "error")) generated"
    case (0, _): counts = "\(counted(warnings, "warning")) generated"
    default: counts = "\(counted(errors, "error")), \(counted(warnings, "warning")) generated"
    }
    guard acknowledged > 0 else { return counts }
    return counts + "; \(counted(acknowledged, "warning")) acknowledged"
  }
}
