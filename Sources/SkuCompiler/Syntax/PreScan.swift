/// What the pre-scan learned about a file that passed it.
struct ScannedText: Sendable {
  /// 3 when the file opens with a UTF-8 byte order mark, else 0.
  var bodyStart: Int
  /// No byte after the byte order mark is above 0x7F, so character indexes are byte offsets.
  var isASCII: Bool
  /// Byte offsets of the first tab in each line's leading whitespace, in file order. The
  /// tree builder refuses those outside block scalars as tab indentation.
  var indentationTabs: [Int]
}

/// The byte pre-scan that runs before libyaml sees a file (spec §1).
///
/// libyaml silently decodes UTF-16, skips byte order marks at line starts, and takes U+0085,
/// U+2028 and U+2029 as line breaks, which would shift every later line number. So the bytes
/// are checked first, and a file with any problem here never reaches libyaml.
///
/// Reporting policy: a file over the size limit, or in UTF-16 or UTF-32, gets that single
/// diagnostic (nothing else in it is meaningful). Otherwise every invalid UTF-8 sequence,
/// forbidden character and misplaced byte order mark is reported, in file order, up to the
/// front end's per-file cap, each at its exact line and column. Bytes that continue an
/// invalid sequence are not reported again.
enum PreScan {
  static func run(
    _ bytes: UnsafeBufferPointer<UInt8>, file: String, diagnostics: inout FileDiagnostics
  ) -> ScannedText? {
    if bytes.count > YAMLFrontEnd.maximumFileSize {
      diagnostics.add(
        .error(
          .fileTooLarge,
          "the file is \(bytes.count) bytes; files may be at most 16 MiB "
            + "(\(YAMLFrontEnd.maximumFileSize) bytes)",
          at: .startOfFile(file), hint: "split the catalog into several product files"))
      return nil
    }
    if let encoding = foreignEncoding(bytes) {
      diagnostics.add(
        .error(
          .unsupportedEncoding, "the file is encoded as \(encoding); catalog files must be UTF-8",
          at: .startOfFile(file),
          hint: "save the file as UTF-8, or convert it: "
            + LegacyEncoding.conversion(from: iconvName(encoding), file: file)))
      return nil
    }
    let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    let bodyStart = hasBOM ? 3 : 0
    var cursor = LineColumnCursor(bytes, bodyStart: bodyStart)
    var isASCII = true
    var clean = true
    var tabs: [Int] = []
    // At the first invalid UTF-8 sequence the file is tried as GB18030, once.
    var sawDefect = false
    var index = bodyStart
    let count = bytes.count
    while index < count {
      if let word = ASCIIWord.load(bytes, at: index), ASCIIWord.isPrintable(word) {
        index += 8
        continue
      }
      let byte = bytes[index]
      // Printable ASCII, LF and CR: by far the most common bytes.
      if byte &- 0x20 < 0x5F || byte == 0x0A || byte == 0x0D {
        index += 1
        continue
      }
      if byte == 0x09 {
        if isFirstIndentationTab(bytes, at: index, bodyStart: bodyStart) { tabs.append(index) }
        index += 1
        continue
      }
      guard !diagnostics.isFull else { break }
      if byte < 0x80 {
        report(byte: UInt32(byte), at: index, length: 1, file: file, &cursor, &diagnostics)
        clean = false
        index += 1
        continue
      }
      isASCII = false
      let step = UTF8Step.decode(bytes, at: index)
      if let defect = step.defect {
        if !sawDefect, LegacyEncoding.isGB18030(bytes) {
          diagnostics.add(LegacyEncoding.gb18030Diagnostic(file: file))
          return nil
        }
        sawDefect = true
        let start = cursor.location(at: index)
        let end = SourceLocation(
          line: start.line, column: start.column + 1, offset: index + step.length)
        diagnostics.add(
          .error(
            .invalidUTF8, "invalid UTF-8: \(defect.explanation) (\(hexDump(bytes, at: index)))",
            at: SourceRange(file: file, start: start, end: end),
            hint: "save the file as UTF-8"))
        clean = false
        index += step.length
        while index < count && bytes[index] & 0xC0 == 0x80 { index += 1 }
        continue
      }
      if ForbiddenCharacters.name(of: step.scalar) != nil || step.scalar == 0xFEFF {
        report(byte: step.scalar, at: index, length: step.length, file: file, &cursor, &diagnostics)
        clean = false
      }
      index += step.length
    }
    return clean ? ScannedText(bodyStart: bodyStart, isASCII: isASCII, indentationTabs: tabs) : nil
  }

  /// Whether only spaces stand between this tab and the start of its line. Tabs are rare in
  /// YAML files, so looking back from each one costs less than tracking line starts.
  private static func isFirstIndentationTab(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, bodyStart: Int
  ) -> Bool {
    var back = index
    while back > bodyStart {
      let byte = bytes[back - 1]
      if byte == 0x0A || byte == 0x0D { return true }
      if byte != 0x20 { return false }
      back -= 1
    }
    return true
  }

  private static func report(
    byte scalar: UInt32, at offset: Int, length: Int, file: String,
    _ cursor: inout LineColumnCursor, _ diagnostics: inout FileDiagnostics
  ) {
    let start = cursor.location(at: offset)
    let end = SourceLocation(line: start.line, column: start.column + 1, offset: offset + length)
    let range = SourceRange(file: file, start: start, end: end)
    if scalar == 0xFEFF {
      diagnostics.add(
        .error(
          .misplacedByteOrderMark,
          "byte order mark U+FEFF (ZERO WIDTH NO-BREAK SPACE) after the start of the file",
          at: range,
          hint: "delete it; a byte order mark may only open a file, and one here usually "
            + "comes from joining files"))
    } else if let name = ForbiddenCharacters.name(of: scalar) {
      diagnostics.add(
        .error(
          .forbiddenCharacter,
          "forbidden character \(ForbiddenCharacters.describe(scalar, name: name))",
          at: range, hint: ForbiddenCharacters.hint(for: scalar)))
    }
  }

  /// UTF-16 and UTF-32 by their byte order marks, or by the NUL pattern their first
  /// character leaves when it is ASCII (the YAML specification's own detection rule).
  static func foreignEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let count = bytes.count
    guard count >= 2 else { return nil }
    let (b0, b1) = (bytes[0], bytes[1])
    if count >= 4 {
      let (b2, b3) = (bytes[2], bytes[3])
      if b0 == 0 && b1 == 0 && ((b2 == 0xFE && b3 == 0xFF) || (b2 == 0 && b3 != 0)) {
        return "UTF-32 (big-endian)"
      }
      if b2 == 0 && b3 == 0 && ((b0 == 0xFF && b1 == 0xFE) || (b0 != 0 && b1 == 0)) {
        return "UTF-32 (little-endian)"
      }
    }
    if (b0 == 0xFE && b1 == 0xFF) || (b0 == 0 && b1 != 0) { return "UTF-16 (big-endian)" }
    if (b0 == 0xFF && b1 == 0xFE) || (b0 != 0 && b1 == 0) { return "UTF-16 (little-endian)" }
    return nil
  }

  /// `UTF-16 (little-endian)` → `UTF-16LE`, the name iconv knows.
  private static func iconvName(_ encoding: String) -> String {
    let base = encoding.prefix { $0 != " " }
    return base + (encoding.contains("big-endian") ? "BE" : "LE")
  }

  /// The offending bytes as `bytes C0 AF`: the lead byte and the continuation bytes after it.
  private static func hexDump(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> String {
    var parts: [String] = []
    var index = start
    while index < bytes.count && parts.count < 4 && (index == start || bytes[index] & 0xC0 == 0x80)
    {
      let hex = String(bytes[index], radix: 16, uppercase: true)
      parts.append(hex.count == 1 ? "0" + hex : hex)
      index += 1
    }
    return (parts.count == 1 ? "byte " : "bytes ") + parts.joined(separator: " ")
  }
}
