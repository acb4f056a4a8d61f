internal import CYAML

// The only file in the project that touches libyaml. Everything libyaml allocates (the parser
// and each event) is released inside `LibYAMLEventReader.read`, exactly once, so the rest of
// the compiler only ever sees Swift values.

/// A libyaml position. All three fields are 0-based; `index` counts characters (a CRLF pair
/// counts two, a leading byte order mark none), not bytes.
///
/// Stored in 32 bits each, which keeps events small on the hot path and is exact: libyaml
/// only ever reads files of at most 16 MiB here.
struct LibYAMLMark: Sendable, Hashable {
  private var storedIndex: Int32
  private var storedLine: Int32
  private var storedColumn: Int32

  var index: Int { Int(storedIndex) }
  var line: Int { Int(storedLine) }
  var column: Int { Int(storedColumn) }

  init(index: Int, line: Int, column: Int) {
    storedIndex = Int32(truncatingIfNeeded: index)
    storedLine = Int32(truncatingIfNeeded: line)
    storedColumn = Int32(truncatingIfNeeded: column)
  }
}

/// One libyaml parser event, copied out of libyaml's memory.
///
/// A flat struct rather than an enum with payloads: the tree builder reads a few fields of
/// every event, and a flat value avoids re-wrapping each field in the hot loop.
struct LibYAMLEvent: Sendable {
  enum Kind: Sendable {
    case streamStart
    case streamEnd
    case documentStart
    case documentEnd
    case alias
    case scalar
    case sequenceStart
    case sequenceEnd
    case mappingStart
    case mappingEnd
  }

  /// A node's anchor (or the name an alias refers to) and its explicit tag.
  enum NodeProperties: Sendable {
    case none
    indirect case some(anchor: String?, tag: String?)

    var anchor: String? {
      if case .some(let anchor, _) = self { return anchor }
      return nil
    }

    var tag: String? {
      if case .some(_, let tag) = self { return tag }
      return nil
    }
  }

  var kind: Kind
  var start: LibYAMLMark
  var end: LibYAMLMark
  /// Anchor and tag, which skuc refuses; boxed because they are almost always absent and
  /// the event should stay small on the hot path.
  var properties: NodeProperties
  /// The scalar's text after escapes and folding; empty for other events.
  var value: String
  var style: ScalarStyle
  /// Flow style (`[...]`, `{...}`) for collection starts.
  var isFlow: Bool
  /// A document start that carries `%YAML` or `%TAG` directives.
  var hasDirectives: Bool
}

/// Why libyaml stopped. The strings are libyaml's own English texts.
struct LibYAMLProblem: Sendable {
  enum Kind: Sendable {
    case reader
    case scanner
    case parser
    case memory
  }

  var kind: Kind
  var problem: String
  var problemMark: LibYAMLMark
  var context: String?
  var contextMark: LibYAMLMark?
  /// For reader problems: the byte offset into the input, which libyaml reports instead of
  /// a mark.
  var problemOffset: Int
}

/// Streams libyaml's events over a byte buffer.
enum LibYAMLEventReader {
  /// Calls `body` with each event until it returns `false`, the stream ends, or libyaml
  /// reports a problem (returned). Stopping early is how the front end abandons a file at the
  /// first node nested too deeply without letting libyaml read the rest.
  static func read(
    _ bytes: UnsafeBufferPointer<UInt8>, _ body: (consuming LibYAMLEvent) -> Bool
  ) -> LibYAMLProblem? {
    withParser(bytes) { parser in
      var event = yaml_event_t()
      while true {
        guard yaml_parser_parse(parser, &event) != 0 else { return problem(of: parser) }
        let converted = LibYAMLEvent(event)
        let isLast = converted.kind == .streamEnd
        yaml_event_delete(&event)
        if !body(converted) || isLast { return nil }
      }
    }
  }

  /// Owns one parser for the duration of `body`. The parser lives on the heap because
  /// libyaml's string input keeps a pointer to the parser itself, so it must never move.
  fileprivate static func withParser(
    _ bytes: UnsafeBufferPointer<UInt8>,
    _ body: (UnsafeMutablePointer<yaml_parser_t>) -> LibYAMLProblem?
  ) -> LibYAMLProblem? {
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    defer { parser.deallocate() }
    guard yaml_parser_initialize(parser) != 0 else {
      return LibYAMLProblem(
        kind: .memory, problem: "out of memory",
        problemMark: LibYAMLMark(index: 0, line: 0, column: 0),
        context: nil, contextMark: nil, problemOffset: 0)
    }
    defer { yaml_parser_delete(parser) }
    // libyaml asserts on a null input pointer, which an empty array may have.
    var empty: UInt8 = 0
    return withUnsafeMutablePointer(to: &empty) { fallback in
      yaml_parser_set_input_string(
        parser, bytes.baseAddress ?? UnsafePointer(fallback), bytes.count)
      return body(parser)
    }
  }

  private static func problem(of parser: UnsafeMutablePointer<yaml_parser_t>) -> LibYAMLProblem {
    let state = parser.pointee
    let kind: LibYAMLProblem.Kind =
      switch state.error {
      case YAML_READER_ERROR: .reader
      case YAML_SCANNER_ERROR: .scanner
      case YAML_MEMORY_ERROR: .memory
      default: .parser
      }
    let context = state.context.map { String(cString: $0) }
    return LibYAMLProblem(
      kind: kind,
      problem: state.problem.map { String(cString: $0) } ?? "unknown libyaml error",
      problemMark: LibYAMLMark(state.problem_mark),
      context: context,
      contextMark: context == nil ? nil : LibYAMLMark(state.context_mark),
      problemOffset: Int(truncatingIfNeeded: state.problem_offset))
  }
}

/// A bare libyaml event loop with no tree building and no checks.
///
/// It exists only for `skuc-bench`, which compares the front end's speed with libyaml's own
/// so that regressions in the front end show up as a falling ratio.
public enum LibYAMLBaseline {
  /// Parses `bytes` and returns how many events libyaml produced, or -1 on a libyaml error.
  public static func countEvents(_ bytes: [UInt8]) -> Int {
    bytes.withUnsafeBufferPointer { buffer in
      var count = 0
      let problem = LibYAMLEventReader.withParser(buffer) { parser in
        var event = yaml_event_t()
        while true {
          guard yaml_parser_parse(parser, &event) != 0 else {
            return LibYAMLProblem(
              kind: .parser, problem: "", problemMark: LibYAMLMark(index: 0, line: 0, column: 0),
              context: nil, contextMark: nil, problemOffset: 0)
          }
          count += 1
          let done = event.type == YAML_STREAM_END_EVENT
          yaml_event_delete(&event)
          if done { return nil }
        }
      }
      return problem == nil ? count : -1
    }
  }
}

extension LibYAMLMark {
  fileprivate init(_ mark: yaml_mark_t) {
    self.init(
      index: Int(truncatingIfNeeded: mark.index), line: Int(truncatingIfNeeded: mark.line),
      column: Int(truncatingIfNeeded: mark.column))
  }
}

extension LibYAMLEvent {
  fileprivate init(_ event: yaml_event_t) {
    var kind = Kind.streamStart
    var anchor: UnsafeMutablePointer<yaml_char_t>?
    var tag: UnsafeMutablePointer<yaml_char_t>?
    var value = ""
    var style = ScalarStyle.plain
    var isFlow = false
    var hasDirectives = false
    switch event.type {
    case YAML_STREAM_END_EVENT:
      kind = .streamEnd
    case YAML_DOCUMENT_START_EVENT:
      kind = .documentStart
      let data = event.data.document_start
      hasDirectives =
        data.version_directive != nil || data.tag_directives.start != data.tag_directives.end
    case YAML_DOCUMENT_END_EVENT:
      kind = .documentEnd
    case YAML_ALIAS_EVENT:
      kind = .alias
      anchor = event.data.alias.anchor
    case YAML_SCALAR_EVENT:
      kind = .scalar
      let data = event.data.scalar
      anchor = data.anchor
      tag = data.tag
      value = Self.text(data.value, count: Int(truncatingIfNeeded: data.length))
      style = Self.style(data.style)
    case YAML_SEQUENCE_START_EVENT:
      kind = .sequenceStart
      let data = event.data.sequence_start
      anchor = data.anchor
      tag = data.tag
      isFlow = data.style == YAML_FLOW_SEQUENCE_STYLE
    case YAML_SEQUENCE_END_EVENT:
      kind = .sequenceEnd
    case YAML_MAPPING_START_EVENT:
      kind = .mappingStart
      let data = event.data.mapping_start
      anchor = data.anchor
      tag = data.tag
      isFlow = data.style == YAML_FLOW_MAPPING_STYLE
    case YAML_MAPPING_END_EVENT:
      kind = .mappingEnd
    default:
      kind = .streamStart
    }
    self.init(
      kind: kind, start: LibYAMLMark(event.start_mark), end: LibYAMLMark(event.end_mark),
      properties: anchor == nil && tag == nil
        ? .none
        : .some(anchor: anchor.map { String(cString: $0) }, tag: tag.map { String(cString: $0) }),
      value: value, style: style, isFlow: isFlow, hasDirectives: hasDirectives)
  }

  private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?, count: Int) -> String {
    guard let pointer, count > 0 else { return "" }
    return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
  }

  private static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
    switch style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: .literal
    case YAML_FOLDED_SCALAR_STYLE: .folded
    default: .plain
    }
  }
}
