import Testing

@testable import SkuCompiler

/// An expected failure: the exact message, hint and code.
struct ExpectedError: Sendable, CustomTestStringConvertible {
  var text: String
  var message: String
  var hint: String?
  var code: DiagnosticCode

  init(_ text: String, _ message: String, hint: String? = nil, _ code: DiagnosticCode) {
    self.text = text
    self.message = message
    self.hint = hint
    self.code = code
  }

  var testDescription: String { text.debugDescription }

  func check<T>(
    _ result: Result<T, ScalarError>, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    switch result {
    case .success(let value):
      Issue.record(
        "\(text.debugDescription) was accepted as \(value)", sourceLocation: sourceLocation)
    case .failure(let error):
      #expect(error.message == message, sourceLocation: sourceLocation)
      #expect(error.hint == hint, sourceLocation: sourceLocation)
      #expect(error.code == code, sourceLocation: sourceLocation)
    }
  }
}

private let wholeHint = "write digits only, with an optional leading -, such as 12 or -3"
private let decimalHint =
  "write digits with an optional leading - and an optional . fraction, such as 12 or -0.5"

@Suite struct IntegerGrammarTests {
  @Test(arguments: [
    ("0", 0), ("-0", 0), ("12", 12), ("-3", -3), ("123456789012345678", 123_456_789_012_345_678),
    ("-123456789012345678", -123_456_789_012_345_678),
  ])
  func acceptsCanonicalIntegers(text: String, value: Int) throws {
    #expect(try ScalarGrammar.integer(text).get() == value)
  }

  @Test(arguments: [
    ExpectedError(
      "012", "\"012\" is not a canonical integer: leading zeros are not allowed", hint: "write 12",
      .invalidInteger),
    ExpectedError(
      "-007", "\"-007\" is not a canonical integer: leading zeros are not allowed",
      hint: "write -7", .invalidInteger),
    ExpectedError(
      "1_000", "\"1_000\" is not a canonical integer: digit separators (_ or ,) are not allowed",
      hint: "write 1000", .invalidInteger),
    ExpectedError(
      "1,000", "\"1,000\" is not a canonical integer: digit separators (_ or ,) are not allowed",
      hint: "write 1000", .invalidInteger),
    ExpectedError(
      "1e3", "\"1e3\" is not a canonical integer: exponent notation is not allowed",
      hint: "write 1000", .invalidInteger),
    ExpectedError(".5", "\".5\" must be a whole number", .invalidInteger),
    ExpectedError(
      "5.", "\"5.\" is not a canonical integer: a decimal point needs digits on both sides",
      hint: "write 5", .invalidInteger),
    ExpectedError(
      "+5", "\"+5\" is not a canonical integer: a leading + is not allowed", hint: "write 5",
      .invalidInteger),
    ExpectedError(
      "0x1F",
      "\"0x1F\" is not a canonical integer: only decimal digits are allowed (no 0x, 0o or 0b prefixes)",
      hint: "write 31", .invalidInteger),
    ExpectedError(
      "12:30",
      "\"12:30\" is not a canonical integer: base-60 numbers like 12:30 (YAML 1.1) are not allowed",
      hint: "write 750", .invalidInteger),
    ExpectedError(
      ".inf", "\".inf\" is not a canonical integer: infinity and NaN are not numbers here",
      hint: wholeHint, .invalidInteger),
    ExpectedError(
      ".nan", "\".nan\" is not a canonical integer: infinity and NaN are not numbers here",
      hint: wholeHint, .invalidInteger),
    ExpectedError(
      "１２", "\"１２\" is not a canonical integer: only the ASCII digits 0-9 are allowed",
      hint: "write 12", .invalidInteger),
    ExpectedError("1.5", "\"1.5\" must be a whole number", .invalidInteger),
    ExpectedError("1.0", "\"1.0\" is not a canonical integer", hint: "write 1", .invalidInteger),
    ExpectedError(
      "1234567890123456789",
      "\"1234567890123456789\" is out of range: integers have at most 18 digits", .valueOutOfRange),
    ExpectedError("", "expected an integer, found an empty value", .invalidInteger),
    ExpectedError("abc", "\"abc\" is not a canonical integer", hint: wholeHint, .invalidInteger),
    ExpectedError("~", "\"~\" is not a canonical integer", hint: wholeHint, .invalidInteger),
    ExpectedError(
      " 12", "\" 12\" is not a canonical integer: spaces around the number are not allowed",
      hint: "write 12", .invalidInteger),
    ExpectedError("--1", "\"--1\" is not a canonical integer", hint: wholeHint, .invalidInteger),
    ExpectedError(
      "1,5",
      "\"1,5\" is not a canonical integer: use . as the decimal point, and no digit separators",
      hint: wholeHint, .invalidInteger),
  ])
  func rejectsWithExplanation(expected: ExpectedError) {
    expected.check(ScalarGrammar.integer(expected.text))
  }
}

@Suite struct DecimalGrammarTests {
  @Test(arguments: [
    ("0.10", "0.1"), ("-0.5", "-0.5"), ("1.234567891", "1.234567891"), ("0.000000000", "0"),
    ("123456789012345678.123456789", "123456789012345678.123456789"), ("-0", "0"), ("7", "7"),
  ])
  func acceptsCanonicalDecimals(text: String, value: String) throws {
    #expect(try ScalarGrammar.decimal(text).get().description == value)
  }

  @Test(arguments: [
    ExpectedError(
      "1.2345678912", "\"1.2345678912\" has too many decimals (at most 9)", .tooManyDecimals),
    ExpectedError(
      "1e3", "\"1e3\" is not a canonical decimal: exponent notation is not allowed",
      hint: "write 1000", .invalidDecimal),
    ExpectedError(
      "1.5E-3", "\"1.5E-3\" is not a canonical decimal: exponent notation is not allowed",
      hint: "write 0.0015", .invalidDecimal),
    ExpectedError(
      ".5", "\".5\" is not a canonical decimal: a decimal point needs digits on both sides",
      hint: "write 0.5", .invalidDecimal),
    ExpectedError(
      "5.", "\"5.\" is not a canonical decimal: a decimal point needs digits on both sides",
      hint: "write 5", .invalidDecimal),
    ExpectedError(
      "+5", "\"+5\" is not a canonical decimal: a leading + is not allowed", hint: "write 5",
      .invalidDecimal),
    ExpectedError(
      "1_000", "\"1_000\" is not a canonical decimal: digit separators (_ or ,) are not allowed",
      hint: "write 1000", .invalidDecimal),
    ExpectedError(
      "1,000.50",
      "\"1,000.50\" is not a canonical decimal: digit separators (_ or ,) are not allowed",
      hint: "write 1000.5", .invalidDecimal),
    ExpectedError(
      "0x1F",
      "\"0x1F\" is not a canonical decimal: only decimal digits are allowed (no 0x, 0o or 0b prefixes)",
      hint: "write 31", .invalidDecimal),
    ExpectedError(
      "12:30",
      "\"12:30\" is not a canonical decimal: base-60 numbers like 12:30 (YAML 1.1) are not allowed",
      hint: "write 750", .invalidDecimal),
    ExpectedError(
      "-.inf", "\"-.inf\" is not a canonical decimal: infinity and NaN are not numbers here",
      hint: decimalHint, .invalidDecimal),
    ExpectedError(
      "NaN", "\"NaN\" is not a canonical decimal: infinity and NaN are not numbers here",
      hint: decimalHint, .invalidDecimal),
    ExpectedError(
      "１２.5", "\"１２.5\" is not a canonical decimal: only the ASCII digits 0-9 are allowed",
      hint: "write 12.5", .invalidDecimal),
    ExpectedError(
      "007.5", "\"007.5\" is not a canonical decimal: leading zeros are not allowed",
      hint: "write 7.5", .invalidDecimal),
    ExpectedError(
      "1234567890123456789.5",
      "\"1234567890123456789.5\" is out of range: at most 18 digits are allowed before the decimal point",
      .valueOutOfRange),
    ExpectedError(
      "1e-12", "\"1e-12\" is not a canonical decimal: exponent notation is not allowed",
      hint: decimalHint, .invalidDecimal),
    ExpectedError("", "expected a decimal, found an empty value", .invalidDecimal),
    ExpectedError("- 5", "\"- 5\" is not a canonical decimal", hint: decimalHint, .invalidDecimal),
    ExpectedError(
      "1.2.3", "\"1.2.3\" is not a canonical decimal", hint: decimalHint, .invalidDecimal),
  ])
  func rejectsWithExplanation(expected: ExpectedError) {
    expected.check(ScalarGrammar.decimal(expected.text))
  }
}

@Suite struct MoneyGrammarTests {
  @Test(arguments: [
    ("99.99", 2, "99.99"), ("1.230", 2, "1.23"), ("100", 0, "100"), ("100.000", 0, "100"),
    ("1.234", 3, "1.234"), ("-0.5", 2, "-0.5"), ("0", 6, "0"),
  ])
  func acceptsAmountsWithinPrecision(text: String, precision: Int, value: String) throws {
    let amount = try ScalarGrammar.money(text, precision: precision, currency: "CNY").get()
    #expect(amount.description == value)
  }

  @Test(arguments: [
    (
      "1.234", 2, "CNY", "1.234 has 3 decimals, but CNY amounts take at most 2 (product.precision)",
      "round the amount to 2 decimals, or raise product.precision"
    ),
    (
      "100.5", 0, "JPY",
      "100.5 has 1 decimal, but JPY amounts take no decimals (product.precision)",
      "round the amount to a whole number, or raise product.precision"
    ),
    (
      "1.2345", 3, "KWD",
      "1.2345 has 4 decimals, but KWD amounts take at most 3 (product.precision)",
      "round the amount to 3 decimals, or raise product.precision"
    ),
    (
      "0.15", 1, "USD", "0.15 has 2 decimals, but USD amounts take at most 1 (product.precision)",
      "round the amount to 1 decimal, or raise product.precision"
    ),
    (
      "1.23456789012", 2, "CNY",
      "1.23456789012 has 11 decimals, but CNY amounts take at most 2 (product.precision)",
      "round the amount to 2 decimals, or raise product.precision"
    ),
  ])
  func rejectsMoreDecimalsThanThePrecision(
    text: String, precision: Int, currency: String, message: String, hint: String
  ) {
    ExpectedError(text, message, hint: hint, .tooManyDecimals)
      .check(ScalarGrammar.money(text, precision: precision, currency: currency))
  }

  @Test func appliesTheDecimalGrammarToo() {
    ExpectedError(
      "1.2000000000", "\"1.2000000000\" has too many decimals (at most 9)", .tooManyDecimals
    ).check(ScalarGrammar.money("1.2000000000", precision: 2, currency: "CNY"))
    ExpectedError(
      "1e3", "\"1e3\" is not a canonical decimal: exponent notation is not allowed",
      hint: "write 1000", .invalidDecimal
    ).check(ScalarGrammar.money("1e3", precision: 2, currency: "CNY"))
  }
}
