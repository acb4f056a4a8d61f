import Foundation

/// What makes two names look alike to a buyer, and which characters a name may not hold at all
/// (spec §15, ids and names). A pull request controls every name, so `Bаsic` (Cyrillic а) beside
/// `Basic`, or a right-to-left override that reverses what a buyer reads, must be refused.
enum NameSafety {
  /// A TR39-style skeleton: NFKC, default-ignorable characters removed, lower-cased, common
  /// Cyrillic and Greek look-alikes mapped to Latin. Two names with the same skeleton are two
  /// names a buyer cannot tell apart. Only used to compare names, never shown or stored.
  static func skeleton(_ text: String) -> String {
    // ASCII is its own NFKC form and holds no look-alike: the common case stays cheap for an
    // attribute with a million values.
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
    let normalized = text.precomposedStringWithCompatibilityMapping.lowercased()
    var result = String.UnicodeScalarView()
    for scalar in normalized.unicodeScalars where !isDefaultIgnorable(scalar) {
      result.append(lookAlikes[scalar] ?? scalar)
    }
    return String(result)
  }

  /// The first bidi control or default-ignorable character in a name, if any.
  static func forbiddenCharacter(in text: String) -> Unicode.Scalar? {
    text.unicodeScalars.first { isDefaultIgnorable($0) || isBidiControl($0) }
  }

  /// `U+200B (ZERO WIDTH SPACE)`, or the code point alone for characters without a listed name.
  static func describe(_ scalar: Unicode.Scalar) -> String {
    let point = ForbiddenCharacters.codePoint(scalar.value)
    if let name = ScalarGrammar.invisibleCharacterName(scalar) { return "\(point) (\(name))" }
    switch scalar.value {
    case 0x061C: return "\(point) (ARABIC LETTER MARK)"
    case 0x00AD: return "\(point) (SOFT HYPHEN)"
    default: return point
    }
  }

  /// Unicode's bidi controls: embeddings, overrides, isolates and the directional marks.
  static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// Default_Ignorable_Code_Point (Unicode 15, DerivedCoreProperties.txt), spelled out so that
  /// the answer does not depend on the Unicode tables of the machine that runs skuc.
  static func isDefaultIgnorable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F,
      0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0x3164, 0xFE00...0xFE0F, 0xFEFF,
      0xFFA0, 0xFFF0...0xFFF8, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A, 0xE0000...0xE0FFF:
      true
    default: false
    }
  }

  /// Lower-case Cyrillic and Greek letters that look like a Latin letter (after lower-casing,
  /// so `А`, `а`, `Α` and `α` all meet `a`). From TR39's confusables, the common cases.
  static let lookAlikes: [Unicode.Scalar: Unicode.Scalar] = [
    // Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "ë", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "ï", "ѕ": "s", "ј": "j", "ԁ": "d",
    "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ѵ": "v", "ɡ": "g", "ı": "i",
    // Greek
    "α": "a", "β": "b", "ε": "e", "ζ": "z", "η": "h", "ι": "i", "κ": "k", "μ": "m", "ν": "v",
    "ο": "o", "ρ": "p", "τ": "t", "υ": "y", "χ": "x", "ϲ": "c", "ϳ": "j",
  ]
}
