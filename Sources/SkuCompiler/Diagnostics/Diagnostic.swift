/// How serious a diagnostic is. Warnings never stop a build unless the user asks for
/// `--warnings-as-errors`.
public enum Severity: String, Sendable, Hashable, Comparable {
  case warning
  case error

  public static func < (lhs: Severity, rhs: Severity) -> Bool {
    lhs == .warning && rhs == .error
  }
}

/// A secondary location that explains a diagnostic, such as the first occurrence of a
/// duplicated key.
public struct DiagnosticNote: Hashable, Sendable {
  public var message: String
  public var range: SourceRange?

  public init(_ message: String, at range: SourceRange? = nil) {
    self.message = message
    self.range = range
  }
}

/// One problem found in a catalog, as data. Printers decide how it looks.
public struct Diagnostic: Hashable, Sendable {
  public var severity: Severity
  public var code: DiagnosticCode
  public var message: String
  /// `nil` only for problems that concern no file at all (for example an empty catalog tree).
  public var range: SourceRange?
  public var notes: [DiagnosticNote]
  public var hint: String?

  public init(
    _ severity: Severity,
    _ code: DiagnosticCode,
    _ message: String,
    at range: SourceRange?,
    notes: [DiagnosticNote] = [],
    hint: String? = nil
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.range = range
    self.notes = notes
    self.hint = hint
  }

  public static func error(
    _ code: DiagnosticCode,
    _ message: String,
    at range: SourceRange?,
    notes: [DiagnosticNote] = [],
    hint: String? = nil
  ) -> Diagnostic {
    Diagnostic(.error, code, message, at: range, notes: notes, hint: hint)
  }

  public static func warning(
    _ code: DiagnosticCode,
    _ message: String,
    at range: SourceRange?,
    notes: [DiagnosticNote] = [],
    hint: String? = nil
  ) -> Diagnostic {
    Diagnostic(.warning, code, message, at: range, notes: notes, hint: hint)
  }
}
