import Testing

@testable import SkuCompiler

private func dec(_ text: String) -> ExactDecimal {
  guard let value = ExactDecimal(exactly: text) else {
    Issue.record("not a decimal: \(text)")
    return .zero
  }
  return value
}

/// One row of the rounding golden table: the expected result for each mode, in the order
/// half-up, half-even, down, up.
private struct RoundingCase: CustomTestStringConvertible, Sendable {
  var value: String
  var places: Int
  var halfUp: String
  var halfEven: String
  var down: String
  var up: String

  var testDescription: String { "\(value) to \(places) places" }

  func expected(_ mode: RoundingMode) -> String {
    switch mode {
    case .halfUp: halfUp
    case .halfEven: halfEven
    case .down: down
    case .up: up
    }
  }
}

private let roundingCases: [RoundingCase] = [
  // Ties.
  .init(value: "0.005", places: 2, halfUp: "0.01", halfEven: "0.00", down: "0.00", up: "0.01"),
  .init(value: "-0.005", places: 2, halfUp: "-0.01", halfEven: "0.00", down: "0.00", up: "-0.01"),
  .init(value: "0.015", places: 2, halfUp: "0.02", halfEven: "0.02", down: "0.01", up: "0.02"),
  .init(value: "-0.015", places: 2, halfUp: "-0.02", halfEven: "-0.02", down: "-0.01", up: "-0.02"),
  .init(value: "2.5", places: 0, halfUp: "3", halfEven: "2", down: "2", up: "3"),
  .init(value: "3.5", places: 0, halfUp: "4", halfEven: "4", down: "3", up: "4"),
  .init(value: "-2.5", places: 0, halfUp: "-3", halfEven: "-2", down: "-2", up: "-3"),
  .init(value: "-3.5", places: 0, halfUp: "-4", halfEven: "-4", down: "-3", up: "-4"),
  .init(value: "0.5", places: 0, halfUp: "1", halfEven: "0", down: "0", up: "1"),
  .init(
    value: "99.995", places: 2, halfUp: "100.00", halfEven: "100.00", down: "99.99", up: "100.00"),
  .init(value: "1.125", places: 2, halfUp: "1.13", halfEven: "1.12", down: "1.12", up: "1.13"),
  // Non-ties.
  .init(value: "0.004", places: 2, halfUp: "0.00", halfEven: "0.00", down: "0.00", up: "0.01"),
  .init(value: "-0.004", places: 2, halfUp: "0.00", halfEven: "0.00", down: "0.00", up: "-0.01"),
  .init(value: "0.0051", places: 2, halfUp: "0.01", halfEven: "0.01", down: "0.00", up: "0.01"),
  .init(
    value: "0.0049999999", places: 2, halfUp: "0.00", halfEven: "0.00", down: "0.00", up: "0.01"),
  .init(value: "1.239", places: 2, halfUp: "1.24", halfEven: "1.24", down: "1.23", up: "1.24"),
  .init(value: "-1.231", places: 2, halfUp: "-1.23", halfEven: "-1.23", down: "-1.23", up: "-1.24"),
  .init(value: "2.51", places: 0, halfUp: "3", halfEven: "3", down: "2", up: "3"),
  .init(value: "-2.49", places: 0, halfUp: "-2", halfEven: "-2", down: "-2", up: "-3"),
  // Already short enough: untouched.
  .init(value: "1.2", places: 2, halfUp: "1.20", halfEven: "1.20", down: "1.20", up: "1.20"),
  .init(value: "-7", places: 0, halfUp: "-7", halfEven: "-7", down: "-7", up: "-7"),
  .init(value: "0", places: 3, halfUp: "0.000", halfEven: "0.000", down: "0.000", up: "0.000"),
  // Many dropped digits, beyond a 128-bit power of ten, and big significands.
  .init(
    value: "0." + String(repeating: "0", count: 45) + "1", places: 2,
    halfUp: "0.00", halfEven: "0.00", down: "0.00", up: "0.01"),
  .init(
    value: "-0.5" + String(repeating: "0", count: 45), places: 0,
    halfUp: "-1", halfEven: "0", down: "0", up: "-1"),
  .init(
    value: "12345678901234567890123456789012345678901.125", places: 2,
    halfUp: "12345678901234567890123456789012345678901.13",
    halfEven: "12345678901234567890123456789012345678901.12",
    down: "12345678901234567890123456789012345678901.12",
    up: "12345678901234567890123456789012345678901.13"),
  .init(
    value: "1.5000000000000000000000000000000000000000001", places: 0,
    halfUp: "2", halfEven: "2", down: "1", up: "2"),
]

@Suite struct ExactDecimalRoundingTests {
  @Test(arguments: roundingCases, RoundingMode.allCases)
  fileprivate func roundsEveryModeExactly(row: RoundingCase, mode: RoundingMode) {
    let rounded = dec(row.value).rounded(toPlaces: row.places, mode: mode)
    #expect(rounded.formatted(places: row.places) == row.expected(mode))
    #expect(rounded.fractionDigitCount <= row.places)
  }

  @Test func negativeZeroNeverAppears() {
    let rounded = dec("-0.004").rounded(toPlaces: 2, mode: .halfUp)
    #expect(rounded.formatted(places: 2) == "0.00")
    #expect(rounded.description == "0")
    #expect(!rounded.isNegative && rounded.isZero)
    #expect((dec("-0.5") + dec("0.5")).description == "0")
    #expect((-ExactDecimal.zero).description == "0")
  }

  @Test func modesHaveTheirSpecNames() {
    #expect(RoundingMode.allCases.map(\.rawValue) == ["half-up", "half-even", "down", "up"])
    #expect(RoundingMode(rawValue: "half-up") == .halfUp)
  }

  @Test(arguments: [
    ("99", 2, "99.00"), ("-0.5", 2, "-0.50"), ("12", 0, "12"), ("0", 2, "0.00"),
    ("0.005", 3, "0.005"), ("0.005", 5, "0.00500"), ("-123.4", 1, "-123.4"),
    ("1234567890123456789012345678901234567890", 2, "1234567890123456789012345678901234567890.00"),
    ("1234567890123456789.01", 4, "1234567890123456789.0100"),
  ])
  func formatsWithExactPlaces(value: String, places: Int, expected: String) {
    #expect(dec(value).formatted(places: places) == expected)
  }

  @Test(arguments: [
    ("1", "3", 2, RoundingMode.halfUp, "0.33"), ("2", "3", 2, .halfUp, "0.67"),
    ("2", "3", 2, .down, "0.66"), ("1", "3", 2, .up, "0.34"), ("-1", "3", 2, .up, "-0.34"),
    ("1", "8", 2, .halfEven, "0.12"), ("3", "8", 2, .halfEven, "0.38"),
    ("1", "8", 2, .halfUp, "0.13"), ("-1", "8", 2, .halfUp, "-0.13"),
    ("-1", "8", 2, .halfEven, "-0.12"), ("1", "-8", 2, .down, "-0.12"),
    ("-1", "-8", 2, .halfUp, "0.13"), ("990", "99", 1, .halfUp, "10.0"),
    ("1089", "990", 3, .halfUp, "1.100"), ("0.001", "1000", 2, .halfUp, "0.00"),
    ("0.001", "1000", 2, .up, "0.01"), ("10", "0.001", 0, .halfUp, "10000"),
    ("1", "7", 30, .halfUp, "0.142857142857142857142857142857"),
    ("1", "7", 45, .down, "0.142857142857142857142857142857142857142857142"),
    (
      "123456789012345678901234567890123456789012", "2", 0, .halfEven,
      "61728394506172839450617283945061728394506"
    ),
    (
      "5", "0.0000000000000000000000000000000000000000002", 0, .halfUp,
      "25000000000000000000000000000000000000000000"
    ),
  ])
  func dividesWithRounding(
    lhs: String, rhs: String, places: Int, mode: RoundingMode, expected: String
  ) {
    let quotient = ExactDecimal.quotient(dec(lhs), dec(rhs), places: places, mode: mode)
    #expect(quotient?.formatted(places: places) == expected)
  }

  @Test func divisionByZeroIsNil() {
    #expect(ExactDecimal.quotient(.one, .zero, places: 2, mode: .halfUp) == nil)
    #expect(ExactDecimal.quotient(.zero, .zero, places: 0, mode: .down) == nil)
  }
}
