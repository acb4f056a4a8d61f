/// Finds the text of a source line for the text printer, building each file's table of line
/// starts once per render so that many diagnostics in a large file stay cheap.
///
/// Lines end at LF, CR or CRLF and a leading UTF-8 byte order mark is not part of line 1:
/// the same rules the front end counts lines and columns by.
struct SourceLineCache {
  private let sources: [String: [UInt8]]
  private var tables: [String: [Int]] = [:]

  init(_ sources: [String: [UInt8]]) {
    self.sources = sources
  }

  /// The line's characters, or `nil` when the file or line is unknown. Invalid UTF-8 shows
  /// as U+FFFD, one per maximal invalid subpart, which is how the front end counts columns.
  mutating func line(_ number: Int, in file: String) -> [Unicode.Scalar]? {
    guard let bytes = sources[file] else { return nil }
    let starts = tables[file] ?? Self.lineStarts(bytes)
    tables[file] = starts
    guard number >= 1 && number <= starts.count else { return nil }
    let start = starts[number - 1]
    var end = start
    while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
    return Array(String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars)
  }

  private static func lineStarts(_ bytes: [UInt8]) -> [Int] {
    let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    var starts = [hasBOM ? 3 : 0]
    var index = starts[0]
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == 0x0D && index < bytes.count && bytes[index] == 0x0A { index += 1 }
      if byte == 0x0A || byte == 0x0D { starts.append(index) }
    }
    return starts
  }
}
