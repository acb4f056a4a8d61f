extension SpecPricer {
  /// Rounds once (spec §8.4), computes `from`, and checks the results.
  mutating func finish(
    _ state: PricingState, period: Period?, key: String, ranges: [QuantityRange]
  ) -> PricedPeriod {
    let places = product.precision
    let mode = product.rounding
    let price = state.price.rounded(toPlaces: places, mode: mode)
    let schedules = state.schedules.map { schedule in
      Schedule(
        model: schedule.model,
        tiers: schedule.tiers.map {
          ScheduleTier(upto: $0.upto, unit: $0.unit.rounded(toPlaces: places, mode: mode))
        })
    }
    let from = PricedPeriod.total(
      price: price, schedules: schedules, quantities: ranges.map(\.min), places: places, mode: mode)
    guard recordsFindings else {
      return PricedPeriod(period: period, price: price, from: from, schedules: schedules)
    }
    let periodText = period.map { " (\($0.rawValue))" } ?? ""
    if price.isNegative {
      reportNegative(
        "the price of '\(key)'\(periodText) is \(price.formatted(places: places)), below zero",
        step: state.lastPriceStep)
    }
    for (quantity, schedule) in schedules.enumerated() {
      for tier in schedule.tiers where tier.unit.isNegative {
        reportNegative(
          "a unit price of '\(spec.quantities[quantity].attribute.id.value)' for '\(key)'\(periodText) is \(tier.unit.formatted(places: places)), below zero",
          step: state.lastScheduleStep[quantity])
        break
      }
      recordUnreachableTiers(
        schedule, source: state.scheduleSource[quantity], key: key, max: ranges[quantity].max)
    }
    if from.isZero && spec.quantities.isEmpty {
      reportFree("'\(key)'\(periodText) costs 0, and free listings are out of scope for skuc v1")
    }
    return PricedPeriod(period: period, price: price, from: from, schedules: schedules)
  }

  private mutating func reportNegative(_ message: String, step: Int?) {
    negativeReports += 1
    guard negativeReports <= Self.maximumReportsPerProblem else { return }
    diagnostics.error(
      .negativeAmount, message, at: step.map { spec.steps[$0].source.range } ?? spec.spec.range,
      hint: "prices and unit prices must be 0 or more after rounding")
  }

  private mutating func reportFree(_ message: String) {
    negativeReports += 1
    guard negativeReports <= Self.maximumReportsPerProblem else { return }
    diagnostics.error(
      .freeListing, message, at: spec.spec.range,
      hint: "give the SKU a price, or leave it out with a forbid rule")
  }

  /// Tier `i` starts right after tier `i - 1`'s `upto`; above the SKU's largest quantity it
  /// can never apply.
  private mutating func recordUnreachableTiers(
    _ schedule: Schedule, source: Int?, key: String, max: Int
  ) {
    guard let source else { return }
    for index in schedule.tiers.indices.dropFirst() {
      guard let previous = schedule.tiers[index - 1].upto, previous + 1 > max else { continue }
      let tierKey = TierKey(step: source, tier: index)
      if unreachableTiers[tierKey]?.contains(key) != true {
        unreachableTiers[tierKey, default: []].append(key)
      }
    }
  }

  mutating func reportAggregates() {
    for (step, miss) in misses.sorted(by: { $0.key < $1.key }) {
      diagnostics.error(
        .tableNoMatch,
        "no table entry matches \(miss.first)"
          + (miss.count > 1 ? " (and \(miss.count - 1) more)" : ""),
        at: miss.table,
        notes: [DiagnosticNote("in this pricing step", at: spec.steps[step].source.range)],
        hint: "add an entry for it, or a \"*\" entry as a fallback")
    }
    for (stepIndex, step) in spec.steps.enumerated() {
      for (tableIndex, table) in Self.tables(of: step.action).enumerated() {
        for (leafIndex, leaf) in table.leaves.enumerated()
        where !usedLeaves[stepIndex][tableIndex][leafIndex] {
          diagnostics.warning(
            .tableEntryUnused,
            "the table entry \(leaf.path.joined(separator: " → ")) is never used",
            at: leaf.range,
            hint: "no SKU and period reaches it; remove it or check its keys")
        }
      }
    }
    for (key, skus) in unreachableTiers.sorted(by: { $0.key < $1.key }) {
      guard case .tiers(_, let definitions) = spec.steps[key.step].source.action else { continue }
      let shown = skus.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
      let more = skus.count > 3 ? " and \(skus.count - 3) more" : ""
      diagnostics.warning(
        .tierNeverApplies,
        "this tier starts above the largest quantity of \(shown)\(more), so it never applies to them",
        at: definitions[key.tier].range,
        hint: "check the tier bounds against the quantity's max and limit rules")
    }
  }
}
