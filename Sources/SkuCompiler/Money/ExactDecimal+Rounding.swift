import BigInt

/// How an exact value is brought to a fixed number of decimals (spec §4 `product.rounding`).
public enum RoundingMode: String, Sendable, Hashable, CaseIterable {
  /// Ties away from zero (四舍五入): 0.005 -> 0.01, -0.005 -> -0.01.
  case halfUp = "half-up"
  /// Ties to the even neighbour (banker's rounding): 2.5 -> 2, 3.5 -> 4.
  case halfEven = "half-even"
  /// Toward zero (truncation): 1.239 -> 1.23, -1.239 -> -1.23.
  case down
  /// Away from zero: 1.231 -> 1.24, -1.231 -> -1.24.
  case up
}

extension ExactDecimal {
  /// The value rounded to `places` fraction digits with `mode`.
  ///
  /// - Precondition: `places >= 0`. Precisions come from validated catalog fields (0...6), so a
  ///   negative count is a programming error, and stopping beats publishing a guessed price.
  public func rounded(toPlaces places: Int, mode: RoundingMode) -> ExactDecimal {
    precondition(places >= 0, "cannot round to a negative number of places")
    if scale <= places { return self }
    let dropped = scale - places
    if case .small(let value) = significand, let divisor = DecimalDigits.power(dropped) {
      return ExactDecimal(
        significand: Self.dividedRounding(value, by: divisor, mode: mode), scale: places)
    }
    let divisor = DecimalDigits.bigPower(dropped)
    return ExactDecimal(
      significand: Self.dividedRounding(bigSignificand, by: divisor, mode: mode), scale: places)
  }

  /// `lhs / rhs` rounded to `places` fraction digits with `mode`, or nil when `rhs` is zero.
  ///
  /// Computed exactly: the integer quotient of the scaled significands, with the remainder
  /// deciding the rounding, so a tie is recognized as a tie however long the expansion.
  ///
  /// - Precondition: `places >= 0` (see `rounded(toPlaces:mode:)`).
  public static func quotient(
    _ lhs: ExactDecimal, _ rhs: ExactDecimal, places: Int, mode: RoundingMode
  ) -> ExactDecimal? {
    precondition(places >= 0, "cannot round to a negative number of places")
    if rhs.isZero { return nil }
    // lhs / rhs × 10^places = (a × 10^-sa) / (b × 10^-sb) × 10^places = a × 10^shift / b.
    let shift = places + rhs.scale - lhs.scale
    if case .small(let a) = lhs.significand, case .small(let b) = rhs.significand,
      let (numerator, denominator) = smallScaled(a, b, shift: shift)
    {
      return ExactDecimal(
        significand: dividedRounding(numerator, by: denominator, mode: mode), scale: places)
    }
    var numerator = lhs.bigSignificand
    var denominator = rhs.bigSignificand
    if shift >= 0 {
      numerator *= DecimalDigits.bigPower(shift)
    } else {
      denominator *= DecimalDigits.bigPower(-shift)
    }
    return ExactDecimal(
      significand: dividedRounding(numerator, by: denominator, mode: mode), scale: places)
  }

  /// `(a × 10^shift, b)` or `(a, b × 10^-shift)` on the fast path, nil on overflow.
  ///
  /// Neither result can be `Int128.min` (a multiple of ten never is, and canonical `a`, `b`
  /// never are), so the division below cannot trap on `min / -1`.
  private static func smallScaled(_ a: Int128, _ b: Int128, shift: Int) -> (Int128, Int128)? {
    guard let factor = DecimalDigits.power(abs(shift)) else { return nil }
    if shift >= 0 {
      let (scaled, overflow) = a.multipliedReportingOverflow(by: factor)
      return overflow ? nil : (scaled, b)
    }
    let (scaled, overflow) = b.multipliedReportingOverflow(by: factor)
    return overflow ? nil : (a, scaled)
  }

  /// Runs the 128-bit division on 64 bits when both operands fit, which is several times
  /// faster and covers almost every price.
  static func dividedRounding(
    _ numerator: Int128, by denominator: Int128, mode: RoundingMode
  )
    -> Int128
  {
    // `Int64.min / -1` would trap, so that one numerator stays on 128 bits.
    if let narrowNumerator = Int64(exactly: numerator), narrowNumerator != .min,
      let narrowDenominator = Int64(exactly: denominator)
    {
      return Int128(dividedRounding(generic: narrowNumerator, by: narrowDenominator, mode: mode))
    }
    return dividedRounding(generic: numerator, by: denominator, mode: mode)
  }

  static func dividedRounding(
    _ numerator: BigInt, by denominator: BigInt, mode: RoundingMode
  )
    -> BigInt
  {
    dividedRounding(generic: numerator, by: denominator, mode: mode)
  }

  /// `numerator / denominator` rounded to an integer with `mode`.
  ///
  /// Generic so that the fast path (`Int128`) and the slow path (`BigInt`) share one
  /// implementation of the tie rules. The remainder is compared with the rest of the divisor
  /// (`|r|` vs `|d| - |r|`) instead of doubling it, which could overflow.
  private static func dividedRounding<T: BinaryInteger>(
    generic numerator: T, by denominator: T, mode: RoundingMode
  ) -> T {
    let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
    if remainder == 0 { return quotient }
    let awayFromZero: T = (numerator < 0) == (denominator < 0) ? 1 : -1
    switch mode {
    case .down:
      return quotient
    case .up:
      return quotient + awayFromZero
    case .halfUp, .halfEven:
      let below = remainder.magnitude
      let above = denominator.magnitude - below
      if below < above { return quotient }
      if below > above { return quotient + awayFromZero }
      if mode == .halfUp || !quotient.isMultiple(of: 2) {
        return quotient + awayFromZero
      }
      return quotient
    }
  }
}
