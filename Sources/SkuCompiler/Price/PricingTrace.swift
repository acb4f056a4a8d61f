/// What pricing one (SKU, period) did, step by step: the receipt `skuc quote` prints.
///
/// It is recorded by the same `SpecPricer` run that prices the payload, so a receipt can never
/// disagree with the published numbers. `priceAll` leaves the recorder nil and records nothing.
public struct PricingTrace: Sendable {
  /// One table lookup: the leaf a table gave for this selection and period.
  public struct Lookup: Sendable {
    public var table: ResolvedTable
    public var leaf: Int

    /// The value found.
    public var value: ExactDecimal { table.leaves[leaf].value }
    /// The keys walked, one per `by` dimension; `"*"` where the fallback was taken.
    public var path: [String] { table.leaves[leaf].path }
  }

  public struct Step: Sendable {
    /// Index into the spec's steps.
    public var index: Int
    /// Whether the step's `when` matched (always true without one).
    public var applied: Bool
    /// The lookups the step made, in the order of `SpecPricer.tables(of:)`.
    public var lookups: [Lookup]
    public var priceBefore: ExactDecimal
    public var priceAfter: ExactDecimal
    /// One schedule per quantity of the spec, in the spec's order, exact (not rounded).
    public var schedulesBefore: [Schedule]
    public var schedulesAfter: [Schedule]
  }

  public private(set) var steps: [Step] = []
  /// The exact price and schedules after the last step, before the one rounding of §8.4.
  public private(set) var price = ExactDecimal.zero
  public private(set) var schedules: [Schedule] = []

  mutating func begin(step index: Int, applied: Bool, state: PricingState) {
    steps.append(
      Step(
        index: index, applied: applied, lookups: [], priceBefore: state.price,
        priceAfter: state.price, schedulesBefore: state.schedules, schedulesAfter: state.schedules))
  }

  mutating func lookedUp(_ table: ResolvedTable, leaf: Int) {
    guard !steps.isEmpty else { return }
    steps[steps.count - 1].lookups.append(Lookup(table: table, leaf: leaf))
  }

  mutating func end(state: PricingState) {
    guard !steps.isEmpty else { return }
    steps[steps.count - 1].priceAfter = state.price
    steps[steps.count - 1].schedulesAfter = state.schedules
  }

  mutating func finish(state: PricingState) {
    price = state.price
    schedules = state.schedules
  }
}

/// One (SKU, period) priced with its receipt.
public struct TracedPrice: Sendable {
  /// The rounded result, equal to the payload's entry for this SKU and period.
  public var priced: PricedPeriod
  public var trace: PricingTrace
}

extension Pricer {
  /// Prices SKU `sku` (an index into `expanded.skus`) in `period` with the very steps and
  /// rounding `price(_:into:)` uses, recording what each step did.
  public static func trace(
    product: Product, spec expanded: ExpandedSpec, sku: Int, period: Period?
  )
    -> TracedPrice
  {
    var pricer = SpecPricer(product: product, expanded: expanded)
    pricer.trace = PricingTrace()
    let facts = pricer.facts(ofSku: sku)
    let priced = pricer.price(
      selection: facts.selection, period: period, key: facts.key, ranges: facts.ranges)
    return TracedPrice(priced: priced, trace: pricer.trace ?? PricingTrace())
  }
}
