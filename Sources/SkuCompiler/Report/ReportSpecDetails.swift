/// The parts of a spec below its grid: quantity schedules as tier tables, removed selections
/// with their rules, checks, and with `--against` the delisted SKUs and other changes.
struct ReportSpecDetails {
  let product: Product
  let spec: PricedSpec
  let context: ReportContext

  private var resolved: ResolvedSpec { spec.resolved }

  func render(into html: inout HTMLBuilder, table: ReportSpecTable) {
    for (index, quantity) in resolved.quantities.enumerated() {
      schedules(index, quantity, into: &html)
    }
    removed(into: &html, table: table)
    if let comparison = context.comparison {
      delisted(comparison, into: &html)
      otherChanges(comparison, into: &html)
    }
    ReportChecks.render(spec, product: product, into: &html, context)
  }

  // MARK: quantity schedules

  /// (SKU, period) pairs that share one schedule.
  private struct ScheduleGroup {
    var schedule: Schedule
    var members: [(sku: Int, period: Int)]
  }

  /// One table per set of tier bounds (usually one per quantity): a column per tier, a row per
  /// distinct set of unit prices, labelled with the SKUs and periods that pay them.
  private func schedules(
    _ quantity: Int, _ dimension: QuantityDimension, into html: inout HTMLBuilder
  ) {
    var groups: [ScheduleGroup] = []
    var groupOf: [Schedule: Int] = [:]
    for (skuIndex, sku) in spec.skus.enumerated() {
      for (period, priced) in sku.prices.enumerated() {
        let schedule = priced.schedules[quantity]
        if let found = groupOf[schedule] {
          groups[found].members.append((skuIndex, period))
        } else {
          groupOf[schedule] = groups.count
          groups.append(ScheduleGroup(schedule: schedule, members: [(skuIndex, period)]))
        }
      }
    }
    var shapes: [[ScheduleGroup]] = []
    for group in groups {
      if let found = shapes.firstIndex(where: { sameShape($0[0].schedule, group.schedule) }) {
        shapes[found].append(group)
      } else {
        shapes.append([group])
      }
    }
    let range = dimension.range
    html.element("h4") { html in
      html.localized(dimension.attribute.name, context)
      if case .quantity(_, let unit) = dimension.attribute.kind {
        html.text(" — per ")
        html.localized(unit, context)
      }
      html.text(", \(range.min)–\(range.max)\(range.step > 1 ? " in steps of \(range.step)" : "")")
    }
    for shape in shapes {
      html.element("p", [("class", "muted")], text: ReportLabels.model(shape[0].schedule.model))
      html.element("div", [("class", "scroll")]) { html in
        html.element("table", [("class", "tiers")]) { html in
          html.element("thead") { html in
            html.element("tr") { html in
              html.element("th", [("scope", "col")], text: "Applies to")
              for label in tierLabels(shape[0].schedule, range: range) {
                html.element("th", [("scope", "col")], text: label)
              }
            }
          }
          html.element("tbody") { html in
            for group in shape {
              tierRow(group, quantity: dimension.attribute.id.value, into: &html)
            }
          }
        }
      }
    }
    limitedRanges(quantity, declared: range, into: &html)
  }

  private func sameShape(_ one: Schedule, _ other: Schedule) -> Bool {
    one.model == other.model && one.tiers.map(\.upto) == other.tiers.map(\.upto)
  }

  /// `5–20`, `21–40`, `41–500`: the quantities each tier prices, within the declared range.
  func tierLabels(_ schedule: Schedule, range: QuantityRange) -> [String] {
    var lower = max(range.min, 1)
    return schedule.tiers.map { tier in
      let upper = tier.upto ?? range.max
      defer { lower = upper + 1 }
      return lower >= upper ? (tier.upto == nil ? "\(lower)+" : "\(upper)") : "\(lower)–\(upper)"
    }
  }

  private func tierRow(_ group: ScheduleGroup, quantity: String, into html: inout HTMLBuilder) {
    html.element("tr") { html in
      html.element("th", [("scope", "row")]) { html in
        for (index, period) in resolved.pricedPeriods.enumerated() {
          let skus = group.members.filter { $0.period == index }.map(\.sku)
          guard !skus.isEmpty else { continue }
          html.element("span", [("class", "who")]) { html in
            if let period { html.element("b", text: ReportLabels.period(period) + " ") }
            if skus.count == spec.skus.count {
              html.text(spec.skus.count == 1 ? "the SKU" : "all SKUs")
              return
            }
            for (position, sku) in skus.enumerated() {
              if position > 0 { html.text("; ") }
              html.localized(SkuNaming.name(of: spec.skus[sku].selection, spec: resolved), context)
            }
          }
        }
      }
      for (position, tier) in group.schedule.tiers.enumerated() {
        let text = ReportNumbers.amount(tier.unit, places: product.precision)
        guard let repricing = unitRepricing(group, quantity: quantity, tier: position) else {
          html.element("td", [("class", "num")], text: text)
          continue
        }
        // The same amount change marks a tier cell as it marks a price cell (spec §15).
        let direction = repricing.delta.isNegative ? "down" : "up"
        html.element("td", [("class", "num \(direction)")]) { html in
          html.element("span", [("class", "amt")], text: text)
          html.element("span", [("class", "delta")]) { html in
            html.element(
              "span", [("class", "chg \(direction)")],
              text: (direction == "up" ? "▲ " : "▼ ")
                + (DiffWording.signedPercent(repricing) ?? "from 0"))
            html.raw(" ")
            html.element(
              "s", [("class", "was")],
              text: ReportNumbers.amount(repricing.old, places: repricing.places))
          }
        }
      }
    }
  }

  /// The first member's `unit` repricing of this tier: members share the new schedule, and
  /// the diff reports each of them.
  private func unitRepricing(
    _ group: ScheduleGroup, quantity: String, tier: Int
  )
    -> DiffChange.Repricing?
  {
    guard let comparison = context.comparison else { return nil }
    for member in group.members {
      let sku = spec.skus[member.sku]
      if let found = comparison.unitRepricing(
        key: sku.key, period: sku.prices[member.period].period, quantity: quantity, tier: tier)
      {
        return found
      }
    }
    return nil
  }

  /// SKUs whose range `limit` rules narrowed.
  private func limitedRanges(_ quantity: Int, declared: QuantityRange, into html: inout HTMLBuilder)
  {
    let limited = spec.skus.filter { $0.ranges[quantity] != declared }
    guard !limited.isEmpty else { return }
    html.element("ul", [("class", "limits")]) { html in
      for sku in limited {
        let range = sku.ranges[quantity]
        html.element("li") { html in
          html.localized(SkuNaming.name(of: sku.selection, spec: resolved), context)
          html.text(": limited to \(range.min)–\(range.max)")
        }
      }
    }
  }

  // MARK: removed selections

  private func removed(into html: inout HTMLBuilder, table: ReportSpecTable) {
    let removals = spec.expanded.removed
    guard !removals.isEmpty else { return }
    html.element("h4", text: "Removed by rules")
    html.element("ul", [("class", "removed")]) { html in
      for rule in Set(removals.map(\.rule)).sorted() {
        let source = resolved.rules[rule].source
        html.element("li") { html in
          html.element("code", text: ReportLabels.rule(source))
          html.raw(" ")
          html.element("span", [("class", "loc")], text: table.ruleLocation(source))
          if let because = source.because {
            html.raw(" ")
            html.element("q", text: because)
          }
          html.element("ul") { html in
            for removal in removals where removal.rule == rule {
              let selection = spec.expanded.selection(atMatrixPosition: removal.position)
              html.element("li") {
                $0.localized(SkuNaming.name(of: selection, spec: resolved), context)
              }
            }
          }
        }
      }
    }
  }

  // MARK: comparison

  private func delisted(_ comparison: ReportComparison, into html: inout HTMLBuilder) {
    let skus = comparison.delistedSkus(product: product.id.value, spec: resolved.spec.id.value)
    guard !skus.isEmpty else { return }
    let places = comparison.old.products.first { $0.id == product.id.value }?.precision ?? 0
    html.element("h4", text: "Delisted against \(comparison.label)")
    html.element("ul", [("class", "delisted-list")]) { html in
      for sku in skus {
        html.element("li", [("class", "delisted"), ("data-delisted", sku.key)]) { html in
          html.element("del") { $0.localized(sku.name, context) }
          html.raw(" ")
          html.element("code", text: sku.key)
          html.text(" — was ")
          html.text(
            sku.prices.map { price in
              let period = price.period.map { ReportLabels.period($0) + " " } ?? ""
              return period + ReportNumbers.amount(price.price, places: places)
            }.joined(separator: ", "))
        }
      }
    }
  }

  private func otherChanges(_ comparison: ReportComparison, into html: inout HTMLBuilder) {
    let changes = comparison.otherChanges(product: product.id.value, spec: resolved.spec.id.value)
    guard !changes.isEmpty else { return }
    html.element("h4", text: "Other changes against \(comparison.label)")
    html.element("ul", [("class", "changes")]) { html in
      for change in changes { html.element("li", text: DiffWording.sentence(change)) }
    }
  }
}
