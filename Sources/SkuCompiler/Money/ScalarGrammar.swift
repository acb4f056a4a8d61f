/// Why a scalar does not fit its field's grammar, in words an author can act on.
///
/// `message` and `hint` are used verbatim in diagnostics. `code` is the diagnostic code this
/// module would choose (so that, for example, "too many decimals" and "not a canonical decimal"
/// stay distinct); the caller attaches the location and may choose another code.
public struct ScalarError: Error, Sendable, Hashable {
  public var message: String
  public var hint: String?
  public var code: DiagnosticCode

  public init(_ message: String, hint: String? = nil, code: DiagnosticCode) {
    self.message = message
    self.hint = hint
    self.code = code
  }
}

/// The text-level grammars of spec §2: every scalar is read as text and converted by the type
/// of its field, with no implicit typing (`NO` stays text, `1e3` is no number).
public enum ScalarGrammar {
  /// Digits allowed before the decimal point by the integer and decimal grammars.
  public static let maxIntegerDigits = 18
  /// Fraction digits allowed by the decimal grammar.
  public static let maxFractionDigits = 9

  /// `^-?(0|[1-9][0-9]{0,17})$`.
  public static func integer(_ text: String) -> Result<Int, ScalarError> {
    guard let shape = canonicalShape(text) else {
      return .failure(nonCanonical(text, kind: .integer))
    }
    guard shape.integerDigits <= maxIntegerDigits else {
      return .failure(
        ScalarError(
          "\(quoted(text)) is out of range: integers have at most \(maxIntegerDigits) digits",
          code: .valueOutOfRange))
    }
    if shape.neededFractionDigits > 0 {
      return .failure(ScalarError("\(quoted(text)) must be a whole number", code: .invalidInteger))
    }
    let integerPart = text.utf8.prefix { $0 != UInt8(ascii: ".") }
    guard shape.fractionDigits == 0, let value = Int(String(decoding: integerPart, as: UTF8.self))
    else {
      let whole = ExactDecimal(exactly: String(decoding: integerPart, as: UTF8.self)) ?? .zero
      return .failure(
        ScalarError(
          "\(quoted(text)) is not a canonical integer", hint: "write \(whole)",
          code: .invalidInteger))
    }
    return .success(value)
  }

  /// `^-?(0|[1-9][0-9]{0,17})(\.[0-9]{1,9})?$`, read exactly.
  public static func decimal(_ text: String) -> Result<ExactDecimal, ScalarError> {
    guard let shape = canonicalShape(text) else {
      return .failure(nonCanonical(text, kind: .decimal))
    }
    return withinLimits(text, shape)
  }

  /// A decimal whose value needs at most `precision` fraction digits (spec §2 money).
  ///
  /// Written trailing zeros do not count: `1.230` is 1.23 exactly and fine in CNY. The
  /// precision error comes before the grammar's 9-decimal limit because it is the one the
  /// author must act on.
  public static func money(
    _ text: String, precision: Int, currency: String
  )
    -> Result<ExactDecimal, ScalarError>
  {
    guard let shape = canonicalShape(text) else {
      return .failure(nonCanonical(text, kind: .decimal))
    }
    let needed = shape.neededFractionDigits
    if needed > precision {
      let allowed =
        precision == 0
        ? "\(currency) amounts take no decimals" : "\(currency) amounts take at most \(precision)"
      return .failure(
        ScalarError(
          "\(shortened(text)) has \(needed) decimal\(needed == 1 ? "" : "s"), but \(allowed) "
            + "(product.precision)",
          hint: precision == 0
            ? "round the amount to a whole number, or raise product.precision"
            : "round the amount to \(precision) decimal\(precision == 1 ? "" : "s"), "
              + "or raise product.precision",
          code: .tooManyDecimals))
    }
    return withinLimits(text, shape)
  }

  /// Digit counts of text in the canonical shape `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, before the
  /// grammar's limits apply.
  ///
  /// Only counts: a scalar may be megabytes of digits, and turning that into a number costs
  /// quadratic time, so values are built only once the counts are within the limits.
  private struct Shape {
    var integerDigits: Int
    var fractionDigits: Int
    /// Fraction digits without trailing zeros: what the value needs.
    var neededFractionDigits: Int
  }

  private static func canonicalShape(_ text: String) -> Shape? {
    let bytes = text.utf8
    var index = bytes.startIndex
    if index != bytes.endIndex && bytes[index] == UInt8(ascii: "-") {
      index = bytes.index(after: index)
    }
    let integerStart = index
    while index != bytes.endIndex && isDigit(bytes[index]) { index = bytes.index(after: index) }
    let integerDigits = bytes.distance(from: integerStart, to: index)
    guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else {
      return nil
    }
    guard index != bytes.endIndex else {
      return Shape(integerDigits: integerDigits, fractionDigits: 0, neededFractionDigits: 0)
    }
    guard bytes[index] == UInt8(ascii: ".") else { return nil }
    let fraction = bytes[bytes.index(after: index)...]
    guard !fraction.isEmpty, fraction.allSatisfy(isDigit) else { return nil }
    let trailingZeros = fraction.reversed().prefix { $0 == UInt8(ascii: "0") }.count
    return Shape(
      integerDigits: integerDigits, fractionDigits: fraction.count,
      neededFractionDigits: fraction.count - trailingZeros)
  }

  /// The value of canonically shaped text, or the error for the first digit limit it passes.
  private static func withinLimits(
    _ text: String, _ shape: Shape
  )
    -> Result<ExactDecimal, ScalarError>
  {
    if shape.integerDigits > maxIntegerDigits {
      return .failure(
        ScalarError(
          "\(quoted(text)) is out of range: at most \(maxIntegerDigits) digits are allowed "
            + "before the decimal point",
          code: .valueOutOfRange))
    }
    if shape.fractionDigits > maxFractionDigits {
      return .failure(
        ScalarError(
          "\(quoted(text)) has too many decimals (at most \(maxFractionDigits))",
          code: .tooManyDecimals))
    }
    guard let value = ExactDecimal(exactly: text) else {
      return .failure(nonCanonical(text, kind: .decimal))
    }
    return .success(value)
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// The error for text outside the canonical shape, explained with what the text most
  /// plausibly meant.
  private static func nonCanonical(_ text: String, kind: NumberKind) -> ScalarError {
    if text.isEmpty {
      return ScalarError("expected \(kind.article) \(kind), found an empty value", code: kind.code)
    }
    guard let repair = NumberRepair.reading(text) else {
      return ScalarError(
        "\(quoted(text)) is not a canonical \(kind)", hint: kind.example, code: kind.code)
    }
    if kind == .integer, let value = repair.value, value.fractionDigitCount > 0 {
      return ScalarError("\(quoted(text)) must be a whole number", code: kind.code)
    }
    var hint = kind.example
    if let value = repair.value, kind.accepts(value) {
      hint = "write \(value)"
    }
    return ScalarError(
      "\(quoted(text)) is not a canonical \(kind): \(repair.problem)", hint: hint, code: kind.code)
  }

  private enum NumberKind: String, CustomStringConvertible {
    case integer, decimal

    var description: String { rawValue }
    var article: String { self == .integer ? "an" : "a" }
    var code: DiagnosticCode { self == .integer ? .invalidInteger : .invalidDecimal }

    var example: String {
      switch self {
      case .integer: "write digits only, with an optional leading -, such as 12 or -3"
      case .decimal:
        "write digits with an optional leading - and an optional . fraction, such as 12 or -0.5"
      }
    }

    /// Whether suggesting `value` would lead to text this grammar accepts.
    func accepts(_ value: ExactDecimal) -> Bool {
      let fraction = value.fractionDigitCount
      let integerDigits = max(0, value.significantDigitCount - fraction)
      let fractionLimit = self == .integer ? 0 : ScalarGrammar.maxFractionDigits
      return integerDigits <= ScalarGrammar.maxIntegerDigits && fraction <= fractionLimit
    }
  }

  /// `text` as written when short, else its first 40 characters and an ellipsis.
  static func shortened(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard scalars.count > 40 else { return text }
    return String(String.UnicodeScalarView(scalars.prefix(40))) + "…"
  }

  /// `text` in double quotes for a message, with invisible and control characters spelled as
  /// `\u{…}` so that the message shows what the file holds, and long text shortened.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for (index, scalar) in text.unicodeScalars.enumerated() {
      if index == 40 {
        out += "…"
        break
      }
      switch scalar {
      case "\"", "\\": out += "\\" + String(scalar)
      case _
      where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        || invisibleCharacterName(scalar) != nil || scalar == "\u{2028}" || scalar == "\u{2029}":
        out += "\\u{" + hex(scalar) + "}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// `U+200B`-style upper-case hex with at least four digits.
  static func hex(_ scalar: Unicode.Scalar) -> String {
    let digits = String(scalar.value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
