import BigInt

extension ExactDecimal: CustomStringConvertible {
  /// Canonical shortest form: "0.1", "-12", "1000.5"; never exponent notation, never "-0".
  ///
  /// This is the form diagnostics and diffs show, and `init(exactly:)` reads it back to the
  /// same value.
  public var description: String {
    var bytes: [UInt8] = []
    appendText(places: scale, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The value with exactly `places` fraction digits: "99.00", "-0.50", "12" for places 0.
  ///
  /// This is how amounts are published (spec §11: exactly `precision` fraction digits).
  ///
  /// - Precondition: `fractionDigitCount <= places`; round with `rounded(toPlaces:mode:)`
  ///   first. Formatting never rounds by itself: spec §8.4 rounds once, at a defined point,
  ///   and a second hidden rounding here could publish a price nobody computed.
  public func formatted(places: Int) -> String {
    precondition(scale <= places, "\(self) has more than \(places) fraction digits; round first")
    var bytes: [UInt8] = []
    appendText(places: places, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the value with `places` (at least `scale`) fraction digits as ASCII.
  func appendText(places: Int, to bytes: inout [UInt8]) {
    if isNegative { bytes.append(UInt8(ascii: "-")) }
    let digitsStart = bytes.count
    switch significand {
    case .small(let value):
      DecimalDigits.appendDigits(of: value.magnitude, to: &bytes)
    case .big(let value):
      bytes.append(contentsOf: String(value.magnitude).utf8)
    }
    guard places > 0 else { return }
    // Left-pad so that at least one integer digit stays before the point: 5 at scale 3 is 0.005.
    let written = bytes.count - digitsStart
    if written <= scale {
      bytes.insert(
        contentsOf: repeatElement(UInt8(ascii: "0"), count: scale - written + 1), at: digitsStart)
    }
    bytes.insert(UInt8(ascii: "."), at: bytes.count - scale)
    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: places - scale))
  }
}
