import SkuCompiler

/// A deliberately naive decimal (schoolbook arithmetic on digit arrays) that shares no code
/// with `ExactDecimal`, used as the oracle in randomized tests.
struct ReferenceDecimal: Equatable {
  var negative: Bool
  /// Little-endian base-10 digits of the magnitude, no trailing (most significant) zeros.
  var digits: [Int]
  var scale: Int

  init(negative: Bool, digits: [Int], scale: Int) {
    var digits = digits
    while digits.last == 0 { digits.removeLast() }
    var scale = scale
    while scale > 0, let first = digits.first, first == 0 {
      digits.removeFirst()
      scale -= 1
    }
    if digits.isEmpty { scale = 0 }
    self.negative = negative && !digits.isEmpty
    self.digits = digits
    self.scale = scale
  }

  init(_ text: String) {
    var body = Substring(text)
    let negative = body.hasPrefix("-")
    if negative { body = body.dropFirst() }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    let fraction = parts.count > 1 ? parts[1] : ""
    let all = (parts[0] + fraction).compactMap { $0.wholeNumberValue }
    self.init(negative: negative, digits: all.reversed(), scale: fraction.count)
  }

  var text: String {
    var magnitude = digits
    while magnitude.count <= scale { magnitude.append(0) }
    var out = negative ? "-" : ""
    for (index, digit) in magnitude.enumerated().reversed() {
      out += String(digit)
      if index == scale && scale > 0 { out += "." }
    }
    return out
  }

  private func digits(atScale target: Int) -> [Int] {
    Array(repeating: 0, count: target - scale) + digits
  }

  private static func compareMagnitudes(_ a: [Int], _ b: [Int]) -> Int {
    var a = a
    var b = b
    while a.last == 0 { a.removeLast() }
    while b.last == 0 { b.removeLast() }
    if a.count != b.count { return a.count < b.count ? -1 : 1 }
    for index in stride(from: a.count - 1, through: 0, by: -1) where a[index] != b[index] {
      return a[index] < b[index] ? -1 : 1
    }
    return 0
  }

  private static func addMagnitudes(_ a: [Int], _ b: [Int]) -> [Int] {
    var out: [Int] = []
    var carry = 0
    for index in 0..<max(a.count, b.count) {
      let sum = (index < a.count ? a[index] : 0) + (index < b.count ? b[index] : 0) + carry
      out.append(sum % 10)
      carry = sum / 10
    }
    if carry > 0 { out.append(carry) }
    return out
  }

  /// `a - b` for `a >= b`.
  private static func subtractMagnitudes(_ a: [Int], _ b: [Int]) -> [Int] {
    var out: [Int] = []
    var borrow = 0
    for index in 0..<a.count {
      var difference = a[index] - (index < b.count ? b[index] : 0) - borrow
      borrow = difference < 0 ? 1 : 0
      if difference < 0 { difference += 10 }
      out.append(difference)
    }
    return out
  }

  static func + (lhs: ReferenceDecimal, rhs: ReferenceDecimal) -> ReferenceDecimal {
    let scale = max(lhs.scale, rhs.scale)
    let a = lhs.digits(atScale: scale)
    let b = rhs.digits(atScale: scale)
    if lhs.negative == rhs.negative {
      return ReferenceDecimal(negative: lhs.negative, digits: addMagnitudes(a, b), scale: scale)
    }
    if compareMagnitudes(a, b) >= 0 {
      return ReferenceDecimal(
        negative: lhs.negative, digits: subtractMagnitudes(a, b), scale: scale)
    }
    return ReferenceDecimal(negative: rhs.negative, digits: subtractMagnitudes(b, a), scale: scale)
  }

  static prefix func - (value: ReferenceDecimal) -> ReferenceDecimal {
    ReferenceDecimal(negative: !value.negative, digits: value.digits, scale: value.scale)
  }

  static func * (lhs: ReferenceDecimal, rhs: ReferenceDecimal) -> ReferenceDecimal {
    var out = Array(repeating: 0, count: lhs.digits.count + rhs.digits.count + 1)
    for (i, a) in lhs.digits.enumerated() {
      for (j, b) in rhs.digits.enumerated() {
        out[i + j] += a * b
      }
    }
    for index in 0..<(out.count - 1) {
      out[index + 1] += out[index] / 10
      out[index] %= 10
    }
    return ReferenceDecimal(
      negative: lhs.negative != rhs.negative, digits: out, scale: lhs.scale + rhs.scale)
  }

  static func < (lhs: ReferenceDecimal, rhs: ReferenceDecimal) -> Bool {
    let difference = lhs + -rhs
    return difference.negative
  }

  /// Rounding by inspecting the dropped digits, a different method from the remainder
  /// comparison used by `ExactDecimal`.
  func rounded(toPlaces places: Int, mode: RoundingMode) -> ReferenceDecimal {
    if scale <= places { return self }
    let dropCount = scale - places
    let padded = digits + Array(repeating: 0, count: max(0, dropCount - digits.count + 1))
    let dropped = Array(padded[0..<dropCount])
    let kept = Array(padded[dropCount...])
    let first = dropped.last ?? 0
    let restNonZero = dropped.dropLast().contains { $0 != 0 }
    let anyDropped = first != 0 || restNonZero
    let increment: Bool
    switch mode {
    case .down: increment = false
    case .up: increment = anyDropped
    case .halfUp: increment = first >= 5
    case .halfEven:
      if first > 5 || (first == 5 && restNonZero) {
        increment = true
      } else if first == 5 {
        increment = (kept.first ?? 0) % 2 == 1
      } else {
        increment = false
      }
    }
    let magnitude = increment ? Self.addMagnitudes(kept, [1]) : kept
    return ReferenceDecimal(negative: negative, digits: magnitude, scale: places)
  }
}

/// SplitMix64: a tiny seeded generator so that randomized tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A decimal literal with up to `maxDigits` digits and up to `maxScale` fraction digits,
  /// biased toward values near the 128-bit boundary and toward ties.
  mutating func decimalText(maxDigits: Int, maxScale: Int) -> String {
    let digitCount = Int.random(in: 1...maxDigits, using: &self)
    let scale = Int.random(in: 0...min(maxScale, digitCount), using: &self)
    var digits = (0..<digitCount).map { _ in String(Int.random(in: 0...9, using: &self)) }
    if Bool.random(using: &self) { digits[digitCount - 1] = "5" }
    if Int.random(in: 0..<4, using: &self) == 0 {
      for index in 0..<digitCount where Bool.random(using: &self) { digits[index] = "9" }
    }
    let integer = digits[0..<(digitCount - scale)].joined()
    let fraction = digits[(digitCount - scale)...].joined()
    let sign = Bool.random(using: &self) ? "-" : ""
    return sign + (integer.isEmpty ? "0" : integer) + (fraction.isEmpty ? "" : "." + fraction)
  }
}
