/// Builds the positioned node tree from libyaml's events, enforcing skuc's YAML subset
/// (spec §1) as the events stream by.
///
/// Every rule is checked at the event that breaks it, before anything is expanded or
/// buffered: an alias is refused where it appears, so a "billion laughs" file costs no more
/// than its own size. Problems that leave the rest of the file readable (anchors, tags, merge
/// keys, duplicate or non-scalar keys) are recorded and the walk goes on, so one run reports
/// them all; a node nested too deeply or a second document ends the walk at once.
struct TreeBuilder {
  private let file: String
  private var locator: MarkLocator
  private(set) var diagnostics: FileDiagnostics
  /// The innermost open collection, kept out of `parents` so that the hot path (a scalar
  /// joining it) touches a stored property instead of an array element. At the top it is a
  /// list-like frame that collects the document's root node.
  private var current = Frame(
    isMapping: false, isFlow: false, start: SourceLocation(line: 1, column: 1, offset: 0))
  /// The open collections around `current`, outermost first; its count is the depth.
  private var parents: [Frame] = []
  private var documents = 0
  private var tabs: IndentationTabs
  /// The size of the last collection closed at each place in the document's structure.
  /// Catalogs repeat shapes (every spec has the same kinds of lists at the same places, every
  /// localized name the same locales), so reserving that much for the next collection at
  /// the same place saves almost all array regrowth. A place is a hash of the path of
  /// sibling positions from the root (positions past 15 count as 15, so the many specs of a
  /// product share their places); collisions only cost a regrowth.
  private var capacityHints = [Int](repeating: 0, count: 1 << 12)

  init(file: String, locator: MarkLocator, tabs: IndentationTabs, diagnostics: FileDiagnostics) {
    self.file = file
    self.locator = locator
    self.tabs = tabs
    self.diagnostics = diagnostics
    parents.reserveCapacity(YAMLFrontEnd.maximumDepth)
  }

  /// Takes one event; returns `false` when the file must be abandoned.
  mutating func consume(_ event: consuming LibYAMLEvent) -> Bool {
    if !tabs.isDone {
      let start = locator.offset(of: event.start)
      let isBlockScalar =
        event.kind == .scalar && (event.style == .literal || event.style == .folded)
      let blockScalar = isBlockScalar ? start..<locator.offset(of: event.end) : nil
      tabs.report(before: start, blockScalar: blockScalar, into: &diagnostics)
    }
    switch event.kind {
    case .streamStart, .documentEnd, .streamEnd:
      break
    case .documentStart:
      documents += 1
      if documents > 1 {
        diagnostics.add(
          .error(
            .multipleDocuments, "a catalog file holds exactly one YAML document",
            at: point(event.start),
            hint: "delete this '---' line and what follows, or move it to a file of its own"))
        return false
      }
      if event.hasDirectives {
        diagnostics.add(
          .error(
            .directive, "directives (%YAML, %TAG) are not supported", at: point(event.start),
            hint: "delete the directive lines; skuc always reads YAML 1.2 without tags"))
      }
    case .alias:
      diagnostics.add(
        .error(
          .anchorOrAlias, "aliases are not supported (found '*\(event.properties.anchor ?? "")')",
          at: point(event.start), hint: "write the value out in full"))
      deliverAlias(range(event))
    case .scalar:
      if case .some = event.properties { reportProperties(event) }
      // Built in place and with the text swapped out of the event: each copy of a String
      // or a SourceRange costs a reference count on a hot path.
      let start = locator.location(event.start)
      let end =
        if let length = Self.sourceLength(of: event) {
          locator.location(event.end, knownOffset: start.offset + length)
        } else {
          locator.location(event.end)
        }
      var text = ""
      swap(&text, &event.value)
      let scalar = YAMLScalar(
        text: text, style: event.style, range: SourceRange(file: file, start: start, end: end))
      deliver(.scalar(scalar), end: end)
    case .sequenceStart, .mappingStart:
      if parents.count >= YAMLFrontEnd.maximumDepth {
        diagnostics.add(
          .error(
            .nestingTooDeep,
            "this is nested more than \(YAMLFrontEnd.maximumDepth) levels deep; "
              + "skuc stopped reading the file here",
            at: point(event.start)))
        return false
      }
      if case .some = event.properties { reportProperties(event) }
      var frame = Frame(
        isMapping: event.kind == .mappingStart, isFlow: event.isFlow,
        start: locator.location(event.start))
      let position = UInt64(min(current.childCount, 15)) &* 2 &+ (current.isMapping ? 1 : 0)
      frame.place = (current.place &+ position &+ 1) &* 0x9E37_79B9_7F4A_7C15
      frame.reserve(capacityHints[frame.hintIndex])
      swap(&frame, &current)
      parents.append(consume frame)
    case .sequenceEnd, .mappingEnd:
      guard var frame = parents.popLast() else { break }
      swap(&frame, &current)
      let end = frame.isFlow ? locator.location(event.end) : frame.lastEnd
      let range = SourceRange(file: file, start: frame.start, end: end)
      if frame.isMapping {
        capacityHints[frame.hintIndex] = frame.entries.count
        var entries: [YAMLEntry] = []
        swap(&entries, &frame.entries)
        deliver(.mapping(YAMLMapping(entries: entries, range: range)), end: end)
      } else {
        capacityHints[frame.hintIndex] = frame.items.count
        var items: [YAMLNode] = []
        swap(&items, &frame.items)
        deliver(.sequence(YAMLSequence(items: items, range: range)), end: end)
      }
    }
    return !diagnostics.isFull
  }

  /// The document, once the stream has ended without errors.
  mutating func finish() -> YAMLDocument? {
    guard !diagnostics.hasErrors else { return nil }
    let root = current.items.first
    if documents == 0 || root.map(Self.isEmptyPlainScalar) == true {
      diagnostics.add(
        .error(
          .emptyDocument, "catalog is empty", at: .startOfFile(file),
          hint: "a product file needs the keys 'skuc', 'product', 'attributes' and 'specs'"))
      return nil
    }
    return root.map { YAMLDocument(file: file, root: $0) }
  }

  mutating func fail(_ problem: LibYAMLProblem, problems: LibYAMLProblems) {
    if !tabs.isDone {
      let offset =
        problem.kind == .reader ? problem.problemOffset : locator.offset(of: problem.problemMark)
      tabs.report(before: offset, into: &diagnostics)
    }
    let diagnostic = problems.diagnostic(for: problem, locator: &locator)
    // A flow key over libyaml's 1024-character limit is reported as too long, then libyaml
    // trips over the ':' after it; that second error would only repeat the first.
    if let last = diagnostics.items.last, last.code == .keyTooLong,
      last.range?.start.line == diagnostic.range?.start.line
    {
      return
    }
    diagnostics.add(diagnostic)
  }

  // MARK: Nodes

  /// Hands a finished node to its parent.
  private mutating func deliver(_ node: consuming YAMLNode, end: SourceLocation) {
    current.lastEnd = end
    guard current.isMapping else {
      current.items.append(node)
      return
    }
    // Swapped out and consumed rather than read, so the key moves into its entry uncopied.
    var state = KeyState.expected
    swap(&state, &current.key)
    switch consume state {
    case .expected:
      current.key = accept(key: node)
    case .accepted(let key):
      current.entries.append(YAMLEntry(key: key, value: node))
    case .rejected:
      break
    }
  }

  /// An alias keeps its place in the tree's structure as an empty scalar (the file already
  /// has an error, so the tree is never used), or refuses the key it stands for.
  private mutating func deliverAlias(_ range: SourceRange) {
    if current.isMapping, case .expected = current.key {
      current.key = .rejected
      current.lastEnd = range.end
      return
    }
    deliver(.scalar(YAMLScalar(text: "", style: .plain, range: range)), end: range.end)
  }

  private mutating func accept(key node: consuming YAMLNode) -> KeyState {
    let key: YAMLScalar
    switch consume node {
    case .scalar(let scalar): key = scalar
    case .mapping(let mapping): return refuseNonScalarKey(at: mapping.range)
    case .sequence(let sequence): return refuseNonScalarKey(at: sequence.range)
    }
    if key.style == .plain && key.text == "<<" {
      diagnostics.add(
        .error(
          .mergeKey, "merge keys ('<<') are not supported", at: key.range,
          hint: "write the merged entries out in full"))
      return .rejected
    }
    if key.text.utf8.count > 1024 && key.text.unicodeScalars.count > 1024 {
      diagnostics.add(
        .error(
          .keyTooLong, "this key is longer than 1024 characters", at: key.range,
          hint: "mapping keys may be at most 1024 characters long"))
      return .rejected
    }
    if let first = current.firstKey(equalTo: key.text) {
      diagnostics.add(Self.duplicate(key, first: first))
      return .rejected
    }
    return .accepted(key)
  }

  private mutating func refuseNonScalarKey(at range: SourceRange) -> KeyState {
    diagnostics.add(
      .error(
        .nonScalarKey, "mapping keys must be plain strings", at: range,
        hint: "use a text key; lists and mappings cannot be keys"))
    return .rejected
  }

  private static func duplicate(_ key: YAMLScalar, first: YAMLScalar) -> Diagnostic {
    let shown = DisplayedKey.quote(key.text)
    let sameBytes = key.text.utf8.elementsEqual(first.text.utf8)
    let message =
      sameBytes
      ? "duplicate key \(shown) in this mapping"
      : "duplicate key \(shown): it is the same text as the earlier key "
        + "\(DisplayedKey.quote(first.text)) in another Unicode normalization form"
    return .error(
      .duplicateKey, message, at: key.range,
      notes: [
        DiagnosticNote("\(DisplayedKey.quote(first.text)) first appears here", at: first.range)
      ],
      hint: "keys in a mapping must be unique; remove or rename one of them")
  }

  private static func isEmptyPlainScalar(_ node: YAMLNode) -> Bool {
    if case .scalar(let scalar) = node { return scalar.style == .plain && scalar.text.isEmpty }
    return false
  }

  // MARK: Subset checks

  private mutating func reportProperties(_ event: LibYAMLEvent) {
    if let anchor = event.properties.anchor {
      diagnostics.add(
        .error(
          .anchorOrAlias, "anchors are not supported (found '&\(anchor)')", at: point(event.start),
          hint: "delete the anchor and write repeated values out in full"))
    }
    if let tag = event.properties.tag {
      diagnostics.add(
        .error(
          .tag, "tags are not supported (found '\(DisplayedKey.shortTag(tag))')",
          at: point(event.start), hint: LibYAMLProblems.tagHint))
    }
  }

  // MARK: Positions

  private mutating func range(_ event: LibYAMLEvent) -> SourceRange {
    SourceRange(file: file, start: locator.location(event.start), end: locator.location(event.end))
  }

  /// The scalar's length in the source, in bytes, when its text tells it: a plain scalar
  /// on one line is its own source text (no escapes, no folding), and so is a single-quoted
  /// one between its quotes when it holds no quote (the one escape, `''`). Knowing it spares
  /// the locator a walk over the text.
  private static func sourceLength(of event: borrowing LibYAMLEvent) -> Int? {
    guard event.start.line == event.end.line else { return nil }
    switch event.style {
    case .plain: return event.value.utf8.count
    case .singleQuoted where !event.value.utf8.contains(UInt8(ascii: "'")):
      return event.value.utf8.count + 2
    default: return nil
    }
  }

  /// A one-character range: where the diagnostic's caret goes.
  private mutating func point(_ mark: LibYAMLMark) -> SourceRange {
    let start = locator.location(mark)
    let next = locator.location(
      LibYAMLMark(index: mark.index + 1, line: mark.line, column: mark.column + 1))
    return SourceRange(file: file, start: start, end: next)
  }
}

/// Where a mapping stands between its key and value events.
private enum KeyState {
  case expected
  case accepted(YAMLScalar)
  /// The key was refused (and reported); its value is read but dropped.
  case rejected

  var isExpected: Bool {
    if case .expected = self { return true }
    return false
  }
}

/// A collection whose end event has not arrived yet.
private struct Frame {
  var isMapping: Bool
  var isFlow: Bool
  var start: SourceLocation
  var lastEnd: SourceLocation
  var items: [YAMLNode] = []
  var entries: [YAMLEntry] = []
  var key = KeyState.expected
  /// Where this collection sits in the document's structure (see `capacityHints`).
  var place: UInt64 = 0

  var hintIndex: Int { Int(truncatingIfNeeded: place >> 52) }
  /// Entry indexes by key text, built once a mapping outgrows a linear search. Keyed by
  /// `String`, whose `==` and hashing follow Unicode canonical equivalence, so an NFC key and
  /// its NFD spelling collide here: that is deliberate (they look identical to the author).
  /// Only subscript reads and writes are used, never `Dictionary(uniqueKeysWithValues:)`,
  /// which traps on duplicates.
  var keyIndex: [String: Int] = [:]

  init(isMapping: Bool, isFlow: Bool, start: SourceLocation) {
    self.isMapping = isMapping
    self.isFlow = isFlow
    self.start = start
    self.lastEnd = start
  }

  private static let linearSearchLimit = 12

  /// Children so far; for a mapping, keys and values both count.
  var childCount: Int {
    isMapping ? entries.count * 2 + (key.isExpected ? 0 : 1) : items.count
  }

  mutating func reserve(_ capacity: Int) {
    if isMapping { entries.reserveCapacity(capacity) } else { items.reserveCapacity(capacity) }
  }

  /// The earlier key equal to `text`. Every accepted key is in `entries` by the time the
  /// next key arrives, since a key's value always follows it before the next key.
  mutating func firstKey(equalTo text: String) -> YAMLScalar? {
    if entries.count <= Self.linearSearchLimit {
      for entry in entries where entry.key.text == text { return entry.key }
      return nil
    }
    for index in keyIndex.count..<entries.count where keyIndex[entries[index].key.text] == nil {
      keyIndex[entries[index].key.text] = index
    }
    return keyIndex[text].map { entries[$0].key }
  }
}
