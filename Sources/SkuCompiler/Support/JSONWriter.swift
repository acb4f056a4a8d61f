/// The one way skuc writes JSON.
///
/// `JSONEncoder` orders keys differently on Linux and Darwin and escapes `/` and non-ASCII
/// text differently between versions; payload bytes are hashed into the manifest and compared
/// across machines (spec §11, checklist G1), so the format is fixed here instead:
/// - pretty: two-space indent, `"key": value`, one member or element per line, empty
///   containers as `[]` / `{}`, a final newline; compact: no whitespace at all, no newline;
/// - strings escape `"`, `\`, control characters (`\n`, `\t`, `\r`, `\b`, `\f`, otherwise
///   `\u00xx` in lower-case hex) and U+2028 / U+2029 (which end lines in JavaScript); every
///   other character is written as raw UTF-8.
public enum JSONWriter {
  /// The UTF-8 bytes of `value`.
  public static func serialize(_ value: JSONValue, pretty: Bool = true) -> [UInt8] {
    var writer = JSONStreamWriter(pretty: pretty)
    writer.value(value)
    writer.finish()
    return writer.bytes
  }

  /// Appends `text` as a quoted JSON string.
  ///
  /// Copies runs of bytes that need no escape in one go; only `"`, `\`, bytes below 0x20 and
  /// the three-byte sequences of U+2028 / U+2029 (`E2 80 A8` / `E2 80 A9`) stop a run.
  static func appendString(_ text: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { utf8 in
      var runStart = 0
      var index = 0
      while index < utf8.count {
        let byte = utf8[index]
        if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2
        {
          index += 1
          continue
        }
        if byte == 0xE2 {
          guard index + 2 < utf8.count, utf8[index + 1] == 0x80,
            utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9
          else {
            index += 1
            continue
          }
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
          bytes.append(contentsOf: utf8[index + 2] == 0xA8 ? escaped2028 : escaped2029)
          index += 3
          runStart = index
          continue
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
        appendEscape(for: byte, to: &bytes)
        index += 1
        runStart = index
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)
  private static let escaped2028 = Array(#"\u2028"#.utf8)
  private static let escaped2029 = Array(#"\u2029"#.utf8)

  private static func appendEscape(for byte: UInt8, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
    case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
    case 0x0A: bytes.append(UInt8(ascii: "n"))
    case 0x09: bytes.append(UInt8(ascii: "t"))
    case 0x0D: bytes.append(UInt8(ascii: "r"))
    case 0x08: bytes.append(UInt8(ascii: "b"))
    case 0x0C: bytes.append(UInt8(ascii: "f"))
    default:
      bytes.append(contentsOf: [
        UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigits[Int(byte >> 4)],
        hexDigits[Int(byte & 0x0F)],
      ])
    }
  }

  static func appendInteger(_ value: Int, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    DecimalDigits.appendDigits(of: UInt64(value.magnitude), to: &bytes)
  }
}
