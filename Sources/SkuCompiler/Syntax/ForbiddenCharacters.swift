/// The code points the pre-scan refuses, with the names diagnostics print.
///
/// The names are the Unicode name aliases for control characters (which have no proper
/// names). They are spelled out here rather than taken from `Unicode.Scalar.Properties`
/// because that API returns nothing for controls, and messages must not depend on the
/// Unicode tables of the machine that runs skuc.
enum ForbiddenCharacters {
  /// The name of a code point catalog files must not contain, or `nil` when it is allowed.
  ///
  /// Refused: NUL and the other C0 controls except tab, LF and CR; DEL; the C1 controls
  /// (which include U+0085 NEXT LINE); U+2028 and U+2029, which libyaml, like U+0085, takes as
  /// line breaks that most editors do not show; and U+FFFE and U+FFFF, which libyaml itself
  /// rejects. A byte order mark is reported separately, as misplaced.
  static func name(of scalar: UInt32) -> String? {
    switch scalar {
    case 0x09, 0x0A, 0x0D: nil
    case 0x00..<0x20: c0Names[Int(scalar)]
    case 0x7F: "DELETE"
    case 0x80..<0xA0: c1Names[Int(scalar - 0x80)]
    case 0x2028: "LINE SEPARATOR"
    case 0x2029: "PARAGRAPH SEPARATOR"
    case 0xFFFE, 0xFFFF: "NONCHARACTER"
    default: nil
    }
  }

  /// `U+2028 (LINE SEPARATOR)`.
  static func describe(_ scalar: UInt32, name: String) -> String {
    "\(codePoint(scalar)) (\(name))"
  }

  /// `U+00A0`: upper-case hex, at least four digits.
  static func codePoint(_ scalar: UInt32) -> String {
    let hex = String(scalar, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// Advice that fits the character: NUL usually means a binary or UTF-16 file, the line
  /// separators come from copying text out of web pages and word processors.
  static func hint(for scalar: UInt32) -> String {
    switch scalar {
    case 0x00:
      "a NUL byte usually means the file is binary or not saved as UTF-8"
    case 0x85, 0x2028, 0x2029:
      "YAML tools disagree on whether this character ends a line; replace it with a plain line break or a space"
    default:
      "delete the character; control characters are not allowed in catalog files"
    }
  }

  private static let c0Names: [String] = [
    "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION",
    "ENQUIRY", "ACKNOWLEDGE", "BELL", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED",
    "LINE TABULATION", "FORM FEED", "CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN",
    "DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK", "CANCEL", "END OF MEDIUM", "SUBSTITUTE", "ESCAPE",
    "FILE SEPARATOR", "GROUP SEPARATOR", "RECORD SEPARATOR", "UNIT SEPARATOR",
  ]

  private static let c1Names: [String] = [
    "PADDING CHARACTER", "HIGH OCTET PRESET", "BREAK PERMITTED HERE", "NO BREAK HERE",
    "INDEX", "NEXT LINE", "START OF SELECTED AREA", "END OF SELECTED AREA",
    "CHARACTER TABULATION SET", "CHARACTER TABULATION WITH JUSTIFICATION",
    "LINE TABULATION SET", "PARTIAL LINE FORWARD", "PARTIAL LINE BACKWARD",
    "REVERSE LINE FEED", "SINGLE SHIFT TWO", "SINGLE SHIFT THREE", "DEVICE CONTROL STRING",
    "PRIVATE USE ONE", "PRIVATE USE TWO", "SET TRANSMIT STATE", "CANCEL CHARACTER",
    "MESSAGE WAITING", "START OF GUARDED AREA", "END OF GUARDED AREA", "START OF STRING",
    "SINGLE GRAPHIC CHARACTER INTRODUCER", "SINGLE CHARACTER INTRODUCER",
    "CONTROL SEQUENCE INTRODUCER", "STRING TERMINATOR", "OPERATING SYSTEM COMMAND",
    "PRIVACY MESSAGE", "APPLICATION PROGRAM COMMAND",
  ]
}
