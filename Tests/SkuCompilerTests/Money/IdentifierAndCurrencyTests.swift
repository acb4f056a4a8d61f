import Testing

@testable import SkuCompiler

private let foldedListHint =
  "this looks like list items folded into one value by wrong indentation: put each \"- item\" "
  + "on its own line, indented under its key"
private let invisibleHint =
  "delete the character; it is easily pasted by accident and cannot be seen"

@Suite struct IdentifierGrammarTests {
  @Test(arguments: [
    "a", "basic", "person-days", "x_1", "e2e", "a-", String(repeating: "a", count: 63),
  ])
  func acceptsIDs(text: String) throws {
    #expect(try ScalarGrammar.id(text).get() == text)
  }

  @Test(arguments: ["a", "person_days", "x1", String(repeating: "z", count: 63)])
  func acceptsAttributeIDs(text: String) throws {
    #expect(try ScalarGrammar.attributeID(text).get() == text)
  }

  @Test(arguments: [
    ExpectedError("", "an id cannot be empty", .invalidID),
    ExpectedError(
      "red - blue", "\"red - blue\" is not a valid id: it contains a space", hint: foldedListHint,
      .invalidID),
    ExpectedError(
      "- red", "\"- red\" is not a valid id: it contains a space", hint: foldedListHint, .invalidID),
    ExpectedError(
      "red blue", "\"red blue\" is not a valid id: it contains a space",
      hint: "ids have no spaces (join words with _ or -); if this was meant to be a list, check "
        + "the indentation of its \"- \" items", .invalidID),
    ExpectedError(
      "a\tb", "\"a\\u{0009}b\" is not a valid id: it contains the space character U+0009",
      hint: "ids have no spaces (join words with _ or -); if this was meant to be a list, check "
        + "the indentation of its \"- \" items", .invalidID),
    ExpectedError(
      "Basic", "\"Basic\" is not a valid id: ids are lower-case", hint: "write \"basic\"",
      .invalidID),
    ExpectedError("ÉDITION", "\"ÉDITION\" is not a valid id: ids are lower-case", .invalidID),
    ExpectedError("1st", "\"1st\" is not a valid id: ids start with a letter a-z", .invalidID),
    ExpectedError("_x", "\"_x\" is not a valid id: ids start with a letter a-z", .invalidID),
    ExpectedError(
      "café",
      "\"café\" is not a valid id: it contains \"é\" (U+00E9); ids use only a-z, 0-9, _ and -",
      .invalidID),
    ExpectedError(
      "a.b",
      "\"a.b\" is not a valid id: it contains \".\" (U+002E); ids use only a-z, 0-9, _ and -",
      .invalidID),
    ExpectedError(
      String(repeating: "a", count: 64),
      "\"" + String(repeating: "a", count: 40)
        + "…\" is not a valid id: it is 64 characters long; ids have at most 63", .invalidID),
    ExpectedError(
      "a\u{200B}b",
      "\"a\\u{200B}b\" is not a valid id: it contains the invisible character U+200B (ZERO WIDTH SPACE)",
      hint: invisibleHint, .invisibleCharacter),
    ExpectedError(
      "pro\u{202E}x",
      "\"pro\\u{202E}x\" is not a valid id: it contains the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE)",
      hint: invisibleHint, .invisibleCharacter),
    ExpectedError(
      "\u{FEFF}basic",
      "\"\\u{FEFF}basic\" is not a valid id: it contains the invisible character U+FEFF (ZERO WIDTH NO-BREAK SPACE)",
      hint: invisibleHint, .invisibleCharacter),
  ])
  func rejectsIDs(expected: ExpectedError) {
    expected.check(ScalarGrammar.id(expected.text))
  }

  @Test(arguments: [
    ExpectedError(
      "person-days", "\"person-days\" is not a valid attribute id: attribute ids use _ not -",
      hint: "write \"person_days\"", .invalidID),
    ExpectedError(
      "a--", "\"a--\" is not a valid attribute id: attribute ids use _ not -",
      hint: "write \"a__\"",
      .invalidID),
    ExpectedError(
      "red - blue", "\"red - blue\" is not a valid attribute id: it contains a space",
      hint: foldedListHint, .invalidID),
    ExpectedError(
      "a.b",
      "\"a.b\" is not a valid attribute id: it contains \".\" (U+002E); ids use only a-z, 0-9 and _",
      .invalidID),
    ExpectedError("", "an attribute id cannot be empty", .invalidID),
  ])
  func rejectsAttributeIDs(expected: ExpectedError) {
    expected.check(ScalarGrammar.attributeID(expected.text))
  }

  @Test func findsEveryInvisibleCharacter() {
    let ranges: [ClosedRange<UInt32>] = [
      0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF...0xFEFF,
    ]
    for value in ranges.joined() {
      let scalar = Unicode.Scalar(value)!
      #expect(ScalarGrammar.invisibleCharacter(in: "ab\(scalar)c") == scalar)
      #expect(ScalarGrammar.invisibleCharacterName(scalar) != nil)
    }
    #expect(ScalarGrammar.invisibleCharacter(in: "basic 基础版 x-y_z") == nil)
    #expect(ScalarGrammar.invisibleCharacter(in: "\u{2065}\u{2070}\u{200A}") == nil)
  }
}

@Suite struct CurrencyTests {
  @Test(arguments: [
    ("CNY", 2), ("USD", 2), ("EUR", 2), ("HKD", 2), ("JPY", 0), ("GBP", 2), ("SGD", 2), ("KRW", 0),
    ("AUD", 2), ("CAD", 2), ("CHF", 2), ("INR", 2), ("IDR", 2), ("MYR", 2), ("THB", 2), ("PHP", 2),
    ("VND", 0), ("BRL", 2), ("MXN", 2), ("RUB", 2), ("ZAR", 2), ("SAR", 2), ("AED", 2), ("TWD", 2),
    ("NZD", 2), ("SEK", 2), ("NOK", 2), ("DKK", 2), ("PLN", 2), ("TRY", 2), ("KWD", 3), ("BHD", 3),
    ("JOD", 3), ("OMR", 3), ("TND", 3), ("IQD", 3), ("LYD", 3), ("CLP", 0), ("ISK", 0), ("UGX", 0),
    ("XOF", 0), ("XAF", 0), ("PYG", 0), ("MOP", 2),
  ])
  func knowsMinorUnits(code: String, units: Int) throws {
    #expect(ScalarGrammar.minorUnits(ofCurrency: code) == units)
    #expect(try ScalarGrammar.currency(code).get() == code)
  }

  @Test func tableHasNoDuplicatesAndOnlyISOShapedCodes() {
    let codes = ScalarGrammar.currencyCodes
    #expect(Set(codes).count == codes.count)
    #expect(codes.count > 140)
    for code in codes {
      #expect(code.count == 3 && code.allSatisfy { $0.isASCII && $0.isUppercase }, "\(code)")
    }
    #expect(ScalarGrammar.minorUnits(ofCurrency: "cny") == nil)
    #expect(ScalarGrammar.minorUnits(ofCurrency: "XAU") == nil)
  }

  @Test(arguments: [
    ("RMB", "CNY"), ("CNH", "CNY"), ("rmb", "CNY"), ("usd", "USD"), ("Cny", "CNY"), ("eur", "EUR"),
    ("USS", "USD"), ("GPB", "GBP"), ("JPN", "JPY"), ("EUO", "EUR"), ("yen", "JPY"),
  ])
  func suggestsACurrency(text: String, suggestion: String) {
    ExpectedError(
      text, "unknown currency \"\(text)\"",
      hint: "did you mean \(suggestion)? currencies are ISO 4217 codes", .unknownCurrency
    ).check(ScalarGrammar.currency(text))
  }

  @Test(arguments: ["XYZQW", "", "dollars"])
  func explainsUnknownCurrencies(text: String) {
    ExpectedError(
      text, "unknown currency \"\(text)\"",
      hint: "currencies are ISO 4217 codes such as CNY, USD or EUR", .unknownCurrency
    ).check(ScalarGrammar.currency(text))
  }
}
