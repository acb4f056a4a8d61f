/// The pricing checks of a spec as sentences a reviewer can verify, each with what the
/// prices actually are. A report is written only for a catalog without errors, so every check
/// passed; the page says what each one guarantees.
enum ReportChecks {
  static func render(
    _ spec: PricedSpec, product: Product, into html: inout HTMLBuilder, _ context: ReportContext
  ) {
    html.element("h4", text: "Checks")
    let checks = spec.resolved.checks
    guard !checks.isEmpty else {
      html.element("p", [("class", "muted")], text: "No pricing checks are declared for this spec.")
      return
    }
    html.element("ul", [("class", "checks")]) { html in
      for check in checks {
        html.element("li") { html in
          html.element("span", [("class", "pass")], text: "✓ passed")
          html.raw(" ")
          assertion(check, spec: spec, product: product, into: &html, context)
          if let when = check.source.when {
            html.text(" Only where \(ReportLabels.selector(when)).")
          }
          if let observed = observed(check, spec: spec, product: product) {
            html.raw(" ")
            html.element("span", [("class", "observed")], text: observed)
          }
          html.raw(" ")
          html.element(
            "span", [("class", "loc")],
            text: context.paths.display(check.source.range.file) + ":"
              + String(check.source.range.start.line))
        }
      }
    }
  }

  private static func assertion(
    _ check: ResolvedCheck, spec: PricedSpec, product: Product, into html: inout HTMLBuilder,
    _ context: ReportContext
  ) {
    switch check.kind {
    case .monotonic(let attribute):
      let enumeration = spec.resolved.enums[attribute]
      html.element("b", text: "monotonic")
      html.text(" — from never decreases along ")
      html.localized(enumeration.name, context)
      html.text(" (")
      for (index, value) in spec.resolved.values(attribute).enumerated() {
        if index > 0 { html.text(" → ") }
        html.localized(value.name, context)
      }
      html.text("), between SKUs equal in everything else, in the same period.")
    case .ratio(let dimension, let numerator, let denominator, let min, let max):
      html.element("b", text: "ratio")
      html.text(" — from ")
      valueName(dimension, numerator, spec: spec, into: &html, context)
      html.text(" ÷ from ")
      valueName(dimension, denominator, spec: spec, into: &html, context)
      html.text(" is \(range(min, max)), for each pair differing only in ")
      switch dimension {
      case .period: html.text("period")
      case .attribute(let position): html.localized(spec.resolved.enums[position].name, context)
      }
      html.text(".")
    case .bounds(let min, let max):
      // Bounds are money: shown like the prices they bound, with at least `precision` places.
      let money = { (value: ExactDecimal) in
        ReportNumbers.amount(value, places: Swift.max(product.precision, value.fractionDigitCount))
      }
      html.element("b", text: "bounds")
      html.text(" — every from price is \(range(min, max, money)).")
    }
  }

  private static func valueName(
    _ dimension: Dimension, _ position: Int, spec: PricedSpec, into html: inout HTMLBuilder,
    _ context: ReportContext
  ) {
    switch dimension {
    case .period:
      html.text(Period.allCases[position].rawValue)
    case .attribute(let attribute):
      html.localized(spec.resolved.values(attribute)[position].name, context)
    }
  }

  /// `between 10 and 12`, `at least 0.01`, `at most 999999.99`.
  static func range(
    _ min: ExactDecimal?, _ max: ExactDecimal?,
    _ format: (ExactDecimal) -> String = { $0.description }
  ) -> String {
    switch (min, max) {
    case (let low?, let high?): "between \(format(low)) and \(format(high))"
    case (let low?, nil): "at least \(format(low))"
    case (nil, let high?): "at most \(format(high))"
    case (nil, nil): "unbounded"
    }
  }

  /// What the prices actually do: the range of ratios or of from prices the check looked at.
  static func observed(_ check: ResolvedCheck, spec: PricedSpec, product: Product) -> String? {
    let places = product.precision
    switch check.kind {
    case .monotonic:
      return nil
    case .ratio(let dimension, let numerator, let denominator, _, _):
      let ratios = ratioPairs(spec, check, dimension, numerator, denominator).compactMap {
        ExactDecimal.quotient($0.top, $0.bottom, places: 2, mode: .halfUp)
      }
      return span(ratios.min(), ratios.max(), count: ratios.count, noun: "pair") {
        $0.formatted(places: 2)
      }
    case .bounds:
      let periods = spec.resolved.pricedPeriods
      var froms: [ExactDecimal] = []
      for sku in spec.skus {
        for (index, period) in periods.enumerated()
        where check.when?.matches(sku.selection, period: period) ?? true {
          froms.append(sku.prices[index].from)
        }
      }
      return span(froms.min(), froms.max(), count: froms.count, noun: "price") {
        ReportNumbers.amount($0, places: places)
      }
    }
  }

  private static func span(
    _ low: ExactDecimal?, _ high: ExactDecimal?, count: Int, noun: String,
    _ format: (ExactDecimal) -> String
  ) -> String? {
    guard let low, let high else { return nil }
    let values = low == high ? format(low) : "\(format(low)) – \(format(high))"
    return "Actual: \(values) over \(counted(count, noun))."
  }

  /// The (numerator, denominator) from prices the check compares, as `PricingChecks` pairs
  /// them: the two periods of one SKU, or two SKUs differing only in the attribute.
  private static func ratioPairs(
    _ spec: PricedSpec, _ check: ResolvedCheck, _ dimension: Dimension, _ numerator: Int,
    _ denominator: Int
  ) -> [(top: ExactDecimal, bottom: ExactDecimal)] {
    let periods = spec.resolved.pricedPeriods
    var pairs: [(top: (sku: PricedSku, period: Int), bottom: (sku: PricedSku, period: Int))] = []
    switch dimension {
    case .period:
      guard let top = periods.firstIndex(where: { $0?.index == numerator }),
        let bottom = periods.firstIndex(where: { $0?.index == denominator })
      else { return [] }
      pairs = spec.skus.map { (($0, top), ($0, bottom)) }
    case .attribute(let attribute):
      let bySelection = Dictionary(
        spec.skus.map { ($0.selection, $0) }, uniquingKeysWith: { first, _ in first })
      for sku in spec.skus where sku.selection[attribute] == numerator {
        var partner = sku.selection
        partner[attribute] = denominator
        guard let other = bySelection[partner] else { continue }
        pairs += periods.indices.map { ((sku, $0), (other, $0)) }
      }
    }
    return pairs.compactMap { pair in
      let applies =
        check.when.map {
          $0.matches(pair.top.sku.selection, period: periods[pair.top.period])
            && $0.matches(pair.bottom.sku.selection, period: periods[pair.bottom.period])
        } ?? true
      guard applies else { return nil }
      return (
        pair.top.sku.prices[pair.top.period].from, pair.bottom.sku.prices[pair.bottom.period].from
      )
    }
  }
}
