import Foundation

@testable import SkuCompiler

/// The JSON writer: a random `JSONValue` decoded from the input is serialized pretty and
/// compact, and Foundation's `JSONSerialization` must read both back to the same value, with
/// every string byte for byte.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var input = FuzzBytes(Array(UnsafeBufferPointer(start: data, count: size)))
  let value = randomValue(&input, depth: 0)
  for pretty in [true, false] {
    let bytes = JSONWriter.serialize(value, pretty: pretty)
    require(pretty == (bytes.last == 0x0A), "final newline (pretty: \(pretty))")
    guard
      let parsed = try? JSONSerialization.jsonObject(
        with: Data(bytes), options: [.fragmentsAllowed])
    else {
      fatalError("not JSON: \(String(decoding: bytes, as: UTF8.self))")
    }
    if let found = difference(parsed, value) {
      fatalError("read back differs at \(found)\n\(String(decoding: bytes, as: UTF8.self))")
    }
  }
  return 0
}

/// Strings come in two kinds so the fuzzer reaches every escape quickly: raw bytes decoded as
/// UTF-8 (invalid sequences become U+FFFD), or code points spread over the whole Unicode range.
private func randomString(_ input: inout FuzzBytes) -> String {
  let header = input.byte()
  let length = Int(header & 0x3F)
  guard header & 0x80 != 0 else {
    return String(decoding: input.bytes(length), as: UTF8.self)
  }
  var scalars = String.UnicodeScalarView()
  for _ in 0..<length {
    let raw = UInt32(input.byte()) << 16 | UInt32(input.byte()) << 8 | UInt32(input.byte())
    if let scalar = Unicode.Scalar(raw % 0x11_0000) { scalars.append(scalar) }
  }
  return String(scalars)
}

private func randomValue(_ input: inout FuzzBytes, depth: Int) -> JSONValue {
  let kinds = depth >= 24 ? 4 : 6
  switch input.below(kinds) {
  case 0: return .null
  case 1: return .bool(input.byte() & 1 == 1)
  case 2: return .integer(Int(input.int64()))
  case 3: return .string(randomString(&input))
  case 4:
    let count = input.below(8)
    return .array((0..<count).map { _ in randomValue(&input, depth: depth + 1) })
  default:
    let count = input.below(8)
    return .object(
      (0..<count).map { _ in (randomString(&input), randomValue(&input, depth: depth + 1)) })
  }
}

/// The first difference between what Foundation read and `value`, or nil when they agree.
/// Objects are compared by key when their keys are distinct (a dictionary keeps one value per
/// key and forgets the order, which the writer's own golden tests cover).
private func difference(_ parsed: Any, _ value: JSONValue, at path: String = "$") -> String? {
  let mismatch = "\(path): read \(parsed), wrote \(value)"
  switch value {
  case .null:
    return parsed is NSNull ? nil : mismatch
  case .bool(let expected):
    return (parsed as? Bool) == expected ? nil : mismatch
  case .integer(let expected):
    let number = parsed as? NSNumber
    return number?.int64Value == Int64(expected) && number?.stringValue == String(expected)
      ? nil : mismatch
  case .string(let expected):
    guard let text = parsed as? String else { return mismatch }
    return Array(text.utf8) == foundationReading(expected)
      ? nil : "\(path): read \(Array(text.utf8)), wrote \(Array(expected.utf8))"
  case .array(let elements):
    guard let items = parsed as? [Any], items.count == elements.count else { return mismatch }
    for (index, pair) in zip(items, elements).enumerated() {
      if let found = difference(pair.0, pair.1, at: "\(path)[\(index)]") { return found }
    }
    return nil
  case .object(let members):
    guard let object = parsed as? [String: Any] else { return mismatch }
    // Swift compares `String` keys by canonical equivalence, so NFC and NFD spellings of one
    // key collide in the dictionary just as repeated keys do.
    var byKey: [String: (key: [UInt8], value: JSONValue)] = [:]
    for (key, member) in members {
      let read = foundationReading(key)
      byKey[String(decoding: read, as: UTF8.self)] = (read, member)
    }
    guard byKey.count == members.count else { return nil }
    guard object.count == members.count else { return mismatch }
    for (key, item) in object {
      guard let member = byKey[key], Array(key.utf8) == member.key else {
        return "\(path): read key \(Array(key.utf8))"
      }
      if let found = difference(item, member.value, at: "\(path).\(key)") { return found }
    }
    return nil
  }
}

/// The bytes Foundation's `JSONSerialization` gives back for a string the writer wrote.
///
/// On Linux it drops one U+FEFF at the start of each unescaped run of a string: at its start
/// and right after an escape (`"\u{FEFF}a"` and `"\\n\u{FEFF}a"` both lose it; found by this
/// fuzzer, see docs/robustness.md). Catalog text cannot hold U+FEFF (the front end's pre-scan
/// refuses a BOM after byte 0), so payloads never meet this; every other byte is checked.
private func foundationReading(_ text: String) -> [UInt8] {
  var kept = String.UnicodeScalarView()
  var runStart = true
  for scalar in text.unicodeScalars {
    if scalar == "\u{FEFF}" && runStart {
      runStart = false
      continue
    }
    runStart =
      scalar.value < 0x20 || scalar == "\"" || scalar == "\\" || scalar == "\u{2028}"
      || scalar == "\u{2029}"
    kept.append(scalar)
  }
  return Array(String(kept).utf8)
}
