import Testing

@testable import SkuCompiler

private func dec(_ text: String) -> ExactDecimal {
  guard let value = ExactDecimal(exactly: text) else {
    Issue.record("not a decimal: \(text)")
    return .zero
  }
  return value
}

private let int128Max = "170141183460469231731687303715884105727"
private let twoTo127 = "170141183460469231731687303715884105728"

private func isSmall(_ value: ExactDecimal) -> Bool {
  if case .small = value.significand { return true }
  return false
}

@Suite struct ExactDecimalTests {
  @Test(arguments: [
    ("0", "0"), ("-0", "0"), ("-0.000", "0"), ("00.00", "0"), ("1.50", "1.5"),
    ("007.100", "7.1"), ("0.1", "0.1"), ("-12", "-12"), ("1000.5", "1000.5"), ("1000", "1000"),
    ("-0.000000001", "-0.000000001"),
    ("123456789012345678.123456789", "123456789012345678.123456789"),
    (int128Max, int128Max), (twoTo127, twoTo127), ("-" + twoTo127, "-" + twoTo127),
    ("1234567890123456789012345678901234567890.5", "1234567890123456789012345678901234567890.5"),
    (
      "0.00000000000000000000000000000000000000000001",
      "0.00000000000000000000000000000000000000000001"
    ),
    (
      "-99999999999999999999999999999999999999999999.10",
      "-99999999999999999999999999999999999999999999.1"
    ),
    (
      "100000000000000000000000000000000000000000000.000",
      "100000000000000000000000000000000000000000000"
    ),
  ])
  func parsesAndPrintsCanonically(input: String, expected: String) {
    let value = dec(input)
    #expect(value.description == expected)
    #expect(ExactDecimal(exactly: expected) == value)
  }

  @Test(arguments: [
    "", "-", ".5", "5.", "+5", "1e3", "1_000", " 1", "1 ", "--1", "1.2.3", "0x1F", "１２", "1,5",
    "-.5", "1.-5", ".", "∞",
  ])
  func rejectsNonDecimals(input: String) {
    #expect(ExactDecimal(exactly: input) == nil)
  }

  @Test func acceptsSubstrings() {
    let text = "price: 12.50"
    #expect(ExactDecimal(exactly: text.dropFirst(7)) == ExactDecimal(exactly: "12.5"))
  }

  @Test func equalityAndHashingAreByValue() {
    #expect(dec("1.50") == dec("1.5"))
    #expect(dec("1.50").hashValue == dec("1.5").hashValue)
    #expect(Set([dec("1.5"), dec("1.50"), dec("1.500000"), dec("2")]).count == 2)
    #expect(dec("-0.00") == .zero && !dec("-0.00").isNegative)
    #expect(ExactDecimal(7) == dec("7.000"))
    // A value that went through BigInt and came back equals one that never left the fast path.
    let roundTrip = dec(twoTo127) - dec(twoTo127) + dec("3.25")
    #expect(isSmall(roundTrip) && roundTrip == dec("3.25"))
    #expect(roundTrip.hashValue == dec("3.25").hashValue)
    // Big values equal regardless of how they were produced.
    let big1 = dec("1" + String(repeating: "0", count: 40)) * dec("0.5")
    let big2 = dec("5" + String(repeating: "0", count: 39))
    #expect(big1 == big2 && big1.hashValue == big2.hashValue)
  }

  @Test(arguments: [
    ("0.1", "0.2", "0.3"), ("1.5", "1.5", "3"), ("0.5", "-0.5", "0"), ("-1.25", "0.75", "-0.5"),
    ("99.99", "0.01", "100"), ("1", "0.000000001", "1.000000001"),
    (int128Max, "1", twoTo127),
    (
      "1234567890123456789012345678901234567890", "0.1",
      "1234567890123456789012345678901234567890.1"
    ),
    ("-" + twoTo127, "1", "-" + int128Max),
    (
      "99999999999999999999999999999999999999999", "1", "100000000000000000000000000000000000000000"
    ),
    (
      "12345678901234567890.1234567890123456789", "0.0000000000000000001",
      "12345678901234567890.123456789012345679"
    ),
  ])
  func addsExactly(lhs: String, rhs: String, sum: String) {
    #expect((dec(lhs) + dec(rhs)).description == sum)
    #expect((dec(rhs) + dec(lhs)).description == sum)
    #expect((dec(sum) - dec(rhs)).description == ExactDecimal(exactly: lhs)?.description)
    var accumulated = dec(lhs)
    accumulated += dec(rhs)
    #expect(accumulated == dec(sum))
  }

  @Test(arguments: [
    ("0.1", "0.1", "0.01"), ("2.5", "4", "10"), ("0.5", "0.2", "0.1"), ("-1.5", "2", "-3"),
    ("-1.5", "-1.5", "2.25"), ("0", "-7.5", "0"), ("99.00", "1.1", "108.9"),
    (
      "123456789012345678.123456789", "123456789012345678.123456789",
      "15241578753238836558451457268709041.543057462750190521"
    ),
    ("10000000000000000000", "10000000000000000000", "100000000000000000000000000000000000000"),
    ("-" + int128Max, "2", "-340282366920938463463374607431768211454"),
  ])
  func multipliesExactly(lhs: String, rhs: String, product: String) {
    #expect((dec(lhs) * dec(rhs)).description == product)
    #expect((dec(rhs) * dec(lhs)).description == product)
    var accumulated = dec(lhs)
    accumulated *= dec(rhs)
    #expect(accumulated == dec(product))
  }

  @Test func productOfTenNineDecimalFactorsIsExact() {
    let factors = [
      "1.123456789", "0.987654321", "12.000000001", "3.141592653", "2.718281828",
      "0.333333333", "7.777777777", "1.000000007", "9.999999999", "0.500000001",
    ]
    var product = ExactDecimal.one
    var reference = ReferenceDecimal("1")
    for factor in factors {
      product *= dec(factor)
      reference = reference * ReferenceDecimal(factor)
    }
    #expect(product.description == reference.text)
    #expect(product.fractionDigitCount == reference.scale)
    #expect(!isSmall(product))
    // Dividing the factors back out lands exactly on the fast path again.
    let back = ExactDecimal.quotient(product, product, places: 0, mode: .down)
    #expect(back == .one)
  }

  @Test func crossesThePathBoundaryBothWays() {
    let max = dec(int128Max)
    #expect(isSmall(max))
    let over = max + .one
    #expect(!isSmall(over) && over.description == twoTo127)
    let under = over - .one
    #expect(isSmall(under) && under == max)
    let minusOver = -over
    #expect(!isSmall(minusOver) && (minusOver + .one).description == "-" + int128Max)
    #expect(isSmall(minusOver + .one))
    // Products that overflow, then shrink through a division by a power of ten.
    let big = dec("10000000000000000000000") * dec("10000000000000000000000")
    #expect(!isSmall(big))
    let shrunk = big * dec("0.00000000000000000000000000000000000001")
    #expect(isSmall(shrunk) && shrunk == dec("1000000"))
    // Scale alignment alone can overflow the fast path.
    let aligned = dec("100000000000000000000") + dec("0.000000000000000000001")
    #expect(aligned.description == "100000000000000000000.000000000000000000001")
  }

  @Test func comparesAcrossScalesAndPaths() {
    let ordered = [
      "-" + twoTo127 + "0", "-" + twoTo127, "-" + int128Max, "-1000", "-1.5", "-1.49", "-0.001",
      "0", "0.000000001", "0.1", "0.11", "1", "1.000000001", "9.99", "10", int128Max, twoTo127,
      "1" + String(repeating: "0", count: 45),
    ].map(dec)
    for (i, a) in ordered.enumerated() {
      for (j, b) in ordered.enumerated() {
        #expect((a < b) == (i < j), "\(a) < \(b)")
        #expect((a == b) == (i == j), "\(a) == \(b)")
      }
    }
    #expect(dec("1.50") <= dec("1.5") && dec("1.50") >= dec("1.5"))
    #expect(dec("-0.5").isNegative && !ExactDecimal.zero.isNegative && ExactDecimal.zero.isZero)
  }

  @Test(arguments: [
    ("0", 0, 0), ("1.50", 2, 1), ("0.001", 1, 3), ("1000", 4, 0), ("-12.345", 5, 3),
    (int128Max, 39, 0), (twoTo127, 39, 0), ("0." + String(repeating: "0", count: 50) + "1", 1, 51),
    ("99999999999999999999999999999999999999", 38, 0),
    ("100000000000000000000000000000000000000", 39, 0), ("9", 1, 0), ("10", 2, 0),
  ])
  func countsDigits(text: String, significant: Int, fraction: Int) {
    #expect(dec(text).significantDigitCount == significant)
    #expect(dec(text).fractionDigitCount == fraction)
  }
}
