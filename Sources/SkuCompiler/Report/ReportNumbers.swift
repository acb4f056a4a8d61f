/// The numbers the report shows, all computed here with exact decimals: the page's script
/// never does arithmetic on money, it only shows and hides what this wrote.
enum ReportNumbers {
  /// Steps of the colour scale (CSS classes `p0`…`p6` and `f0`…`f6`).
  static let levelCount = 7

  /// Each value's step on a sequential scale from the lowest (0) to the highest
  /// (`count` − 1): (v − min) × (count − 1) / (max − min), rounded half-up. Found by
  /// comparing with the midpoints between steps, exactly, so two prices that differ by a cent
  /// never swap colours through a rounding error. Equal values all take step 0.
  static func levels(_ values: [ExactDecimal], count: Int = levelCount) -> [Int] {
    guard let low = values.min(), let high = values.max(), low < high, count > 1 else {
      return values.map { _ in 0 }
    }
    let span = high - low
    let steps = ExactDecimal(count - 1)
    return values.map { value in
      // Step k is reached when (v − min) × (count − 1) × 2 ≥ (2k − 1) × span.
      let doubled = (value - low) * steps * ExactDecimal(2)
      var level = 0
      while level + 1 < count, !(doubled < ExactDecimal(2 * level + 1) * span) {
        level += 1
      }
      return level
    }
  }

  /// An amount as published (exactly `places` decimals) with thousands separators, for people:
  /// `1990.00` → `1,990.00`. The digits are the payload's; only commas are added.
  static func amount(_ value: ExactDecimal, places: Int) -> String {
    grouped(value.formatted(places: places))
  }

  static func grouped(_ text: String) -> String {
    var integer = Substring(text)
    var sign = ""
    if integer.hasPrefix("-") || integer.hasPrefix("+") {
      sign = String(integer.prefix(1))
      integer = integer.dropFirst()
    }
    var fraction = ""
    if let point = integer.firstIndex(of: ".") {
      fraction = String(integer[point...])
      integer = integer[..<point]
    }
    var groups: [Substring] = []
    while integer.count > 3 {
      groups.insert(integer.suffix(3), at: 0)
      integer = integer.dropLast(3)
    }
    groups.insert(integer, at: 0)
    return sign + groups.joined(separator: ",") + fraction
  }
}
