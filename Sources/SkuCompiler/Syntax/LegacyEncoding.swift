/// Files saved in a Chinese Windows code page (GBK, GB18030) rather than UTF-8.
///
/// Such a file breaks UTF-8 at nearly every Chinese character, and dozens of "invalid UTF-8"
/// errors hide the one fact that matters: the whole file is in another encoding. When every
/// byte sequence is well-formed GB18030 (and at least one is not ASCII), the file gets a single
/// diagnostic that names the encoding and the command that converts it.
enum LegacyEncoding {
  /// Whether the bytes are well-formed GB18030 with at least one multi-byte character:
  /// one byte 00–7F; two bytes 81–FE then 40–7E or 80–FE; or four bytes 81–FE, 30–39, 81–FE,
  /// 30–39 (GB 18030-2005 §5). GBK is the two-byte subset.
  ///
  /// Latin-1 text is often well-formed GBK too (`é` then a letter is a valid pair), and
  /// converting it as GB18030 would garble it. So at least half the multi-byte characters
  /// must lie in the GB2312 Chinese area (both bytes A1–FE), where real Chinese text lives
  /// and where an accented Latin letter followed by an ASCII letter never falls.
  static func isGB18030(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    var multiByte = 0
    var chinese = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      guard lead >= 0x81 && lead <= 0xFE, index + 1 < count else { return false }
      let second = bytes[index + 1]
      if (second >= 0x40 && second <= 0x7E) || (second >= 0x80 && second <= 0xFE) {
        if lead >= 0xA1 && second >= 0xA1 { chinese += 1 }
        index += 2
      } else if second >= 0x30 && second <= 0x39, index + 3 < count,
        (0x81...0xFE).contains(bytes[index + 2]), (0x30...0x39).contains(bytes[index + 3])
      {
        index += 4
      } else {
        return false
      }
      multiByte += 1
    }
    return multiByte > 0 && chinese * 2 >= multiByte
  }

  static func gb18030Diagnostic(file: String) -> Diagnostic {
    .error(
      .legacyChineseEncoding,
      "the file is not UTF-8 but reads as GB18030 (GBK); catalog files must be UTF-8",
      at: .startOfFile(file),
      hint: "save the file as UTF-8, or convert it: " + conversion(from: "GB18030", file: file))
  }

  /// `iconv -f GB18030 -t UTF-8 FILE > FILE.utf8 && mv FILE.utf8 FILE`, with the path quoted
  /// for a POSIX shell when it holds anything but plain path characters.
  static func conversion(from encoding: String, file: String) -> String {
    let plain = file.unicodeScalars.allSatisfy { scalar in
      scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        || "/._-+".unicodeScalars.contains(scalar)
    }
    let quoted =
      plain
      ? file
      : "'"
        + file.split(separator: "'", omittingEmptySubsequences: false)
        .joined(separator: "'\\''") + "'"
    let converted =
      plain
      ? file + ".utf8"
      : "'"
        + file.split(separator: "'", omittingEmptySubsequences: false)
        .joined(separator: "'\\''") + ".utf8'"
    return "iconv -f \(encoding) -t UTF-8 \(quoted) > \(converted) && mv \(converted) \(quoted)"
  }
}
