/// Reads JSON into `JSONValue`, keeping each object's member order.
///
/// `skuc diff` reads payload directories written by `skuc build`. Foundation's
/// `JSONSerialization` would hand back dictionaries whose order changes from run to run (and
/// numbers as binary floating point), so names and schedules read back from a payload could
/// print in a different order each time. Payloads hold only strings, integers, `null` and
/// containers, so a number with a fraction or an exponent is refused rather than approximated.
public enum JSONReader {
  public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Byte offset of the problem in the input.
    public var offset: Int
    public var message: String

    public var description: String { "\(message) at byte \(offset)" }
  }

  /// Containers nest at most this deep; payloads need six levels.
  static let maximumDepth = 256

  public static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
    var parser = Parser(bytes: bytes)
    parser.skipWhitespace()
    let value = try parser.value(depth: 0)
    parser.skipWhitespace()
    guard parser.index == bytes.count else {
      throw parser.failure("unexpected text after the document")
    }
    return value
  }
}

private struct Parser {
  let bytes: [UInt8]
  var index = 0

  init(bytes: [UInt8]) {
    self.bytes = bytes
    // A leading UTF-8 byte order mark is tolerated, as many editors write one.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
  }

  func failure(_ message: String) -> JSONReader.Failure {
    JSONReader.Failure(offset: index, message: message)
  }

  mutating func skipWhitespace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  mutating func value(depth: Int) throws(JSONReader.Failure) -> JSONValue {
    guard depth < JSONReader.maximumDepth else { throw failure("nesting is too deep") }
    guard index < bytes.count else { throw failure("unexpected end of input") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try integer()
    default: throw failure("unexpected character")
    }
  }

  private mutating func literal(
    _ word: String, _ value: JSONValue
  ) throws(JSONReader.Failure)
    -> JSONValue
  {
    let expected = Array(word.utf8)
    guard bytes[index...].starts(with: expected) else { throw failure("unexpected character") }
    index += expected.count
    return value
  }

  private mutating func object(depth: Int) throws(JSONReader.Failure) -> JSONValue {
    index += 1
    var members: [(String, JSONValue)] = []
    var seen: Set<String> = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw failure("expected a member name")
      }
      let start = index
      let key = try string()
      guard seen.insert(key).inserted else {
        throw JSONReader.Failure(offset: start, message: "duplicate member '\(key)'")
      }
      skipWhitespace()
      try expect(UInt8(ascii: ":"))
      skipWhitespace()
      members.append((key, try value(depth: depth + 1)))
      skipWhitespace()
      if try separatorOrEnd(UInt8(ascii: "}")) { return .object(members) }
    }
  }

  private mutating func array(depth: Int) throws(JSONReader.Failure) -> JSONValue {
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try value(depth: depth + 1))
      skipWhitespace()
      if try separatorOrEnd(UInt8(ascii: "]")) { return .array(elements) }
    }
  }

  /// Consumes `,` (returns false) or the closing bracket (returns true).
  private mutating func separatorOrEnd(_ closing: UInt8) throws(JSONReader.Failure) -> Bool {
    guard index < bytes.count else { throw failure("unexpected end of input") }
    if bytes[index] == UInt8(ascii: ",") {
      index += 1
      return false
    }
    try expect(closing)
    return true
  }

  private mutating func expect(_ byte: UInt8) throws(JSONReader.Failure) {
    guard index < bytes.count, bytes[index] == byte else {
      throw failure("expected '\(Character(Unicode.Scalar(byte)))'")
    }
    index += 1
  }

  private mutating func integer() throws(JSONReader.Failure) -> JSONValue {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    let digitsStart = index
    while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
      index += 1
    }
    let digits = index - digitsStart
    guard digits > 0, digits == 1 || bytes[digitsStart] != UInt8(ascii: "0") else {
      throw JSONReader.Failure(offset: start, message: "invalid number")
    }
    if index < bytes.count,
      [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index])
    {
      throw JSONReader.Failure(
        offset: start, message: "a number with a fraction or exponent (amounts are strings)")
    }
    guard let value = Int(String(decoding: bytes[start..<index], as: UTF8.self)) else {
      throw JSONReader.Failure(offset: start, message: "integer out of range")
    }
    return .integer(value)
  }

  private mutating func string() throws(JSONReader.Failure) -> String {
    index += 1
    var scalars = String.UnicodeScalarView()
    var runStart = index
    func flush(_ end: Int) throws(JSONReader.Failure) {
      guard let run = String(validating: bytes[runStart..<end], as: UTF8.self) else {
        throw JSONReader.Failure(offset: runStart, message: "invalid UTF-8 in a string")
      }
      scalars.append(contentsOf: run.unicodeScalars)
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        try flush(index)
        index += 1
        return String(scalars)
      }
      if byte < 0x20 { throw failure("control character in a string") }
      if byte == UInt8(ascii: "\\") {
        try flush(index)
        index += 1
        scalars.append(try escape())
        runStart = index
        continue
      }
      index += 1
    }
    throw failure("unterminated string")
  }

  private mutating func escape() throws(JSONReader.Failure) -> Unicode.Scalar {
    guard index < bytes.count else { throw failure("unterminated string") }
    let byte = bytes[index]
    index += 1
    switch byte {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{8}"
    case UInt8(ascii: "f"): return "\u{C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      let first = try hexQuad()
      if (0xD800..<0xDC00).contains(first) {
        guard bytes[index...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
          throw failure("unpaired surrogate escape")
        }
        index += 2
        let second = try hexQuad()
        guard (0xDC00..<0xE000).contains(second),
          let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        else { throw failure("unpaired surrogate escape") }
        return scalar
      }
      guard let scalar = Unicode.Scalar(first) else { throw failure("unpaired surrogate escape") }
      return scalar
    default:
      throw failure("invalid escape")
    }
  }

  private mutating func hexQuad() throws(JSONReader.Failure) -> UInt32 {
    guard index + 4 <= bytes.count,
      let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16),
      bytes[index..<(index + 4)].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") })
    else { throw failure("invalid \\u escape") }
    index += 4
    return value
  }
}
