/// Prices one spec and gathers what its steps did across all SKUs: table entries used,
/// lookups that failed, tiers that can never apply.
struct SpecPricer {
  let product: Product
  let expanded: ExpandedSpec
  var diagnostics = DiagnosticCollector()
  /// `usedLeaves[step][table]` marks the leaves looked up at least once.
  var usedLeaves: [[[Bool]]]
  /// Per step: how many (SKU, period)s found no table entry, the first of them, and the table
  /// it missed in (the place to add the entry).
  var misses: [Int: (count: Int, first: String, table: SourceRange)] = [:]
  var oversized: Set<Int> = []
  var unreachableTiers: [TierKey: [String]] = [:]
  var negativeReports = 0
  /// Set only by `Pricer.trace` to price one (SKU, period) for a receipt.
  var trace: PricingTrace?
  /// Results shared between SKUs that price alike; nil when sharing cannot be exact.
  var memo: PricingMemo?

  struct TierKey: Hashable, Comparable {
    var step: Int
    var tier: Int

    static func < (lhs: TierKey, rhs: TierKey) -> Bool {
      (lhs.step, lhs.tier) < (rhs.step, rhs.tier)
    }
  }

  static let maximumReportsPerProblem = 10

  var spec: ResolvedSpec { expanded.resolved }

  /// Whether table use, misses and other findings are recorded. The first pricing of a spec
  /// records them to report warnings and errors; pricing again for output does not.
  let recordsFindings: Bool

  init(
    product: Product, expanded: ExpandedSpec, recordsFindings: Bool = true, memoizes: Bool = true
  ) {
    self.product = product
    self.expanded = expanded
    self.recordsFindings = recordsFindings
    usedLeaves =
      recordsFindings
      ? expanded.resolved.steps.map { step in
        Self.tables(of: step.action).map { Array(repeating: false, count: $0.leaves.count) }
      } : []
    memo = memoizes ? PricingMemo(expanded: expanded) : nil
  }

  /// The tables of a step in a fixed order: the amount's, or each tier unit's.
  static func tables(of action: ResolvedAction) -> [ResolvedTable] {
    func table(_ amount: ResolvedAmount) -> ResolvedTable? {
      if case .table(let table) = amount { return table }
      return nil
    }
    switch action {
    case .add(let amount), .multiply(let amount), .addPerUnit(_, let amount),
      .multiplyPerUnit(_, let amount):
      return table(amount).map { [$0] } ?? []
    case .replaceSchedule(_, _, let tiers):
      return tiers.compactMap { table($0.unit) }
    }
  }

  /// Prices every SKU once, keeping each `from` and code, and reports what the steps did.
  mutating func priceAll() -> PricedSpec {
    let periodCount = spec.pricedPeriods.count
    var froms: [ExactDecimal] = []
    froms.reserveCapacity(expanded.skus.count * periodCount)
    var keys = SkuKeyBuilder(product: product.id.value, spec: spec)
    var selection = Array(repeating: 0, count: expanded.radices.count)
    let declared = expanded.limitedRanges.isEmpty ? spec.quantities.map(\.range) : nil
    for index in expanded.skus.indices {
      expanded.decode(sku: index, into: &selection)
      let ranges = declared ?? ranges(ofSku: index)
      for period in 0..<periodCount {
        froms.append(
          price(selection: selection, periodIndex: period, keys: &keys, ranges: ranges).from)
      }
    }
    reportAggregates()
    return PricedSpec(
      product: product, expanded: expanded, froms: froms,
      codes: SkuCodes.codes(of: expanded, product: product.id.value))
  }

  /// One SKU priced in full, every period; `keys` is the caller's reused key buffer.
  mutating func pricedSku(at index: Int, keys: inout SkuKeyBuilder) -> PricedSku {
    let selection = expanded.selection(ofSku: index)
    keys.build(selection)
    let ranges = ranges(ofSku: index)
    let prices = spec.pricedPeriods.indices.map { period in
      price(selection: selection, periodIndex: period, keys: &keys, ranges: ranges)
    }
    keys.build(selection)
    return PricedSku(
      index: index, selection: selection, key: keys.key,
      code: SkuIdentity.code(value: keys.codeValue), ranges: ranges, prices: prices)
  }

  func ranges(ofSku index: Int) -> [QuantityRange] {
    spec.quantities.indices.map { expanded.range(ofSku: index, quantity: $0) }
  }

  /// What pricing a SKU needs besides the steps: its values, key and limited ranges.
  func facts(ofSku index: Int) -> (selection: [Int], key: String, ranges: [QuantityRange]) {
    let selection = expanded.selection(ofSku: index)
    let key = SkuIdentity.key(product: product.id.value, spec: spec, selection: selection)
    let ranges = spec.quantities.indices.map { expanded.range(ofSku: index, quantity: $0) }
    return (selection, key, ranges)
  }

  // MARK: One (SKU, period)

  /// Runs the steps for one (SKU, period). With `trace` set, every step is also recorded;
  /// the numbers are the same either way, since recording only reads the state.
  mutating func price(
    selection: [Int], period: Period?, key: String, ranges: [QuantityRange]
  ) -> PricedPeriod {
    var state = PricingState(
      schedules: Array(repeating: .untouched, count: spec.quantities.count),
      lastScheduleStep: Array(repeating: nil, count: spec.quantities.count),
      scheduleSource: Array(repeating: nil, count: spec.quantities.count))
    for (index, step) in spec.steps.enumerated() {
      let applies = step.when?.matches(selection, period: period) ?? true
      trace?.begin(step: index, applied: applies, state: state)
      guard applies else { continue }
      apply(step.action, stepIndex: index, selection: selection, period: period, to: &state)
      trace?.end(state: state)
    }
    trace?.finish(state: state)
    return finish(state, period: period, key: key, ranges: ranges)
  }

  private mutating func apply(
    _ action: ResolvedAction, stepIndex: Int, selection: [Int], period: Period?,
    to state: inout PricingState
  ) {
    var tableIndex = 0
    func evaluate(_ amount: ResolvedAmount, _ pricer: inout SpecPricer) -> ExactDecimal? {
      switch amount {
      case .literal(let value):
        return value
      case .table(let table):
        defer { tableIndex += 1 }
        guard let leaf = table.lookup(selection, period: period) else {
          pricer.recordMiss(
            step: stepIndex, table: table.source.range, selection: selection, period: period)
          return nil
        }
        if pricer.recordsFindings { pricer.usedLeaves[stepIndex][tableIndex][leaf] = true }
        pricer.trace?.lookedUp(table, leaf: leaf)
        return table.leaves[leaf].value
      }
    }
    switch action {
    case .add(let amount):
      guard let value = evaluate(amount, &self) else { return }
      state.price += value
      state.lastPriceStep = stepIndex
    case .multiply(let amount):
      guard let factor = evaluate(amount, &self) else { return }
      state.price *= factor
      state.lastPriceStep = stepIndex
      for quantity in state.schedules.indices {
        multiplyUnits(of: quantity, by: factor, &state, stepIndex)
      }
    case .addPerUnit(let quantity, let amount):
      guard let value = evaluate(amount, &self) else { return }
      for tier in state.schedules[quantity].tiers.indices {
        state.schedules[quantity].tiers[tier].unit += value
      }
      state.lastScheduleStep[quantity] = stepIndex
    case .multiplyPerUnit(let quantity, let amount):
      guard let factor = evaluate(amount, &self) else { return }
      multiplyUnits(of: quantity, by: factor, &state, stepIndex)
    case .replaceSchedule(let quantity, let model, let tiers):
      var replaced: [ScheduleTier] = []
      for tier in tiers {
        guard let unit = evaluate(tier.unit, &self) else { return }
        replaced.append(ScheduleTier(upto: tier.upto, unit: unit))
      }
      state.schedules[quantity] = Schedule(model: model, tiers: replaced)
      state.lastScheduleStep[quantity] = stepIndex
      state.scheduleSource[quantity] = stepIndex
    }
    checkWidth(state, stepIndex: stepIndex)
  }

  private func multiplyUnits(
    of quantity: Int, by factor: ExactDecimal, _ state: inout PricingState, _ stepIndex: Int
  ) {
    for tier in state.schedules[quantity].tiers.indices {
      state.schedules[quantity].tiers[tier].unit *= factor
    }
    state.lastScheduleStep[quantity] = stepIndex
  }

  private mutating func checkWidth(_ state: PricingState, stepIndex: Int) {
    guard recordsFindings else { return }
    func tooWide(_ value: ExactDecimal) -> Bool {
      Swift.max(value.significantDigitCount, value.fractionDigitCount) > Pricer.maximumDigits
    }
    let wide =
      tooWide(state.price) || state.schedules.contains { $0.tiers.contains { tooWide($0.unit) } }
    if wide && !oversized.contains(stepIndex) {
      oversized.insert(stepIndex)
      diagnostics.error(
        .exactRangeExceeded,
        "this step makes an amount wider than the \(Pricer.maximumDigits) digits skuc computes exactly",
        at: spec.steps[stepIndex].source.range,
        hint: "skuc never rounds early; reduce the chain of factors")
    }
  }

  private mutating func recordMiss(
    step: Int, table: SourceRange, selection: [Int], period: Period?
  ) {
    guard recordsFindings else { return }
    if let existing = misses[step] {
      misses[step] = (existing.count + 1, existing.first, existing.table)
    } else {
      misses[step] = (1, describe(selection, period), table)
    }
  }

  func describe(_ selection: [Int], _ period: Period?) -> String {
    let base = SelectionText.describe(selection, spec: spec)
    return period.map { "\(base), period=\($0.rawValue)" } ?? base
  }
}
