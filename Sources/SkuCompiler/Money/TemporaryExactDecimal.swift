// TEMPORARY stand-in until the real ExactDecimal lands; deleted at merge.
import BigInt

public enum RoundingMode: String, Sendable, Hashable, CaseIterable {
  case halfUp = "half-up"
  case halfEven = "half-even"
  case down
  case up
}

public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
  var significand: BigInt
  var scale: Int
  public static let zero = ExactDecimal(0)
  public static let one = ExactDecimal(1)
  public init(_ integer: Int) {
    significand = BigInt(integer)
    scale = 0
  }
  init(_ s: BigInt, _ scale: Int) {
    significand = s
    self.scale = scale
  }
  public init?(exactly text: some StringProtocol) {
    var t = Substring(text)
    var negative = false
    if t.first == "-" {
      negative = true
      t = t.dropFirst()
    }
    let parts = t.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = BigInt(String(parts[0])), !parts[0].isEmpty else { return nil }
    var s = whole
    var sc = 0
    if parts.count == 2 {
      guard let frac = BigInt(String(parts[1])), !parts[1].isEmpty else { return nil }
      sc = parts[1].count
      s = whole * BigInt(10).power(sc) + frac
    }
    self.init(negative ? -s : s, sc)
  }
  static func align(_ a: ExactDecimal, _ b: ExactDecimal) -> (BigInt, BigInt, Int) {
    let s = max(a.scale, b.scale)
    return (
      a.significand * BigInt(10).power(s - a.scale), b.significand * BigInt(10).power(s - b.scale), s
    )
  }
  public static func + (l: ExactDecimal, r: ExactDecimal) -> ExactDecimal {
    let (a, b, s) = align(l, r)
    return ExactDecimal(a + b, s)
  }
  public static func - (l: ExactDecimal, r: ExactDecimal) -> ExactDecimal {
    let (a, b, s) = align(l, r)
    return ExactDecimal(a - b, s)
  }
  public static func * (l: ExactDecimal, r: ExactDecimal) -> ExactDecimal {
    ExactDecimal(l.significand * r.significand, l.scale + r.scale)
  }
  public static prefix func - (v: ExactDecimal) -> ExactDecimal { ExactDecimal(-v.significand, v.scale) }
  public static func += (l: inout ExactDecimal, r: ExactDecimal) { l = l + r }
  public static func *= (l: inout ExactDecimal, r: ExactDecimal) { l = l * r }
  public static func < (l: ExactDecimal, r: ExactDecimal) -> Bool {
    let (a, b, _) = align(l, r)
    return a < b
  }
  public static func == (l: ExactDecimal, r: ExactDecimal) -> Bool {
    let (a, b, _) = align(l, r)
    return a == b
  }
  public func hash(into hasher: inout Hasher) { hasher.combine(description) }
  public var isZero: Bool { significand == 0 }
  public var isNegative: Bool { significand < 0 }
  public var significantDigitCount: Int { significand == 0 ? 0 : significand.magnitude.description.count }
  public var fractionDigitCount: Int {
    var s = significand
    var sc = scale
    while sc > 0 && s % 10 == 0 {
      s /= 10
      sc -= 1
    }
    return s == 0 ? 0 : sc
  }
  public func rounded(toPlaces places: Int, mode: RoundingMode) -> ExactDecimal {
    guard scale > places else { return self }
    let divisor = BigInt(10).power(scale - places)
    let (q, r) = significand.quotientAndRemainder(dividingBy: divisor)
    if r == 0 { return ExactDecimal(q, places) }
    let twice = r.magnitude * 2
    let away: Bool
    switch mode {
    case .down: away = false
    case .up: away = true
    case .halfUp: away = twice >= divisor.magnitude
    case .halfEven: away = twice > divisor.magnitude || (twice == divisor.magnitude && q % 2 != 0)
    }
    return ExactDecimal(away ? q + (significand < 0 ? -1 : 1) : q, places)
  }
  public func formatted(places: Int) -> String {
    let v = rounded(toPlaces: places, mode: .halfEven)
    let s = v.significand * BigInt(10).power(places - v.scale)
    var digits = String(s.magnitude)
    while digits.count <= places { digits = "0" + digits }
    let cut = digits.index(digits.endIndex, offsetBy: -places)
    let body = places == 0 ? digits : digits[..<cut] + "." + digits[cut...]
    return (s < 0 ? "-" : "") + body
  }
  public var description: String { formatted(places: fractionDigitCount) }
  public static func quotient(_ l: ExactDecimal, _ r: ExactDecimal, places: Int, mode: RoundingMode)
    -> ExactDecimal?
  {
    guard !r.isZero else { return nil }
    let (a, b, _) = align(l, r)
    let extra = places + 2
    let q = (a * BigInt(10).power(extra + 30)) / b
    return ExactDecimal(q, extra + 30).rounded(toPlaces: places, mode: mode)
  }
}
