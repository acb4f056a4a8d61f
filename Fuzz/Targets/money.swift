@testable import SkuCompiler

/// The money parser and exact arithmetic.
///
/// The input's first byte picks a precision and a rounding mode; the rest is text. The whole
/// text goes through the three scalar grammars, whose results must format and parse back to
/// the same value. Then the text is split at spaces into numbers of any length (read with
/// `ExactDecimal(exactly:)`, so the `BigInt` path is reached as well as the `Int128` one), and
/// the arithmetic laws and the definition of each rounding mode are checked on them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMoney(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let control = data[0]
  let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
  let precision = Int(control % 7)
  let mode = RoundingMode.allCases[Int(control / 7) % RoundingMode.allCases.count]
  checkGrammars(text, precision: precision)
  let numbers = text.split(separator: " ").prefix(4).compactMap { ExactDecimal(exactly: $0) }
  for number in numbers {
    checkText(number)
    checkRounding(number, places: precision, mode: mode)
  }
  if numbers.count >= 2 { checkLaws(numbers[0], numbers[1], numbers.count > 2 ? numbers[2] : .one) }
  return 0
}

private func checkGrammars(_ text: String, precision: Int) {
  if case .success(let value) = ScalarGrammar.integer(text) {
    require(ScalarGrammar.integer(String(value)) == .success(value), "integer \(text)")
    require(ExactDecimal(exactly: text) == ExactDecimal(value), "integer value \(text)")
  }
  let decimal = ScalarGrammar.decimal(text)
  if case .success(let value) = decimal {
    require(ExactDecimal(exactly: text) == value, "decimal value \(text)")
    require(ScalarGrammar.decimal(value.description) == .success(value), "decimal \(text)")
    for places in value.fractionDigitCount...ScalarGrammar.maxFractionDigits {
      require(
        ScalarGrammar.decimal(value.formatted(places: places)) == .success(value),
        "decimal \(text) at \(places) places")
    }
  }
  switch ScalarGrammar.money(text, precision: precision, currency: "CNY") {
  case .success(let value):
    require(decimal == .success(value), "money \(text) is not its decimal")
    require(value.fractionDigitCount <= precision, "money \(text) beyond precision \(precision)")
    require(
      ScalarGrammar.money(value.formatted(places: precision), precision: precision, currency: "CNY")
        == .success(value), "money \(text) formatted")
  case .failure(let error):
    require(!error.message.isEmpty, "empty money error for \(text)")
    if case .success(let value) = decimal {
      require(value.fractionDigitCount > precision, "decimal \(text) refused as money")
    }
  }
}

private func checkText(_ value: ExactDecimal) {
  require(ExactDecimal(exactly: value.description) == value, "description of \(value)")
  let padded = value.formatted(places: value.fractionDigitCount + 2)
  require(ExactDecimal(exactly: padded) == value, "padded \(padded)")
  require(!value.description.hasPrefix("-0") || value.description.hasPrefix("-0."), "\(value)")
}

/// Rounding is defined by three facts: the result has at most `places` decimals, it lies less
/// than one unit away, and the mode decides the direction (and ties).
private func checkRounding(_ value: ExactDecimal, places: Int, mode: RoundingMode) {
  let rounded = value.rounded(toPlaces: places, mode: mode)
  let unit = ExactDecimal(significand: Int128(1), scale: places)
  let half = ExactDecimal(significand: Int128(5), scale: places + 1)
  let distance = magnitude(value - rounded)
  require(rounded.fractionDigitCount <= places, "\(value) rounded to \(places) is \(rounded)")
  require(distance < unit, "\(value) rounded \(mode) to \(places) is \(rounded)")
  require(rounded.rounded(toPlaces: places, mode: mode) == rounded, "rounding \(rounded) again")
  require(ExactDecimal(exactly: rounded.formatted(places: places)) == rounded, "format \(rounded)")
  if !distance.isZero && !rounded.isZero {
    require(rounded.isNegative == value.isNegative, "\(value) rounded to \(rounded) flips sign")
  }
  let awayFromZero = magnitude(rounded) > magnitude(value)
  switch mode {
  case .down: require(!awayFromZero, "\(value) rounded down to \(rounded)")
  case .up: require(distance.isZero || awayFromZero, "\(value) rounded up to \(rounded)")
  case .halfUp, .halfEven:
    require(!(half < distance), "\(value) rounded \(mode) to \(rounded) is more than half off")
    guard distance == half else { break }
    if mode == .halfUp {
      require(awayFromZero, "tie \(value) rounded half-up to \(rounded)")
    } else {
      let lastDigit = rounded.formatted(places: places).utf8.last ?? 0
      require(lastDigit % 2 == 0, "tie \(value) rounded half-even to \(rounded)")
    }
  }
}

private func checkLaws(_ a: ExactDecimal, _ b: ExactDecimal, _ c: ExactDecimal) {
  require(a + b == b + a, "\(a) + \(b) commutes")
  require((a + b) - b == a, "(\(a) + \(b)) - \(b)")
  require(a - a == .zero && (a - a).description == "0", "\(a) - itself")
  require(-(-a) == a, "double negation of \(a)")
  require(a * b == b * a, "\(a) * \(b) commutes")
  require(a * .one == a && (a * .zero).isZero, "\(a) times 1 and 0")
  require((a + b) + c == a + (b + c), "addition of \(a), \(b), \(c) associates")
  require((a * b) * c == a * (b * c), "multiplication of \(a), \(b), \(c) associates")
  require(a * (b + c) == a * b + a * c, "\(a) * (\(b) + \(c)) distributes")
  let ordered = [a < b, b < a, a == b].filter { $0 }.count
  require(ordered == 1, "trichotomy of \(a), \(b)")
  require((a < b) == (a - b).isNegative, "\(a) < \(b) disagrees with the difference")
  require(
    (a * b).fractionDigitCount <= a.fractionDigitCount + b.fractionDigitCount,
    "scale of \(a) * \(b)")
  if !b.isZero {
    for mode in RoundingMode.allCases {
      require(
        ExactDecimal.quotient(a * b, b, places: a.fractionDigitCount, mode: mode) == a,
        "(\(a) * \(b)) / \(b) \(mode)")
    }
  }
}

private func magnitude(_ value: ExactDecimal) -> ExactDecimal {
  value.isNegative ? -value : value
}
