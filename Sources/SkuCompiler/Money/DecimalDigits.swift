import BigInt

/// Powers of ten and digit counting shared by the fast and slow paths of `ExactDecimal`.
enum DecimalDigits {
  /// `10^0 ... 10^38`: every power of ten below `Int128.max`, so scale alignment on the fast
  /// path is one table lookup and one checked multiplication.
  static let powers: [UInt128] = {
    var table: [UInt128] = [1]
    while table.count < 39, let last = table.last {
      table.append(last * 10)
    }
    return table
  }()

  /// `10^exponent` as an `Int128`, or nil when it does not fit.
  @inline(__always)
  static func power(_ exponent: Int) -> Int128? {
    guard exponent >= 0 && exponent < powers.count else { return nil }
    return Int128(truncatingIfNeeded: powers[exponent])
  }

  static func bigPower(_ exponent: Int) -> BigInt {
    BigInt(10).power(exponent)
  }

  /// Number of decimal digits of `value` (0 for zero).
  ///
  /// `bits × 1233 / 4096` underestimates `log10(2^bits)` by less than one, so a single
  /// comparison with the next power of ten finishes the count without any division.
  static func count(_ value: UInt128) -> Int {
    let bits = UInt128.bitWidth - value.leadingZeroBitCount
    var digits = (bits * 1233) >> 12
    if digits < powers.count && value >= powers[digits] { digits += 1 }
    return digits
  }

  static func count(_ value: BigUInt) -> Int {
    if value.isZero { return 0 }
    var digits = (value.bitWidth * 1233) >> 12
    if value >= BigUInt(10).power(digits) { digits += 1 }
    return digits
  }

  /// The value as a fast-path significand, or nil when it needs `BigInt` storage (see
  /// `ExactDecimal.Significand`).
  static func smallSignificand(_ value: BigInt) -> Int128? {
    guard value.magnitude.bitWidth < Int128.bitWidth else { return nil }
    var magnitude: UInt128 = 0
    for (index, word) in value.magnitude.words.enumerated() {
      magnitude |= UInt128(word) << (UInt.bitWidth * index)
    }
    let small = Int128(truncatingIfNeeded: magnitude)
    return value.sign == .minus ? -small : small
  }

  /// Appends the decimal digits of `value` as ASCII, without allocating for the digits.
  static func appendDigits(of value: UInt128, to bytes: inout [UInt8]) {
    if let narrow = UInt64(exactly: value) {
      appendDigits(of: narrow, to: &bytes)
      return
    }
    // Base-10^19 chunks keep the per-digit work on 64-bit integers, where dividing by ten is a
    // multiplication; a 128-bit division per digit would cost several times more.
    let (high, low) = value.quotientAndRemainder(dividingBy: powers[19])
    appendDigits(of: high, to: &bytes)
    let start = bytes.count
    appendDigits(of: UInt64(truncatingIfNeeded: low), to: &bytes)
    let written = bytes.count - start
    bytes.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: 19 - written), at: start)
  }

  static func appendDigits(of value: UInt64, to bytes: inout [UInt8]) {
    var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
    withUnsafeMutableBytes(of: &buffer) { raw in
      var index = raw.count
      var rest = value
      repeat {
        index -= 1
        raw[index] = UInt8(truncatingIfNeeded: rest % 10) &+ UInt8(ascii: "0")
        rest /= 10
      } while rest != 0
      bytes.append(contentsOf: raw[index...])
    }
  }
}
