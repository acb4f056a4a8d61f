import BigInt

/// An exact decimal number for money and pricing factors.
///
/// Binary floating point cannot hold 0.10 exactly and Foundation's `Decimal` silently rounds
/// past 38 digits, so neither may touch a price. This type holds `significand × 10^-scale`
/// exactly: a 128-bit significand while it fits (no allocation, overflow-checked arithmetic),
/// and an arbitrary-precision `BigInt` only when an operation overflows. Results move back to
/// the fast representation as soon as they fit again.
///
/// Every value has exactly one representation (trailing fraction zeros stripped, the
/// narrowest storage that holds it), so the synthesized `==` and `hash(into:)` compare values:
/// `1.50 == 1.5`, and a negative zero cannot exist.
public struct ExactDecimal: Sendable, Hashable {
  /// The significand's storage.
  ///
  /// `.small` is used exactly when the significand lies in `-(2^127 - 1) ... 2^127 - 1`.
  /// Leaving out `Int128.min` keeps the range symmetric, so negating a value never changes
  /// its storage and `.small` values can be negated without an overflow check.
  enum Significand: Sendable, Hashable {
    case small(Int128)
    indirect case big(BigInt)
  }

  /// Invariants: `scale >= 0`; when `scale > 0` the significand is not a multiple of 10; a zero
  /// significand has scale 0; the storage follows the rule documented on `Significand`.
  let significand: Significand
  let scale: Int

  /// Wraps parts that already satisfy every invariant.
  private init(canonical significand: Significand, scale: Int) {
    self.significand = significand
    self.scale = scale
  }

  /// The value `significand × 10^-scale`, brought into canonical form.
  init(significand: Int128, scale: Int) {
    if significand == .min {
      self.init(significand: BigInt(significand), scale: scale)
      return
    }
    // An odd significand cannot end in a zero digit, and most results leave here.
    if scale == 0 || significand & 1 != 0 {
      self.init(canonical: .small(significand), scale: scale)
    } else if significand == 0 {
      self.init(canonical: .small(0), scale: 0)
    } else if let narrow = Int64(exactly: significand) {
      // On 64 bits, dividing by ten is a multiplication; on 128 bits it is a library call.
      var value = narrow
      var scale = scale
      while scale > 0 && value % 10 == 0 {
        value /= 10
        scale -= 1
      }
      self.init(canonical: .small(Int128(value)), scale: scale)
    } else {
      var value = significand
      var scale = scale
      while scale > 0 {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: 10)
        if remainder != 0 { break }
        value = quotient
        scale -= 1
      }
      self.init(canonical: .small(value), scale: scale)
    }
  }

  /// Skips the trailing-zero loop for callers that know the last digit is not zero.
  init(significandWithoutTrailingZeros significand: Int128, scale: Int) {
    if significand == .min {
      self.init(significand: BigInt(significand), scale: scale)
    } else {
      self.init(canonical: .small(significand), scale: scale)
    }
  }

  /// The value `significand × 10^-scale`, brought into canonical form.
  init(significand: BigInt, scale: Int) {
    if let small = DecimalDigits.smallSignificand(significand) {
      self.init(significand: small, scale: scale)
      return
    }
    var value = significand
    var scale = scale
    while scale > 0 && value.magnitude.words.first.map({ $0 & 1 == 0 }) == true {
      let (quotient, remainder) = value.quotientAndRemainder(dividingBy: 10)
      if !remainder.isZero { break }
      value = quotient
      scale -= 1
    }
    if let small = DecimalDigits.smallSignificand(value) {
      self.init(significand: small, scale: scale)
    } else {
      self.init(canonical: .big(value), scale: scale)
    }
  }

  public static let zero = ExactDecimal(canonical: .small(0), scale: 0)
  public static let one = ExactDecimal(canonical: .small(1), scale: 0)

  public init(_ integer: Int) {
    self.init(canonical: .small(Int128(integer)), scale: 0)
  }

  /// Parses `-?[0-9]+(\.[0-9]+)?` of any length exactly, and nothing else.
  ///
  /// Leading zeros, `-0` and any number of digits are accepted on purpose: the catalog grammar
  /// (`ScalarGrammar`) decides what authors may write, this only has to be exact.
  public init?(exactly text: some StringProtocol) {
    var negative = false
    var value: Int128 = 0
    var overflowed = false
    var integerDigits = 0
    var fractionDigits = 0
    var sawPoint = false
    var isFirst = true
    for byte in text.utf8 {
      defer { isFirst = false }
      switch byte {
      case UInt8(ascii: "-") where isFirst:
        negative = true
      case UInt8(ascii: "."):
        guard !sawPoint, integerDigits > 0 else { return nil }
        sawPoint = true
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        if sawPoint { fractionDigits += 1 } else { integerDigits += 1 }
        if !overflowed {
          let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
          let (sum, o2) = shifted.addingReportingOverflow(Int128(byte &- UInt8(ascii: "0")))
          overflowed = o1 || o2
          value = sum
        }
      default:
        return nil
      }
    }
    guard integerDigits > 0, !sawPoint || fractionDigits > 0 else { return nil }
    if !overflowed {
      self.init(significand: negative ? -value : value, scale: fractionDigits)
      return
    }
    let digits = text.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    guard let magnitude = BigUInt(String(decoding: digits, as: UTF8.self), radix: 10) else {
      return nil
    }
    self.init(
      significand: BigInt(sign: negative ? .minus : .plus, magnitude: magnitude),
      scale: fractionDigits)
  }

  public var isZero: Bool { significand == .small(0) }

  /// Strictly below zero.
  public var isNegative: Bool {
    switch significand {
    case .small(let value): value < 0
    case .big(let value): value.sign == .minus
    }
  }

  /// Digits from the first non-zero digit to the last digit the value needs: 1.50 has 2,
  /// 0.001 has 1, 1000 has 4, zero has 0.
  ///
  /// This is the precision a fixed-size representation would need, which is what the pricing
  /// stage caps; on the fast path it costs a bit count and one comparison.
  public var significantDigitCount: Int {
    switch significand {
    case .small(let value): DecimalDigits.count(value.magnitude)
    case .big(let value): DecimalDigits.count(value.magnitude)
    }
  }

  /// Fraction digits needed to write the value exactly (trailing zeros not counted): 1.50 -> 1.
  public var fractionDigitCount: Int { scale }

  /// The significand as a `BigInt`, for the slow path.
  var bigSignificand: BigInt {
    switch significand {
    case .small(let value): BigInt(value)
    case .big(let value): value
    }
  }
}
