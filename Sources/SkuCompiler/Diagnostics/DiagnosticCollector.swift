/// Accumulates the diagnostics of one pipeline stage so that a stage can recover and report
/// every problem, while the pipeline still stops between stages once errors exist.
public struct DiagnosticCollector: Sendable {
  public private(set) var diagnostics: [Diagnostic] = []
  public private(set) var errorCount = 0
  public private(set) var warningCount = 0
  /// Warnings acknowledged with `--allow`: counted here, neither recorded nor promoted.
  public private(set) var acknowledgedCount = 0
  /// When set, warnings are recorded as errors (`--warnings-as-errors`).
  public let promotesWarnings: Bool
  /// The warning codes CI acknowledged (`--allow`, spec §15); errors are never acknowledged.
  public let acknowledged: Set<DiagnosticCode>

  public init(promotesWarnings: Bool = false, acknowledging acknowledged: Set<DiagnosticCode> = [])
  {
    self.promotesWarnings = promotesWarnings
    self.acknowledged = acknowledged
  }

  public var hasErrors: Bool { errorCount > 0 }

  public mutating func emit(_ diagnostic: Diagnostic) {
    if diagnostic.severity == .warning && acknowledged.contains(diagnostic.code) {
      acknowledgedCount += 1
      return
    }
    var diagnostic = diagnostic
    if promotesWarnings && diagnostic.severity == .warning {
      diagnostic.severity = .error
    }
    switch diagnostic.severity {
    case .error: errorCount += 1
    case .warning: warningCount += 1
    }
    diagnostics.append(diagnostic)
  }

  public mutating func emit(contentsOf diagnostics: some Sequence<Diagnostic>) {
    for diagnostic in diagnostics { emit(diagnostic) }
  }

  public mutating func error(
    _ code: DiagnosticCode, _ message: String, at range: SourceRange?,
    notes: [DiagnosticNote] = [], hint: String? = nil
  ) {
    emit(.error(code, message, at: range, notes: notes, hint: hint))
  }

  public mutating func warning(
    _ code: DiagnosticCode, _ message: String, at range: SourceRange?,
    notes: [DiagnosticNote] = [], hint: String? = nil
  ) {
    emit(.warning(code, message, at: range, notes: notes, hint: hint))
  }

  /// Diagnostics in reading order: by file (byte-wise), then position. Diagnostics at the
  /// same position keep the order they were emitted in (the sort is stable, not by code):
  /// stages that work in parallel merge their results in input order, so that order, and so
  /// the output, does not depend on which work finished first.
  public var sorted: [Diagnostic] {
    diagnostics.enumerated().sorted { lhs, rhs in
      let l = lhs.element
      let r = rhs.element
      let lFile = l.range?.file ?? ""
      let rFile = r.range?.file ?? ""
      if lFile != rFile { return lFile.precedesBytewise(rFile) }
      let lStart = l.range?.start ?? SourceLocation(line: 0, column: 0, offset: 0)
      let rStart = r.range?.start ?? SourceLocation(line: 0, column: 0, offset: 0)
      if lStart != rStart { return lStart < rStart }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }
}

extension DiagnosticCode {
  /// The codes skuc reports as warnings: the only ones `--allow` may acknowledge.
  /// `docs/diagnostics.md` marks the same codes "(warning)", and a test keeps the two in step.
  public static let warnings: Set<DiagnosticCode> = [
    .ruleHasNoEffect, .valueNeverUsed, .limitMatchesNothing, .tableEntryUnused, .tierNeverApplies,
  ]
}
