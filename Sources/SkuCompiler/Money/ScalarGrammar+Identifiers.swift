extension ScalarGrammar {
  /// Most characters allowed in an id (spec §2); the first must be a letter.
  public static let maxIDLength = 63

  /// `^[a-z][a-z0-9_-]{0,62}$`.
  public static func id(_ text: String) -> Result<String, ScalarError> {
    identifier(text, allowsHyphen: true)
  }

  /// `^[a-z][a-z0-9_]{0,62}$`: attribute ids become keys in SKU keys and payload objects, where
  /// `-` already separates words of the key syntax.
  public static func attributeID(_ text: String) -> Result<String, ScalarError> {
    identifier(text, allowsHyphen: false)
  }

  /// The first bidi control or zero-width character in `text`, if any.
  ///
  /// These make two different ids look identical (or an id look like another), so they are
  /// reported by name; callers use this to pick a dedicated diagnostic code.
  public static func invisibleCharacter(in text: String) -> Unicode.Scalar? {
    text.unicodeScalars.first { invisibleCharacterName($0) != nil }
  }

  /// The Unicode name of a character that `invisibleCharacter(in:)` reports, nil for others.
  static func invisibleCharacterName(_ scalar: Unicode.Scalar) -> String? {
    switch scalar.value {
    case 0x200B: "ZERO WIDTH SPACE"
    case 0x200C: "ZERO WIDTH NON-JOINER"
    case 0x200D: "ZERO WIDTH JOINER"
    case 0x200E: "LEFT-TO-RIGHT MARK"
    case 0x200F: "RIGHT-TO-LEFT MARK"
    case 0x202A: "LEFT-TO-RIGHT EMBEDDING"
    case 0x202B: "RIGHT-TO-LEFT EMBEDDING"
    case 0x202C: "POP DIRECTIONAL FORMATTING"
    case 0x202D: "LEFT-TO-RIGHT OVERRIDE"
    case 0x202E: "RIGHT-TO-LEFT OVERRIDE"
    case 0x2060: "WORD JOINER"
    case 0x2061: "FUNCTION APPLICATION"
    case 0x2062: "INVISIBLE TIMES"
    case 0x2063: "INVISIBLE SEPARATOR"
    case 0x2064: "INVISIBLE PLUS"
    case 0x2066: "LEFT-TO-RIGHT ISOLATE"
    case 0x2067: "RIGHT-TO-LEFT ISOLATE"
    case 0x2068: "FIRST STRONG ISOLATE"
    case 0x2069: "POP DIRECTIONAL ISOLATE"
    case 0xFEFF: "ZERO WIDTH NO-BREAK SPACE"
    default: nil
    }
  }

  private static func identifier(_ text: String, allowsHyphen: Bool) -> Result<String, ScalarError>
  {
    let kind = allowsHyphen ? "id" : "attribute id"
    let allowed = allowsHyphen ? "a-z, 0-9, _ and -" : "a-z, 0-9 and _"
    func failure(
      _ reason: String, hint: String? = nil, code: DiagnosticCode = .invalidID
    )
      -> Result<String, ScalarError>
    {
      .failure(
        ScalarError("\(quoted(text)) is not a valid \(kind): \(reason)", hint: hint, code: code))
    }
    guard let first = text.unicodeScalars.first else {
      return .failure(ScalarError("an \(kind) cannot be empty", code: .invalidID))
    }
    if let invisible = invisibleCharacter(in: text), let name = invisibleCharacterName(invisible) {
      return failure(
        "it contains the invisible character U+\(hex(invisible)) (\(name))",
        hint: "delete the character; it is easily pasted by accident and cannot be seen",
        code: .invisibleCharacter)
    }
    if let space = text.unicodeScalars.first(where: \.properties.isWhitespace) {
      let folded = text.contains(" - ") || text.hasPrefix("- ")
      return failure(
        space == " " ? "it contains a space" : "it contains the space character U+\(hex(space))",
        hint: folded
          ? "this looks like list items folded into one value by wrong indentation: put each "
            + "\"- item\" on its own line, indented under its key"
          : "ids have no spaces (join words with \(allowsHyphen ? "_ or -" : "_")); if this was "
            + "meant to be a list, check the indentation of its \"- \" items")
    }
    let lowered = text.lowercased()
    if lowered != text {
      let valid = (try? identifier(lowered, allowsHyphen: allowsHyphen).get()) != nil
      return failure("ids are lower-case", hint: valid ? "write \(quoted(lowered))" : nil)
    }
    if !("a"..."z").contains(first) {
      return failure("ids start with a letter a-z")
    }
    if !allowsHyphen && text.contains("-") {
      let fixed = text.replacingAll("-", with: "_")
      let valid = (try? identifier(fixed, allowsHyphen: false).get()) != nil
      return failure(
        "attribute ids use _ not -", hint: valid ? "write \(quoted(fixed))" : nil)
    }
    let isAllowed: (Unicode.Scalar) -> Bool = { scalar in
      ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
        || (allowsHyphen && scalar == "-")
    }
    if let bad = text.unicodeScalars.first(where: { !isAllowed($0) }) {
      return failure(
        "it contains \(quoted(String(bad))) (U+\(hex(bad))); ids use only \(allowed)")
    }
    let length = text.unicodeScalars.count
    if length > maxIDLength {
      return failure("it is \(length) characters long; ids have at most \(maxIDLength)")
    }
    return .success(text)
  }
}

extension String {
  /// `replacingOccurrences(of:with:)` without importing Foundation for one call.
  fileprivate func replacingAll(_ target: Character, with replacement: Character) -> String {
    String(map { $0 == target ? replacement : $0 })
  }
}
