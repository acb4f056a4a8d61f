/// Reads number-like text the way other tools (YAML 1.1, spreadsheets, programming languages)
/// would, only to tell the author what is wrong and how to write the number canonically.
///
/// Nothing read here ever becomes a catalog value: skuc has no implicit typing (spec §1), so a
/// reading is only ever shown as a hint ("write 1000").
struct NumberRepair: Equatable {
  /// What makes the text non-canonical, as the end of a sentence.
  var problem: String
  /// The number the text most plausibly meant, when there is one.
  var value: ExactDecimal?

  /// The reading of `text`, or nil when it does not look like a number at all.
  ///
  /// Text longer than any plausible number gets no reading: building a value from megabytes of
  /// digits would cost quadratic time for a hint nobody needs.
  static func reading(_ text: String) -> NumberRepair? {
    guard text.utf8.count <= 64 else { return nil }
    var problems: [String] = []
    var body = text
    if body.first?.isWhitespace == true || body.last?.isWhitespace == true {
      problems.append("spaces around the number are not allowed")
      let start = body.firstIndex { !$0.isWhitespace } ?? body.endIndex
      let end = body.lastIndex { !$0.isWhitespace }.map(body.index(after:)) ?? start
      body = String(body[start..<end])
    }
    let special = body.lowercased().trimmingPrefix(while: { $0 == "+" || $0 == "-" })
    if [".inf", ".nan", "inf", "nan", "infinity"].contains(special) {
      return NumberRepair(problem: "infinity and NaN are not numbers here", value: nil)
    }
    var ascii = ""
    for scalar in body.unicodeScalars {
      if !scalar.isASCII, scalar.properties.numericType == .decimal,
        let digit = scalar.properties.numericValue
      {
        ascii.append(String(Int(digit)))
      } else {
        ascii.unicodeScalars.append(scalar)
      }
    }
    if ascii != body { problems.append("only the ASCII digits 0-9 are allowed") }
    var negative = false
    var rest = Substring(ascii)
    if rest.first == "+" {
      problems.append("a leading + is not allowed")
      rest = rest.dropFirst()
    } else if rest.first == "-" {
      negative = true
      rest = rest.dropFirst()
    }
    guard var value = readMagnitude(rest, problems: &problems), let problem = problems.first
    else {
      if text.contains(",") && text.allSatisfy({ $0.isASCIIDigit || $0 == "," || $0 == "-" }) {
        return NumberRepair(
          problem: "use . as the decimal point, and no digit separators", value: nil)
      }
      return nil
    }
    if negative { value = -value }
    return NumberRepair(problem: problem, value: value)
  }

  /// The unsigned value of `text` in any of the spellings this type recognizes, noting each
  /// deviation from the canonical grammar in `problems`; nil when the text is no number.
  private static func readMagnitude(_ text: Substring, problems: inout [String]) -> ExactDecimal? {
    let lower = text.lowercased()
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) {
      guard let value = Int(lower.dropFirst(2), radix: radix) else { return nil }
      problems.append("only decimal digits are allowed (no 0x, 0o or 0b prefixes)")
      return ExactDecimal(value)
    }
    if text.contains(":") {
      return readSexagesimal(text, problems: &problems)
    }
    var body = String(text)
    if body.contains("_") || body.contains(",") {
      guard isGroupedProperly(body) else { return nil }
      problems.append("digit separators (_ or ,) are not allowed")
      body.removeAll { $0 == "_" || $0 == "," }
    }
    var exponent = 0
    if let marker = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      var digits = body[body.index(after: marker)...]
      let negativeExponent = digits.first == "-"
      if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
      // Larger exponents are not worth a hint that spells out dozens of zeros.
      guard digits.count <= 2, digits.allSatisfy(\.isASCIIDigit), let magnitude = Int(digits)
      else { return nil }
      problems.append("exponent notation is not allowed")
      exponent = negativeExponent ? -magnitude : magnitude
      body = String(body[..<marker])
    }
    if body.hasPrefix(".") || body.hasSuffix(".") {
      if body.hasPrefix(".") { body = "0" + body }
      if body.hasSuffix(".") { body.removeLast() }
      problems.append("a decimal point needs digits on both sides")
    }
    guard let value = ExactDecimal(exactly: body) else { return nil }
    let integerPart = body.prefix { $0 != "." }
    if integerPart.count > 1 && integerPart.first == "0" {
      problems.append("leading zeros are not allowed")
    }
    guard let shift = ExactDecimal(exactly: "1" + String(repeating: "0", count: abs(exponent)))
    else { return value }
    if exponent >= 0 { return value * shift }
    return ExactDecimal.quotient(
      value, shift, places: value.fractionDigitCount - exponent, mode: .down)
  }

  /// YAML 1.1 read `12:30` as 12 × 60 + 30.
  private static func readSexagesimal(
    _ text: Substring, problems: inout [String]
  )
    -> ExactDecimal?
  {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    var value = ExactDecimal.zero
    for part in parts {
      guard !part.isEmpty, part.count <= 18, part.allSatisfy(\.isASCIIDigit), let digit = Int(part)
      else { return nil }
      value = value * ExactDecimal(60) + ExactDecimal(digit)
    }
    problems.append("base-60 numbers like 12:30 (YAML 1.1) are not allowed")
    return value
  }

  /// Separators only between digits (`1_000`), and commas only between groups of three digits
  /// before any decimal point (`1,000.50`): `1,5` is a decimal comma, whose meaning is
  /// not certain enough to suggest a number.
  private static func isGroupedProperly(_ text: String) -> Bool {
    let characters = Array(text)
    let pointIndex = characters.firstIndex(of: ".") ?? characters.count
    for (index, character) in characters.enumerated() where character == "_" || character == "," {
      guard index > 0, index + 1 < characters.count, characters[index - 1].isASCIIDigit,
        characters[index + 1].isASCIIDigit
      else { return false }
      if character == "," {
        let group = characters[(index + 1)...].prefix { $0.isASCIIDigit }
        guard index < pointIndex, group.count == 3 else { return false }
      }
    }
    return true
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
