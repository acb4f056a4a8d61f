extension String {
  /// The text with every control character written as a visible escape, `\u{1B}` style (upper
  /// case hex, no padding): C0 (U+0000–U+001F, tab and newline included), DEL (U+007F) and C1
  /// (U+0080–U+009F).
  ///
  /// File names and names in a catalog come from pull requests. Printed raw, an ESC sequence
  /// rewrites the reader's terminal, a newline forges an extra diagnostic or CI annotation, and a
  /// CR hides what came before it. Every text output that shows a path or a name passes it
  /// through this; JSON output needs it not, since JSON escapes control characters itself.
  /// A backslash is left as it is: it is harmless to a terminal, and common in names.
  public var escapingControlCharacters: String {
    guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return self }
    var result = ""
    result.reserveCapacity(utf8.count + 8)
    for scalar in unicodeScalars {
      if scalar.isControlCharacter {
        result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

extension Unicode.Scalar {
  /// C0, DEL or C1 (Unicode general category Cc).
  var isControlCharacter: Bool {
    value < 0x20 || (0x7F...0x9F).contains(value)
  }
}
