import BigInt

extension ExactDecimal: Comparable {
  public static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
    if case .small(let a) = lhs.significand, case .small(let b) = rhs.significand,
      let sum = smallSum(a, lhs.scale, b, rhs.scale)
    {
      return sum
    }
    let (a, b, scale) = aligned(lhs, rhs)
    return ExactDecimal(significand: a + b, scale: scale)
  }

  public static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
    lhs + -rhs
  }

  public static func * (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
    if case .small(let a) = lhs.significand, case .small(let b) = rhs.significand {
      let (product, overflow) = a.multipliedReportingOverflow(by: b)
      if !overflow { return ExactDecimal(significand: product, scale: lhs.scale + rhs.scale) }
    }
    return ExactDecimal(
      significand: lhs.bigSignificand * rhs.bigSignificand, scale: lhs.scale + rhs.scale)
  }

  public static prefix func - (value: ExactDecimal) -> ExactDecimal {
    // Both storages have symmetric ranges (see `Significand`), so negation keeps the value
    // canonical without re-checking.
    switch value.significand {
    case .small(let a): ExactDecimal(significand: -a, scale: value.scale)
    case .big(let a): ExactDecimal(significand: -a, scale: value.scale)
    }
  }

  public static func += (lhs: inout ExactDecimal, rhs: ExactDecimal) {
    lhs = lhs + rhs
  }

  public static func -= (lhs: inout ExactDecimal, rhs: ExactDecimal) {
    lhs = lhs - rhs
  }

  public static func *= (lhs: inout ExactDecimal, rhs: ExactDecimal) {
    lhs = lhs * rhs
  }

  public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
    if case .small(let a) = lhs.significand, case .small(let b) = rhs.significand {
      if lhs.scale == rhs.scale || (a < 0) != (b < 0) || a == 0 || b == 0 { return a < b }
      if let (a, b) = smallAligned(a, lhs.scale, b, rhs.scale) { return a < b }
    }
    let (a, b, _) = aligned(lhs, rhs)
    return a < b
  }

  /// The sum on the fast path, or nil when aligning or adding overflows 128 bits.
  @inline(__always)
  private static func smallSum(
    _ a: Int128, _ aScale: Int, _ b: Int128, _ bScale: Int
  )
    -> ExactDecimal?
  {
    guard let (a, b) = smallAligned(a, aScale, b, bScale) else { return nil }
    let (sum, overflow) = a.addingReportingOverflow(b)
    if overflow { return nil }
    if aScale == bScale { return ExactDecimal(significand: sum, scale: aScale) }
    // With different scales the last digit of the sum is the non-zero last digit of the
    // operand with more fraction digits, so no trailing zero can appear.
    return ExactDecimal(significandWithoutTrailingZeros: sum, scale: max(aScale, bScale))
  }

  /// Both significands brought to the larger scale, or nil when that overflows 128 bits.
  @inline(__always)
  private static func smallAligned(
    _ a: Int128, _ aScale: Int, _ b: Int128, _ bScale: Int
  )
    -> (Int128, Int128)?
  {
    if aScale == bScale { return (a, b) }
    if aScale < bScale {
      guard let factor = DecimalDigits.power(bScale - aScale) else { return nil }
      let (scaled, overflow) = a.multipliedReportingOverflow(by: factor)
      return overflow ? nil : (scaled, b)
    }
    guard let factor = DecimalDigits.power(aScale - bScale) else { return nil }
    let (scaled, overflow) = b.multipliedReportingOverflow(by: factor)
    return overflow ? nil : (a, scaled)
  }

  /// Both significands as `BigInt`s at the larger scale.
  private static func aligned(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> (BigInt, BigInt, Int) {
    let scale = max(lhs.scale, rhs.scale)
    var a = lhs.bigSignificand
    var b = rhs.bigSignificand
    if lhs.scale < scale { a *= DecimalDigits.bigPower(scale - lhs.scale) }
    if rhs.scale < scale { b *= DecimalDigits.bigPower(scale - rhs.scale) }
    return (a, b, scale)
  }
}
