/// `skuc quote`'s text receipt: the configuration, each step with its location and effect, the
/// rounding, each quantity's cost by tier, and the total.
enum QuoteReceipt {
  static func text(_ quote: Quote) -> String {
    [header(quote), steps(quote), rounding(quote), quantities(quote), total(quote)]
      .filter { !$0.isEmpty }.joined(separator: "\n")
  }

  private static func header(_ quote: Quote) -> String {
    let period = quote.period.map { ", \($0.rawValue)" } ?? ""
    var table = TextTable([.left, .left])
    table.indent = "  "
    table.append(["key", quote.sku.key])
    table.append(["code", quote.sku.code])
    table.append([
      "name",
      MatrixData.name(of: quote.sku.selection, spec: quote.resolved, product: quote.product),
    ])
    table.append(["billing", billing(quote)])
    return "\(quote.product.id.value) / \(quote.resolved.spec.id.value)\(period)\n" + table.render()
  }

  private static func billing(_ quote: Quote) -> String {
    let billing = quote.resolved.spec.billing.value
    let listed =
      quote.resolved.spec.periods.map { " (sold by \($0.map(\.rawValue).joined(separator: ", ")))" }
      ?? ""
    let unit =
      MatrixData.usageUnit(quote.resolved.spec, product: quote.product).map { " per \($0)" } ?? ""
    return "\(billing.rawValue)\(listed)\(unit), \(quote.product.currency)"
  }

  private static func steps(_ quote: Quote) -> String {
    guard !quote.traced.trace.steps.isEmpty else {
      return "Steps\n  (the spec has no pricing steps)\n"
    }
    var output = "Steps\n"
    for traced in quote.traced.trace.steps {
      let step = quote.resolved.steps[traced.index].source
      output += "  \(traced.index + 1). \(StepText.location(step))  \(StepText.action(step))\n"
      let detail = "     "
      if let when = step.when {
        let selection = quote.sku.selection
        if traced.applied {
          output += detail + "when \(StepText.selector(when)): matched\n"
        } else {
          let actual = StepText.actual(
            when, spec: quote.resolved, selection: selection, period: quote.period)
          output += detail + "when \(StepText.selector(when)): not matched (\(actual)), skipped\n"
          continue
        }
      }
      for line in effects(traced, step: step, quote: quote) { output += detail + line + "\n" }
    }
    return output
  }

  /// The lookups a step made and what it changed.
  private static func effects(
    _ traced: PricingTrace.Step, step: PricingStep, quote: Quote
  ) -> [String] {
    var lines: [String] = []
    let tiers = StepText.tierOfLookup(step)
    for (index, lookup) in traced.lookups.enumerated() {
      let path = StepText.path(
        lookup, spec: quote.resolved, selection: quote.sku.selection, period: quote.period)
      let label = index < tiers.count ? "tier \(tiers[index] + 1) unit: " : ""
      lines.append("\(label)lookup \(path): \(lookup.value)")
    }
    if traced.priceBefore != traced.priceAfter {
      lines.append("price \(traced.priceBefore) → \(traced.priceAfter)")
    }
    for (index, quantity) in quote.resolved.quantities.enumerated() {
      let before = traced.schedulesBefore[index]
      let after = traced.schedulesAfter[index]
      guard before != after else { continue }
      // Schedules are long: before and after go on lines of their own, one under the other.
      let id = quantity.attribute.id.value
      lines.append("\(id)  \(StepText.schedule(before, places: nil))")
      lines.append(
        String(repeating: " ", count: TextTable.width(id))
          + "→ \(StepText.schedule(after, places: nil))")
    }
    if lines.isEmpty { lines.append("no change") }
    return lines
  }

  private static func rounding(_ quote: Quote) -> String {
    let trace = quote.traced.trace
    let priced = quote.traced.priced
    var table = TextTable([.left, .left])
    table.indent = "  "
    table.append(["price", "\(trace.price) → \(priced.price.formatted(places: quote.places))"])
    for (index, quantity) in quote.resolved.quantities.enumerated() {
      let before = trace.schedules[index].tiers.map(\.unit.description).joined(separator: ", ")
      let after = priced.schedules[index].tiers.map { $0.unit.formatted(places: quote.places) }
        .joined(separator: ", ")
      table.append(["\(quantity.attribute.id.value) units", "\(before) → \(after)"])
    }
    let places = quote.places == 1 ? "1 decimal" : "\(quote.places) decimals"
    return "Rounding: \(quote.product.rounding.rawValue) to \(places)\n" + table.render()
  }

  private static func quantities(_ quote: Quote) -> String {
    guard !quote.resolved.quantities.isEmpty else { return "" }
    var output = "Quantities\n"
    for (index, quantity) in quote.resolved.quantities.enumerated() {
      let id = quantity.attribute.id.value
      let schedule = quote.traced.priced.schedules[index]
      let range = quote.sku.ranges[index]
      let step = range.step == 1 ? "" : " step \(range.step)"
      let origin = quote.given[index] ? "" : "the minimum; "
      output +=
        "  \(id) \(quote.quantities[index]) (\(origin)\(schedule.model.rawValue); range \(range.min)–\(range.max)\(step))\n"
      var table = TextTable([.left, .right, .left, .left, .left, .right])
      table.indent = "    "
      table.gap = " "
      var covered = 0
      for part in schedule.costByTier(of: quote.quantities[index]) {
        let unit = schedule.tiers[part.tier].unit.formatted(places: quote.places)
        let label: String
        switch schedule.model {
        case .graduated:
          label = part.units == 1 ? "\(covered + 1)" : "\(covered + 1)–\(covered + part.units)"
        case .volume: label = StepText.tierRange(schedule.tiers, part.tier)
        case .linear: label = "all"
        }
        covered += part.units
        table.append([
          label + " ", "\(part.units)", "×", unit, "=", part.cost.formatted(places: quote.places),
        ])
      }
      table.append([
        "cost", "", "", "", "", quote.cost(ofQuantity: index).formatted(places: quote.places),
      ])
      output += table.render()
    }
    return output
  }

  private static func total(_ quote: Quote) -> String {
    var table = TextTable([.left, .right])
    table.indent = "  "
    table.append(["price", quote.traced.priced.price.formatted(places: quote.places)])
    for (index, quantity) in quote.resolved.quantities.enumerated() {
      table.append([
        "\(quantity.attribute.id.value) × \(quote.quantities[index])",
        quote.cost(ofQuantity: index).formatted(places: quote.places),
      ])
    }
    table.append(["total", quote.total.formatted(places: quote.places)])
    return "Total (\(quote.product.currency))\n" + table.render()
  }
}
