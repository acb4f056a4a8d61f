/// Something a JSON document can be written into, one token at a time.
///
/// The payload is written by one encoder into either sink: `JSONStreamWriter` produces the
/// published bytes, streaming; `JSONTreeBuilder` produces a `JSONValue` for `skuc diff`, which
/// reads a compiled catalog the way it reads a payload directory. One encoder means the two can
/// never disagree.
public protocol JSONSink {
  mutating func beginObject()
  mutating func endObject()
  mutating func beginArray()
  mutating func endArray()
  mutating func key(_ key: String)
  mutating func string(_ value: String)
  mutating func integer(_ value: Int)
  mutating func null()
  mutating func value(_ value: JSONValue)
  /// Asks for the next container to be laid out on one line; layout only, never content.
  mutating func beginLine()
  /// Writes one value given as compact JSON bytes, inside a line, and says whether it could;
  /// a sink that cannot take bytes returns false and is given the value token by token.
  mutating func appendEncoded(_ bytes: [UInt8]) -> Bool
  /// Whether `appendEncodedLine` may be called.
  var acceptsEncodedLines: Bool { get }
  /// Writes the next array element as one line, from the compact bytes of its value: the
  /// same bytes as `beginLine()` and the value token by token.
  mutating func appendEncodedLine(_ bytes: ArraySlice<UInt8>)
}

extension JSONStreamWriter: JSONSink {}

/// Builds a `JSONValue` from sink calls.
public struct JSONTreeBuilder: JSONSink {
  private enum Frame {
    case object([(String, JSONValue)], pendingKey: String?)
    case array([JSONValue])
  }

  private var stack: [Frame] = []
  /// The finished document, once the root container is closed (or a root scalar written).
  public private(set) var root: JSONValue?

  public init() {}

  public mutating func beginObject() { stack.append(.object([], pendingKey: nil)) }

  public mutating func endObject() {
    guard case .object(let members, _) = stack.popLast() else {
      preconditionFailure("endObject without an open object")
    }
    add(.object(members))
  }

  public mutating func beginArray() { stack.append(.array([])) }

  public mutating func endArray() {
    guard case .array(let elements) = stack.popLast() else {
      preconditionFailure("endArray without an open array")
    }
    add(.array(elements))
  }

  public mutating func key(_ key: String) {
    guard case .object(let members, nil) = stack.popLast() else {
      preconditionFailure("JSON key \"\(key)\" outside an object or directly after another key")
    }
    stack.append(.object(members, pendingKey: key))
  }

  public mutating func string(_ value: String) { add(.string(value)) }
  public mutating func integer(_ value: Int) { add(.integer(value)) }
  public mutating func null() { add(.null) }
  public mutating func value(_ value: JSONValue) { add(value) }
  /// A tree has no layout.
  public mutating func beginLine() {}
  /// A tree takes values, not bytes.
  public mutating func appendEncoded(_ bytes: [UInt8]) -> Bool { false }
  public var acceptsEncodedLines: Bool { false }
  public mutating func appendEncodedLine(_ bytes: ArraySlice<UInt8>) {
    preconditionFailure("a JSON tree takes values, not encoded lines")
  }

  private mutating func add(_ value: JSONValue) {
    switch stack.popLast() {
    case nil:
      root = value
    case .object(var members, let key?):
      members.append((key, value))
      stack.append(.object(members, pendingKey: nil))
    case .object(_, nil):
      preconditionFailure("JSON object member written without a key")
    case .array(var elements):
      elements.append(value)
      stack.append(.array(elements))
    }
  }
}
