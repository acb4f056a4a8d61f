/// The priced results of a spec's (SKU, period)s, shared between the SKUs that price alike.
///
/// Steps read only the attributes their `when`s and tables name, and the period. Two SKUs
/// that agree on those values run the very same steps on the very same numbers, so the
/// rounded result of the first is the result of the second: a spec of a million SKUs whose
/// steps read one attribute of 100 values and the period is priced 200 times, not two
/// million. Quantity ranges feed `from` and tier warnings, so the memo is used only when every
/// SKU has the declared ranges (no `limit` rule).
///
/// A result is kept only when computing it recorded no finding (a miss, a negative price, a
/// tier that never applies, an oversized amount): SKUs whose pricing reports something always
/// take the full path, so diagnostics and their order are exactly those of pricing each SKU.
struct PricingMemo: Sendable {
  enum Entry: Sendable {
    case unknown
    /// Computing it recorded a finding: price such SKUs one by one.
    case uncacheable
    case priced(PricedPeriod)
  }

  /// The attributes (positions) the steps read, and their mixed-radix weights.
  private let attributes: [Int]
  private let weights: [Int]
  private let periodCount: Int
  private var entries: [Entry]

  /// A memo slot per (value tuple, period) is allocated up front; beyond this many the
  /// tuples are too varied for a memo to pay.
  static let maximumEntries = 1 << 22

  /// Nil when a memo cannot be exact (limited ranges) or cannot pay (as many tuples as SKUs).
  init?(expanded: ExpandedSpec) {
    let spec = expanded.resolved
    guard expanded.limitedRanges.isEmpty else { return nil }
    var read = Set<Int>()
    for step in spec.steps {
      for term in step.when?.terms ?? [] {
        if case .attribute(let position) = term.dimension { read.insert(position) }
      }
      for table in SpecPricer.tables(of: step.action) {
        for case .attribute(let position) in table.dimensions { read.insert(position) }
      }
    }
    attributes = read.sorted()
    var weights: [Int] = []
    var tuples = 1
    for attribute in attributes {
      weights.append(tuples)
      tuples *= expanded.radices[attribute]
      if tuples > Self.maximumEntries { return nil }
    }
    self.weights = weights
    periodCount = spec.pricedPeriods.count
    let slots = tuples * periodCount
    guard slots <= Self.maximumEntries, slots * 2 <= expanded.skus.count * periodCount else {
      return nil
    }
    entries = Array(repeating: .unknown, count: slots)
  }

  func slot(_ selection: [Int], period: Int) -> Int {
    var tuple = 0
    for (attribute, weight) in zip(attributes, weights) { tuple += selection[attribute] * weight }
    return tuple * periodCount + period
  }

  subscript(slot: Int) -> Entry {
    get { entries[slot] }
    set { entries[slot] = newValue }
  }
}

extension SpecPricer {
  /// How many findings pricing has recorded so far; unchanged across a computation means the
  /// computation found nothing.
  var findingCount: Int {
    diagnostics.diagnostics.count + misses.values.reduce(0) { $0 + $1.count } + negativeReports
      + unreachableTiers.values.reduce(0) { $0 + $1.count }
  }

  /// One (SKU, period) priced through the memo when there is one, else in full. The SKU's key
  /// is built into `keys` only when the full path needs it for a message.
  mutating func price(
    selection: [Int], periodIndex: Int, keys: inout SkuKeyBuilder, ranges: [QuantityRange]
  ) -> PricedPeriod {
    let period = spec.pricedPeriods[periodIndex]
    func key(_ keys: inout SkuKeyBuilder) -> String {
      keys.build(selection)
      return keys.key
    }
    guard let slot = memo?.slot(selection, period: periodIndex) else {
      return price(selection: selection, period: period, key: key(&keys), ranges: ranges)
    }
    switch memo?[slot] {
    case .priced(let priced):
      return priced
    case .uncacheable:
      return price(selection: selection, period: period, key: key(&keys), ranges: ranges)
    case .unknown, nil:
      let before = findingCount
      let priced = price(selection: selection, period: period, key: key(&keys), ranges: ranges)
      let entry: PricingMemo.Entry = findingCount == before ? .priced(priced) : .uncacheable
      memo?[slot] = entry
      return priced
    }
  }
}
