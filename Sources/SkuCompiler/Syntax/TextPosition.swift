/// Why a byte sequence is not UTF-8, in the words a catalog author can act on.
enum UTF8Defect: Sendable, Hashable {
  case unexpectedContinuation
  case overlong
  case surrogate
  case beyondUnicode
  case truncated
  case impossibleByte

  var explanation: String {
    switch self {
    case .unexpectedContinuation: "a continuation byte without a leading byte"
    case .overlong: "an overlong encoding"
    case .surrogate: "an encoded UTF-16 surrogate (U+D800 to U+DFFF)"
    case .beyondUnicode: "a code point above U+10FFFF"
    case .truncated: "an incomplete multi-byte sequence"
    case .impossibleByte: "a byte that never occurs in UTF-8"
    }
  }
}

/// One decoded step through UTF-8 text.
///
/// An invalid sequence covers its "maximal subpart" (Unicode §3.9), the same unit Swift's
/// `String(decoding:as:)` replaces with one U+FFFD. Counting columns in that unit keeps the
/// columns of the pre-scan and the carets of the text printer in agreement.
struct UTF8Step: Sendable {
  var scalar: UInt32
  var length: Int
  var defect: UTF8Defect?

  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> UTF8Step {
    let lead = UInt32(bytes[start])
    if lead < 0x80 { return UTF8Step(scalar: lead, length: 1, defect: nil) }
    if lead < 0xC0 { return UTF8Step(scalar: 0, length: 1, defect: .unexpectedContinuation) }
    if lead < 0xC2 { return UTF8Step(scalar: 0, length: 1, defect: .overlong) }
    if lead > 0xF4 {
      return UTF8Step(scalar: 0, length: 1, defect: lead < 0xF8 ? .beyondUnicode : .impossibleByte)
    }
    let trailing: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    var scalar: UInt32
    if lead < 0xE0 {
      trailing = 1
      scalar = lead & 0x1F
    } else if lead < 0xF0 {
      trailing = 2
      scalar = lead & 0x0F
      if lead == 0xE0 { low = 0xA0 } else if lead == 0xED { high = 0x9F }
    } else {
      trailing = 3
      scalar = lead & 0x07
      if lead == 0xF0 { low = 0x90 } else if lead == 0xF4 { high = 0x8F }
    }
    for index in 1...trailing {
      let position = start + index
      guard position < bytes.count else {
        return UTF8Step(scalar: 0, length: index, defect: .truncated)
      }
      let byte = bytes[position]
      let inRange = index == 1 ? (byte >= low && byte <= high) : (byte & 0xC0 == 0x80)
      guard inRange else {
        let defect: UTF8Defect
        if index == 1 && byte & 0xC0 == 0x80 {
          // A continuation byte outside the lead byte's range.
          defect = lead == 0xED ? .surrogate : lead == 0xF4 ? .beyondUnicode : .overlong
        } else {
          defect = .truncated
        }
        return UTF8Step(scalar: 0, length: index, defect: defect)
      }
      scalar = scalar << 6 | UInt32(byte & 0x3F)
    }
    return UTF8Step(scalar: scalar, length: trailing + 1, defect: nil)
  }
}

/// Turns byte offsets into 1-based line and column, moving forward through the file.
///
/// Line breaks are LF, CR and CRLF, as libyaml counts them (the other breaks libyaml knows,
/// U+0085, U+2028 and U+2029, are refused by the pre-scan). Columns count Unicode scalars.
/// Asking for an earlier offset restarts from the top, so callers ask in file order.
struct LineColumnCursor {
  private let bytes: UnsafeBufferPointer<UInt8>
  private let bodyStart: Int
  private var offset: Int
  private var line = 1
  private var column = 1

  init(_ bytes: UnsafeBufferPointer<UInt8>, bodyStart: Int) {
    self.bytes = bytes
    self.bodyStart = bodyStart
    self.offset = bodyStart
  }

  mutating func location(at target: Int) -> SourceLocation {
    let target = min(max(target, bodyStart), bytes.count)
    if target < offset {
      offset = bodyStart
      line = 1
      column = 1
    }
    while offset < target {
      let byte = bytes[offset]
      if byte == 0x0A {
        if offset == bodyStart || bytes[offset - 1] != 0x0D { line += 1 }
        column = 1
        offset += 1
      } else if byte == 0x0D {
        line += 1
        column = 1
        offset += 1
      } else if byte < 0x80 {
        column += 1
        offset += 1
      } else {
        column += 1
        offset += UTF8Step.decode(bytes, at: offset).length
      }
    }
    return SourceLocation(line: line, column: column, offset: offset)
  }
}

/// Turns libyaml marks into source locations.
///
/// libyaml's marks carry line and column (which match ours once made 1-based) and a character
/// index, but no byte offset. The byte offset comes from walking a cursor from the previous
/// mark to this one; events arrive almost in file order, so the total walk is about one pass
/// over the file. ASCII files (the common case) skip the walk: there an index is a byte count.
struct MarkLocator {
  private let bytes: UnsafeBufferPointer<UInt8>
  private let bodyStart: Int
  private let isASCII: Bool
  private var characterIndex = 0
  private var byteOffset: Int

  /// `bodyStart` is 3 when the file opens with a UTF-8 byte order mark, which libyaml skips
  /// without counting; `isASCII` says no byte from there on is above 0x7F.
  init(_ bytes: UnsafeBufferPointer<UInt8>, bodyStart: Int, isASCII: Bool) {
    self.bytes = bytes
    self.bodyStart = bodyStart
    self.isASCII = isASCII
    self.byteOffset = bodyStart
  }

  mutating func location(_ mark: LibYAMLMark) -> SourceLocation {
    SourceLocation(line: mark.line + 1, column: mark.column + 1, offset: offset(of: mark))
  }

  /// The location of `mark` when its byte offset is already known, which moves the cursor
  /// there without walking the text in between.
  mutating func location(_ mark: LibYAMLMark, knownOffset: Int) -> SourceLocation {
    characterIndex = mark.index
    byteOffset = knownOffset
    return SourceLocation(line: mark.line + 1, column: mark.column + 1, offset: knownOffset)
  }

  mutating func offset(of mark: LibYAMLMark) -> Int {
    let target = max(mark.index, 0)
    if isASCII { return min(bodyStart + target, bytes.count) }
    // Eight ASCII bytes at a time: most text between two marks is ASCII even in files with
    // Chinese names.
    while target - characterIndex >= 8, let word = ASCIIWord.load(bytes, at: byteOffset),
      ASCIIWord.isASCII(word)
    {
      byteOffset += 8
      characterIndex += 8
    }
    // The pre-scan has validated the bytes, so a lead byte alone gives the length.
    while characterIndex < target && byteOffset < bytes.count {
      let lead = bytes[byteOffset]
      byteOffset += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
      characterIndex += 1
    }
    while characterIndex > target && byteOffset > bodyStart {
      byteOffset -= 1
      while byteOffset > bodyStart && bytes[byteOffset] & 0xC0 == 0x80 { byteOffset -= 1 }
      characterIndex -= 1
    }
    return byteOffset
  }
}

/// Eight bytes as one word, so that runs of ASCII text are checked eight bytes at a time.
enum ASCIIWord {
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// The eight bytes at `offset`, or `nil` when fewer remain.
  @inline(__always)
  static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64? {
    guard let base = bytes.baseAddress, bytes.count - offset >= 8 else { return nil }
    return UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
  }

  @inline(__always)
  static func isASCII(_ word: UInt64) -> Bool {
    word & highBits == 0
  }

  /// All eight bytes are printable ASCII (0x20 to 0x7E), using the classic "has a byte
  /// less than n" and "has a zero byte" bit tricks, which are exact for ASCII words.
  @inline(__always)
  static func isPrintable(_ word: UInt64) -> Bool {
    let control = (word &- ones &* 0x20) & ~word & highBits
    let delete = word ^ (ones &* 0x7F)
    let hasDelete = (delete &- ones) & ~delete & highBits
    return (word & highBits) | control | hasDelete == 0
  }
}
