/// Refuses tabs used for indentation (spec §1, checklist A8).
///
/// libyaml already rejects a tab that starts a block-context line, but it accepts one before
/// the continuation line of a quoted or plain scalar, or before a line inside a flow
/// collection. skuc's rule is simpler: a tab in a line's leading whitespace is an error,
/// except inside the content of a literal (`|`) or folded (`>`) block scalar, where it is
/// text. The pre-scan lists the candidate tabs; this walks them alongside the events.
struct IndentationTabs {
  private let file: String
  private let offsets: [Int]
  private var next = 0
  private var cursor: LineColumnCursor

  init(file: String, offsets: [Int], bytes: UnsafeBufferPointer<UInt8>, bodyStart: Int) {
    self.file = file
    self.offsets = offsets
    self.cursor = LineColumnCursor(bytes, bodyStart: bodyStart)
  }

  /// Nothing left to check: the usual case, which keeps the per-event cost at one compare.
  var isDone: Bool { next >= offsets.count }

  /// Reports the tabs before `offset`, then passes over those inside `blockScalar`.
  mutating func report(
    before offset: Int, blockScalar: Range<Int>? = nil, into diagnostics: inout FileDiagnostics
  ) {
    while next < offsets.count && offsets[next] < offset {
      let start = cursor.location(at: offsets[next])
      let end = SourceLocation(line: start.line, column: start.column + 1, offset: start.offset + 1)
      diagnostics.add(
        .error(
          .tabIndentation, "tabs are not allowed for indentation",
          at: SourceRange(file: file, start: start, end: end), hint: "indent with spaces"))
      next += 1
    }
    guard let blockScalar else { return }
    while next < offsets.count && blockScalar.contains(offsets[next]) { next += 1 }
  }
}
