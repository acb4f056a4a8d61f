/// Writes JSON incrementally into a byte buffer, byte for byte as `JSONWriter.serialize` writes
/// the same document (which is implemented with this type).
///
/// A payload of a million SKUs never has to exist as a `JSONValue` tree: the emitter opens the
/// containers, writes each SKU as it is priced, and hands full buffers to the file with
/// `takeBytes()`.
///
/// Calls must describe a well-formed document (a `key` before each value inside an object,
/// no `key` inside an array, every container closed before `finish`); a misuse is a bug in the
/// caller and stops the program rather than writing a payload that is not JSON.
public struct JSONStreamWriter {
  public let pretty: Bool
  /// Bytes written since creation or since the last `takeBytes()`.
  public private(set) var bytes: [UInt8]

  private struct Container {
    var isObject: Bool
    var count = 0
  }

  private var open: [Container] = []
  private var awaitingValue = false
  private var rootWritten = false
  /// Set by `beginLine()` until the next container opens.
  private var lineRequested = false
  /// The depth (`open.count`) of the container being written on one line, if any: inside it
  /// no line breaks, indents or spaces are written.
  private var lineDepth: Int?

  /// Whether the writer is laying out with line breaks at this point.
  private var indenting: Bool { pretty && lineDepth == nil }

  /// Whether encoded lines are taken; off only to compare with the token-by-token path.
  public let acceptsEncodedLines: Bool

  public init(
    pretty: Bool = true, reservingCapacity capacity: Int = 4096, acceptsEncodedLines: Bool = true
  ) {
    self.pretty = pretty
    self.acceptsEncodedLines = acceptsEncodedLines
    bytes = []
    bytes.reserveCapacity(capacity)
  }

  /// Hands over the bytes written so far, keeping the writer's position in the document.
  public mutating func takeBytes() -> [UInt8] {
    let taken = bytes
    bytes.removeAll(keepingCapacity: true)
    return taken
  }

  /// Empties the buffer, keeping its storage: a caller that reads `bytes` and then clears
  /// reuses one buffer for the whole document instead of copying it at every flush.
  public mutating func clearBytes() {
    bytes.removeAll(keepingCapacity: true)
  }

  /// Writes the next container (object or array) on a single line, compactly: one SKU a
  /// line keeps a payload's `git diff` to the lines whose prices changed.
  public mutating func beginLine() {
    lineRequested = true
  }

  public mutating func beginObject() {
    prepareValue()
    bytes.append(UInt8(ascii: "{"))
    open.append(Container(isObject: true))
    startLineIfRequested()
  }

  public mutating func endObject() {
    close(isObject: true, bracket: UInt8(ascii: "}"))
  }

  public mutating func beginArray() {
    prepareValue()
    bytes.append(UInt8(ascii: "["))
    open.append(Container(isObject: false))
    startLineIfRequested()
  }

  private mutating func startLineIfRequested() {
    guard lineRequested else { return }
    lineRequested = false
    if lineDepth == nil { lineDepth = open.count }
  }

  public mutating func endArray() {
    close(isObject: false, bracket: UInt8(ascii: "]"))
  }

  /// The next member's key; its value follows with any value-writing call.
  public mutating func key(_ key: String) {
    guard let last = open.indices.last, open[last].isObject, !awaitingValue else {
      preconditionFailure("JSON key \"\(key)\" outside an object or directly after another key")
    }
    startItem(in: last)
    JSONWriter.appendString(key, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    if indenting { bytes.append(UInt8(ascii: " ")) }
    awaitingValue = true
  }

  /// Writes a value already encoded compactly (what a `pretty: false` writer wrote for it).
  /// Only inside a line, where this writer lays values out compactly too, are the bytes the
  /// same as writing the value token by token; elsewhere it returns false and writes nothing.
  public mutating func appendEncoded(_ encoded: [UInt8]) -> Bool {
    guard !indenting else { return false }
    prepareValue()
    bytes.append(contentsOf: encoded)
    return true
  }

  public mutating func appendEncodedLine(_ encoded: ArraySlice<UInt8>) {
    precondition(acceptsEncodedLines && lineDepth == nil, "encoded line where none is taken")
    prepareValue()
    bytes.append(contentsOf: encoded)
  }

  public mutating func string(_ value: String) {
    prepareValue()
    JSONWriter.appendString(value, to: &bytes)
  }

  public mutating func integer(_ value: Int) {
    prepareValue()
    JSONWriter.appendInteger(value, to: &bytes)
  }

  public mutating func bool(_ value: Bool) {
    prepareValue()
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  public mutating func null() {
    prepareValue()
    bytes.append(contentsOf: "null".utf8)
  }

  /// Writes a whole subtree.
  public mutating func value(_ value: JSONValue) {
    switch value {
    case .null: null()
    case .bool(let flag): bool(flag)
    case .integer(let number): integer(number)
    case .string(let text): string(text)
    case .array(let elements):
      beginArray()
      for element in elements { self.value(element) }
      endArray()
    case .object(let members):
      beginObject()
      for (name, member) in members {
        key(name)
        self.value(member)
      }
      endObject()
    }
  }

  /// Ends the document: every container must be closed. Pretty output ends with a newline.
  public mutating func finish() {
    precondition(open.isEmpty && rootWritten, "JSON document finished while incomplete")
    if pretty { bytes.append(UInt8(ascii: "\n")) }
  }

  private mutating func prepareValue() {
    guard let last = open.indices.last else {
      precondition(!rootWritten, "a JSON document has exactly one root value")
      rootWritten = true
      return
    }
    if open[last].isObject {
      precondition(awaitingValue, "JSON object member written without a key")
      awaitingValue = false
    } else {
      startItem(in: last)
    }
  }

  /// The separator and, when pretty, the line break and indent before a member or element.
  private mutating func startItem(in container: Int) {
    if open[container].count > 0 { bytes.append(UInt8(ascii: ",")) }
    open[container].count += 1
    if indenting { newline(depth: open.count) }
  }

  private mutating func close(isObject: Bool, bracket: UInt8) {
    guard let container = open.popLast(), container.isObject == isObject, !awaitingValue else {
      preconditionFailure("JSON container closed out of order or after a dangling key")
    }
    if indenting && container.count > 0 { newline(depth: open.count) }
    bytes.append(bracket)
    if let depth = lineDepth, open.count < depth { lineDepth = nil }
  }

  private mutating func newline(depth: Int) {
    bytes.append(UInt8(ascii: "\n"))
    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
  }
}
