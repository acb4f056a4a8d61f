import Foundation
import Testing

@testable import SkuCompiler

/// Laws of exact money that the example-based and reference tests in `Money/` do not state:
/// the scalar grammars against the spec's regular expressions, algebraic identities across the
/// 128-bit boundary, division in every rounding mode, monotonic rounding, and whole pricing
/// runs against `ReferenceDecimal` (rounded once, at the end). Seeded, so failures reproduce.
@Suite struct MoneyLawTests {
  static let iterations = 2000

  /// Text built from the characters that matter to number grammars.
  func numberishText(_ random: inout SeededGenerator) -> String {
    let alphabet = Array("0123456789000111999.-+e_ ,")
    if Int.random(in: 0..<3, using: &random) == 0 {
      return random.decimalText(maxDigits: 30, maxScale: 12)
    }
    return String(
      (0..<Int.random(in: 0...24, using: &random)).map { _ in
        alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
      })
  }

  @Test func grammarsAreExactlyTheSpecsRegularExpressions() throws {
    let integer = try NSRegularExpression(pattern: #"^-?(0|[1-9][0-9]{0,17})$"#)
    let decimal = try NSRegularExpression(pattern: #"^-?(0|[1-9][0-9]{0,17})(\.[0-9]{1,9})?$"#)
    func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
      expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
    var random = SeededGenerator(state: 0x6A11_0001)
    for _ in 0..<Self.iterations * 5 {
      let text = numberishText(&random)
      let asInteger = ScalarGrammar.integer(text)
      let asDecimal = ScalarGrammar.decimal(text)
      #expect(((try? asInteger.get()) != nil) == matches(integer, text), "integer \(text)")
      #expect(((try? asDecimal.get()) != nil) == matches(decimal, text), "decimal \(text)")
      if case .success(let value) = asDecimal {
        #expect(value == ReferenceDecimal(text).exact, "value of \(text)")
      }
      let precision = Int.random(in: 0...6, using: &random)
      let asMoney = ScalarGrammar.money(text, precision: precision, currency: "CNY")
      if case .success(let value) = asMoney {
        #expect(asDecimal == .success(value))
        #expect(value.fractionDigitCount <= precision)
        let written = value.formatted(places: precision)
        #expect(
          ScalarGrammar.money(written, precision: precision, currency: "CNY") == .success(value),
          "\(text) written as \(written)")
      } else if case .success(let value) = asDecimal {
        #expect(value.fractionDigitCount > precision, "\(text) refused as money at \(precision)")
      }
    }
  }

  @Test func ringLawsHoldAcrossTheFastAndSlowPaths() throws {
    var random = SeededGenerator(state: 0x6A11_0002)
    for _ in 0..<Self.iterations {
      let texts = (0..<3).map { _ in random.decimalText(maxDigits: 45, maxScale: 20) }
      let values = try texts.map { try #require(ExactDecimal(exactly: $0)) }
      let (a, b, c) = (values[0], values[1], values[2])
      let context = texts.joined(separator: ", ")
      #expect((a + b) + c == a + (b + c), "+ associates: \(context)")
      #expect((a * b) * c == a * (b * c), "× associates: \(context)")
      #expect(a * (b + c) == a * b + a * c, "× distributes: \(context)")
      #expect(a - b == a + -b, "subtraction: \(context)")
      #expect(a + -a == .zero && (a * .zero).isZero && a * .one == a, "identities: \(context)")
      #expect((a - b) + b == a, "inverse: \(context)")
    }
  }

  /// `quotient` in every mode, characterized by multiplication in `ReferenceDecimal` (so no
  /// division code is trusted): `q` is the multiple of one unit that the mode picks.
  @Test(arguments: RoundingMode.allCases)
  func divisionRoundsAsItsModeSays(mode: RoundingMode) throws {
    var random = SeededGenerator(state: 0x6A11_0003)
    for _ in 0..<Self.iterations {
      let x = random.decimalText(maxDigits: 40, maxScale: 12)
      let y = random.decimalText(maxDigits: 20, maxScale: 9)
      let places = Int.random(in: 0...6, using: &random)
      let a = try #require(ExactDecimal(exactly: x))
      let b = try #require(ExactDecimal(exactly: y))
      guard !b.isZero else { continue }
      let q = try #require(ExactDecimal.quotient(a, b, places: places, mode: mode))
      #expect(q.fractionDigitCount <= places)
      let unit = ReferenceDecimal(negative: false, digits: [1], scale: places)
      let magA = ReferenceDecimal(x).magnitude
      let magB = ReferenceDecimal(y).magnitude
      let magQ = ReferenceDecimal(q.description).magnitude
      let two = ReferenceDecimal("2")
      let context = "\(x) / \(y) to \(places) \(mode) = \(q)"
      switch mode {
      case .down:
        #expect(!(magA < magQ * magB) && magA < (magQ + unit) * magB, "\(context)")
      case .up:
        #expect(!(magQ * magB < magA) && (magQ + -unit) * magB < magA, "\(context)")
      case .halfUp:
        let twiceA = two * magA
        #expect(
          !(twiceA < (two * magQ + -unit) * magB) && twiceA < (two * magQ + unit) * magB,
          "\(context)")
      case .halfEven:
        let twiceA = two * magA
        let low = (two * magQ + -unit) * magB
        let high = (two * magQ + unit) * magB
        #expect(!(twiceA < low) && !(high < twiceA), "\(context)")
        if twiceA == low || twiceA == high {
          let last = q.formatted(places: places).utf8.last ?? 0
          #expect(last % 2 == 0, "tie not to even: \(context)")
        }
      }
      #expect(q.isZero || q.isNegative == (a.isNegative != b.isNegative), "sign: \(context)")
    }
  }

  @Test(arguments: RoundingMode.allCases)
  func roundingIsMonotonicAndIdempotent(mode: RoundingMode) throws {
    var random = SeededGenerator(state: 0x6A11_0004)
    for _ in 0..<Self.iterations {
      let x = try #require(ExactDecimal(exactly: random.decimalText(maxDigits: 40, maxScale: 30)))
      let y = try #require(ExactDecimal(exactly: random.decimalText(maxDigits: 40, maxScale: 30)))
      let places = Int.random(in: 0...9, using: &random)
      let (low, high) = x < y ? (x, y) : (y, x)
      let roundedLow = low.rounded(toPlaces: places, mode: mode)
      let roundedHigh = high.rounded(toPlaces: places, mode: mode)
      #expect(!(roundedHigh < roundedLow), "\(low) ≤ \(high) but \(roundedLow) > \(roundedHigh)")
      #expect(roundedLow.rounded(toPlaces: places, mode: mode) == roundedLow)
      #expect((-low).rounded(toPlaces: places, mode: mode) == -roundedLow, "symmetric about zero")
    }
  }

  /// A whole pricing run against the reference: adds and factors in step order, rounded once
  /// to the product's precision with its mode (spec §8.4).
  @Test func pricingAgreesWithTheReference() throws {
    var random = SeededGenerator(state: 0x6A11_0005)
    var compared = 0
    for index in 0..<300 {
      let precision = Int.random(in: 0...6, using: &random)
      let mode = RoundingMode.allCases[Int.random(in: 0..<4, using: &random)]
      var steps: [String] = []
      var expected = ReferenceDecimal("0")
      for _ in 0..<Int.random(in: 1...5, using: &random) {
        if Bool.random(using: &random) || steps.isEmpty {
          let amount = ReferenceDecimal(random.decimalText(maxDigits: 12, maxScale: precision))
            .magnitude.text
          steps.append("      - add: \"\(amount)\"")
          expected = expected + ReferenceDecimal(amount)
        } else {
          let factor = ReferenceDecimal(random.decimalText(maxDigits: 10, maxScale: 9)).magnitude
            .text
          steps.append("      - multiply: \"\(factor)\"")
          expected = expected * ReferenceDecimal(factor)
        }
      }
      let rounded = expected.rounded(toPlaces: precision, mode: mode)
      let yaml = catalog(
        attributes: "  {}",
        specs: "  s:\n    name: {zh-CN: 规格, en-US: Spec}\n    billing: one-time\n    pricing:\n"
          + steps.joined(separator: "\n"),
        extraProduct: "  precision: \(precision)\n  rounding: \(mode.rawValue)")
      let result = compile(yaml)
      if rounded.digits.isEmpty {
        #expect(codes(result) == ["P410"], "case \(index): a zero price is a free listing\n\(yaml)")
        continue
      }
      let period = try #require(
        priced(result, key: "p/s/"), "case \(index)\n\(yaml)\n\(result.diagnostics)")
      #expect(period.price.description == rounded.text, "case \(index)\n\(yaml)")
      #expect(period.from == period.price)
      compared += 1
    }
    #expect(compared > 250)
  }
}

extension ReferenceDecimal {
  var magnitude: ReferenceDecimal {
    ReferenceDecimal(negative: false, digits: digits, scale: scale)
  }

  var exact: ExactDecimal? { ExactDecimal(exactly: text) }

  static func == (lhs: ReferenceDecimal, rhs: ReferenceDecimal) -> Bool {
    lhs.negative == rhs.negative && lhs.digits == rhs.digits && lhs.scale == rhs.scale
  }
}
