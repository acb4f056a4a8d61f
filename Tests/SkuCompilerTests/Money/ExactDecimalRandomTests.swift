import Testing

@testable import SkuCompiler

/// Randomized agreement with `ReferenceDecimal`, seeded so that any failure reproduces. The
/// generator favours values around the 128-bit boundary (up to 45 digits), many nines (carries)
/// and trailing fives (rounding ties).
@Suite struct ExactDecimalRandomTests {
  private static let iterations = 3000

  private func pair(_ generator: inout SeededGenerator) -> (String, String) {
    let maxDigits = Int.random(in: 0..<3, using: &generator) == 0 ? 45 : 20
    return (
      generator.decimalText(maxDigits: maxDigits, maxScale: 25),
      generator.decimalText(maxDigits: maxDigits, maxScale: 25)
    )
  }

  @Test func additionAndSubtractionAgreeWithReference() throws {
    var generator = SeededGenerator(state: 0x5EED_0001)
    for _ in 0..<Self.iterations {
      let (x, y) = pair(&generator)
      let a = try #require(ExactDecimal(exactly: x))
      let b = try #require(ExactDecimal(exactly: y))
      #expect(
        (a + b).description == (ReferenceDecimal(x) + ReferenceDecimal(y)).text, "\(x) + \(y)")
      #expect(
        (a - b).description == (ReferenceDecimal(x) + -ReferenceDecimal(y)).text, "\(x) - \(y)")
      #expect(a + b - b == a, "\(x) + \(y) - \(y)")
      #expect(a.description == ReferenceDecimal(x).text)
    }
  }

  @Test func multiplicationAgreesWithReference() throws {
    var generator = SeededGenerator(state: 0x5EED_0002)
    for _ in 0..<Self.iterations {
      let (x, y) = pair(&generator)
      let a = try #require(ExactDecimal(exactly: x))
      let b = try #require(ExactDecimal(exactly: y))
      let product = a * b
      let reference = ReferenceDecimal(x) * ReferenceDecimal(y)
      #expect(product.description == reference.text, "\(x) * \(y)")
      #expect(product.fractionDigitCount == reference.scale)
      #expect(product.significantDigitCount == max(reference.digits.count, 0))
    }
  }

  @Test func comparisonAgreesWithReference() throws {
    var generator = SeededGenerator(state: 0x5EED_0003)
    for _ in 0..<Self.iterations {
      let (x, y) = pair(&generator)
      let a = try #require(ExactDecimal(exactly: x))
      let b = try #require(ExactDecimal(exactly: y))
      #expect((a < b) == (ReferenceDecimal(x) < ReferenceDecimal(y)), "\(x) < \(y)")
      #expect((a == b) == (ReferenceDecimal(x) == ReferenceDecimal(y)), "\(x) == \(y)")
    }
  }

  @Test(arguments: RoundingMode.allCases)
  func roundingAgreesWithReference(mode: RoundingMode) throws {
    var generator = SeededGenerator(state: 0x5EED_0004)
    for _ in 0..<Self.iterations {
      let x = generator.decimalText(maxDigits: 45, maxScale: 44)
      let places = Int.random(in: 0...8, using: &generator)
      let value = try #require(ExactDecimal(exactly: x))
      let rounded = value.rounded(toPlaces: places, mode: mode)
      #expect(
        rounded.description == ReferenceDecimal(x).rounded(toPlaces: places, mode: mode).text,
        "\(x) to \(places) with \(mode)")
    }
  }

  @Test func quotientTimesDivisorBracketsDividend() throws {
    var generator = SeededGenerator(state: 0x5EED_0005)
    let ulp = try #require(ExactDecimal(exactly: "0.0001"))
    for _ in 0..<Self.iterations {
      let (x, y) = pair(&generator)
      let a = try #require(ExactDecimal(exactly: x))
      let b = try #require(ExactDecimal(exactly: y))
      guard !b.isZero else { continue }
      // Truncation toward zero: |q| <= |a / b| < |q| + ulp, checked by multiplication only.
      let q = try #require(ExactDecimal.quotient(a, b, places: 4, mode: .down))
      let magnitudeA = a.isNegative ? -a : a
      let magnitudeB = b.isNegative ? -b : b
      let magnitudeQ = q.isNegative ? -q : q
      #expect(magnitudeQ * magnitudeB <= magnitudeA, "\(x) / \(y)")
      #expect((magnitudeQ + ulp) * magnitudeB > magnitudeA, "\(x) / \(y)")
      #expect(q.isZero || q.isNegative == (a.isNegative != b.isNegative))
    }
  }
}
