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
///
/// The work happens in three passes over the bytes, each stopping the file on errors it
/// cannot recover from: the byte pre-scan (`PreScan`: size, encoding, UTF-8 and forbidden
/// characters), libyaml's event parser (the only YAML parser, wrapped in
/// `LibYAMLEventReader`), and the tree builder (`TreeBuilder`: the subset rules and the
/// nodes).
///
/// Positions: lines and columns are 1-based, and columns count Unicode scalars, as libyaml's
/// marks do (a Chinese character is one column, a CRLF pair ends one line). Offsets are byte
/// offsets into the file, computed here because libyaml counts characters, not bytes.
///
/// Choices the spec leaves open:
/// - Directives are all refused, `%YAML 1.2` included: a catalog gains nothing from them,
///   and one rule is easier to remember than a version list.
/// - Only a plain `<<` key is a merge key; `"<<"` quoted is ordinary text, as in YAML 1.1.
/// - Depth counts open collections: the root mapping is level 1, and a mapping or list that
///   would open level 65 stops the file. Scalars add no level.
/// - A file whose only document is empty (`---` alone) is as empty as a comments-only file.
/// - A tab anywhere in a line's leading whitespace is tab indentation (`IndentationTabs`),
///   except inside the text of a literal or folded block scalar.
/// - One file reports at most 50 problems (`FileDiagnostics`), then stops.
public enum YAMLFrontEnd {
  /// Files larger than this are refused before parsing (spec §1).
  public static let maximumFileSize = 16 * 1024 * 1024
  /// Deeper nodes abandon the file (spec §1).
  public static let maximumDepth = 64

  public static func parse(_ bytes: [UInt8], file: String) -> SyntaxResult {
    bytes.withUnsafeBufferPointer { buffer in
      var diagnostics = FileDiagnostics()
      guard let scanned = PreScan.run(buffer, file: file, diagnostics: &diagnostics) else {
        return SyntaxResult(document: nil, diagnostics: diagnostics.items)
      }
      let locator = MarkLocator(buffer, bodyStart: scanned.bodyStart, isASCII: scanned.isASCII)
      let tabs = IndentationTabs(
        file: file, offsets: scanned.indentationTabs, bytes: buffer, bodyStart: scanned.bodyStart)
      var builder = TreeBuilder(file: file, locator: locator, tabs: tabs, diagnostics: diagnostics)
      var document: YAMLDocument?
      if let problem = LibYAMLEventReader.read(buffer, { builder.consume($0) }) {
        builder.fail(
          problem,
          problems: LibYAMLProblems(file: file, bytes: buffer, bodyStart: scanned.bodyStart))
      } else {
        document = builder.finish()
      }
      return SyntaxResult(document: document, diagnostics: builder.diagnostics.items)
    }
  }
}

/// The diagnostics of one file, capped so that a binary file or a generated file with a
/// million aliases produces a readable report instead of a flood. When the cap is reached
/// the last diagnostic says so and the front end stops reading the file.
struct FileDiagnostics: Sendable {
  static let limit = 50

  private(set) var items: [Diagnostic] = []
  private(set) var hasErrors = false

  var isFull: Bool { items.count >= Self.limit }

  mutating func add(_ diagnostic: Diagnostic) {
    guard !isFull else { return }
    items.append(diagnostic)
    if diagnostic.severity == .error { hasErrors = true }
    if isFull {
      items[items.count - 1].notes.append(
        DiagnosticNote("skuc stopped reading this file after \(Self.limit) problems"))
    }
  }
}
