/// The price grid of one spec (see `ReportGrid` for its shapes). Every priced cell carries
/// `data-key` and `data-period`, and holds both amounts: `.pv` (price) and `.fv` (from), one
/// of which CSS hides, so switching needs no arithmetic in the browser.
struct ReportSpecTable {
  let product: Product
  let spec: PricedSpec
  let context: ReportContext
  let grid: ReportGrid
  let levels: ReportSpecLevels

  init(product: Product, spec: PricedSpec, context: ReportContext) {
    self.product = product
    self.spec = spec
    self.context = context
    grid = ReportGrid(spec)
    levels = ReportSpecLevels(spec)
  }

  private var resolved: ResolvedSpec { spec.resolved }
  private var periods: [Period?] { resolved.pricedPeriods }
  private var productID: String { product.id.value }
  private var specID: String { resolved.spec.id.value }

  func render(into html: inout HTMLBuilder) {
    html.element("div", [("class", "scroll")]) { html in
      html.element("table", [("class", "grid")]) { html in
        html.element("thead") { header(into: &$0) }
        html.element("tbody") { html in
          for row in grid.rows {
            html.newline()
            self.row(row, into: &html)
          }
        }
      }
    }
  }

  // MARK: header

  private func header(into html: inout HTMLBuilder) {
    let twoRows = grid.shape == .matrix && periods.count > 1
    html.element("tr") { html in
      let rowSpan = twoRows ? "2" : nil
      switch grid.shape {
      case .single:
        html.element("th", [("class", "corner"), ("scope", "col")], text: "SKU")
      case .list, .matrix:
        html.element("th", [("class", "corner"), ("scope", "col"), ("rowspan", rowSpan)]) {
          html in
          html.localized(resolved.enums[0].name, context)
          if grid.shape == .matrix {
            html.text(" \\ ")
            html.localized(resolved.enums[1].name, context)
          }
        }
      case .flat:
        for (index, attribute) in resolved.enums.enumerated() {
          html.element("th", [("class", index == 0 ? "corner" : "attr"), ("scope", "col")]) {
            $0.localized(attribute.name, context)
          }
        }
      }
      if grid.shape == .matrix {
        for value in resolved.values(1) {
          html.element(
            "th",
            [
              ("class", "group"), ("scope", "colgroup"),
              ("colspan", periods.count > 1 ? String(periods.count) : nil),
            ]
          ) { $0.localized(value.name, context) }
        }
      }
      // A matrix's periods go in a second row; with one period its value headers suffice.
      if grid.shape != .matrix { periodHeaders(into: &html) }
    }
    if twoRows {
      html.element("tr") { html in
        for _ in resolved.values(1) { periodHeaders(into: &html) }
      }
    }
  }

  private func periodHeaders(into html: inout HTMLBuilder) {
    for period in periods {
      html.element("th", [("class", "period"), ("scope", "col")]) { html in
        if let period {
          html.text(ReportLabels.period(period))
        } else if let unit = resolved.spec.usageUnit {
          html.text("Per ")
          html.localized(unit, context)
        } else {
          html.text(ReportLabels.billing(resolved.spec.billing.value, productType: product.type))
        }
      }
    }
  }

  // MARK: rows

  private func row(_ row: ReportGrid.Row, into html: inout HTMLBuilder) {
    let labelValues = row.label.enumerated().map { resolved.values($0.offset)[$0.element] }
    let search = ReportContext.searchText(labelValues.map(\.id.value), labelValues.map(\.name))
    html.element("tr", [("data-q", search)]) { html in
      if grid.shape == .single {
        html.element("th", [("class", "row"), ("scope", "row")]) {
          $0.localized(resolved.spec.name, context)
        }
      }
      for (index, value) in labelValues.enumerated() {
        if index == 0 {
          html.element("th", [("class", "row"), ("scope", "row")]) {
            $0.localized(value.name, context)
          }
        } else {
          html.element("td", [("class", "attr")]) { $0.localized(value.name, context) }
        }
      }
      for (column, slot) in row.slots.enumerated() {
        let columnSearch: String? =
          grid.shape == .matrix
          ? ReportContext.searchText(
            [resolved.values(1)[column].id.value], [resolved.values(1)[column].name]) : nil
        switch slot {
        case .sku(let index):
          for period in periods.indices {
            cell(index, period: period, search: columnSearch, into: &html)
          }
        case .removed(let selection, let rule):
          removedCells(selection, rule: rule, search: columnSearch, into: &html)
        }
      }
    }
  }

  private func cell(_ index: Int, period: Int, search: String?, into html: inout HTMLBuilder) {
    let sku = spec.skus[index]
    let priced = sku.prices[period]
    let added = context.comparison?.isAdded(product: productID, spec: specID, key: sku.key) ?? false
    var classes = ["c", "p\(levels.price[period][index])", "f\(levels.from[period][index])"]
    if period == 0 { classes.append("k") }
    if added { classes.append("added") }
    html.element(
      "td",
      [
        ("class", classes.joined(separator: " ")), ("data-key", sku.key),
        ("data-period", priced.period?.rawValue ?? ""), ("data-q", search),
        ("title", "\(sku.code) · \(sku.key)"),
      ]
    ) { html in
      // With quantities the two amounts differ, and each is shown small under the other.
      let both = !resolved.quantities.isEmpty
      amount(
        priced.price, field: .price, other: both ? "from " + formatted(priced.from) : nil,
        key: sku.key, period: priced.period, into: &html)
      amount(
        priced.from, field: .from, other: both ? "price " + formatted(priced.price) : nil,
        key: sku.key, period: priced.period, into: &html)
      if added { html.element("span", [("class", "badge new")], text: "new") }
    }
  }

  /// One amount with its change against OLD: `▲ +10.0%` and the old amount struck through.
  private func amount(
    _ value: ExactDecimal, field: DiffChange.PriceField, other: String?, key: String,
    period: Period?, into html: inout HTMLBuilder
  ) {
    let repricing = context.comparison?.repricing(key: key, period: period, field: field)
    let direction = repricing.map { $0.delta.isNegative ? "down" : "up" }
    let fieldClass = field == .price ? "pv" : "fv"
    html.element("span", [("class", direction.map { "\(fieldClass) \($0)" } ?? fieldClass)]) {
      html in
      html.element("span", [("class", "amt")], text: formatted(value))
      if let repricing, let direction {
        let percent = DiffWording.signedPercent(repricing) ?? "from 0"
        html.element("span", [("class", "delta")]) { html in
          html.element(
            "span", [("class", "chg \(direction)")],
            text: (direction == "up" ? "▲ " : "▼ ") + percent)
          html.raw(" ")
          html.element(
            "s", [("class", "was")],
            text: ReportNumbers.amount(repricing.old, places: repricing.places))
        }
      }
      if let other { html.element("span", [("class", "alt")], text: other) }
    }
  }

  private func formatted(_ value: ExactDecimal) -> String {
    ReportNumbers.amount(value, places: product.precision)
  }

  /// A selection a rule removed: one muted cell across the periods, or, when OLD sold it,
  /// its old amounts struck through (a delisted SKU).
  private func removedCells(
    _ selection: [Int], rule: Int, search: String?, into html: inout HTMLBuilder
  ) {
    let source = resolved.rules[rule].source
    var why = "Removed by rule \(ReportLabels.rule(source)) (\(ruleLocation(source)))"
    if let because = source.because { why += ": " + because }
    let key = SkuIdentity.key(product: productID, spec: resolved, selection: selection)
    guard let old = context.comparison?.delistedSku(product: productID, spec: specID, key: key)
    else {
      html.element(
        "td",
        [
          ("class", "x"), ("colspan", periods.count > 1 ? String(periods.count) : nil),
          ("data-q", search), ("title", why),
        ], text: "removed")
      return
    }
    let places = context.comparison?.old.products.first { $0.id == productID }?.precision ?? 0
    for period in periods {
      let price = old.prices.first { $0.period == period }
      html.element(
        "td",
        [
          ("class", "x delisted"), ("data-delisted", key), ("data-period", period?.rawValue ?? ""),
          ("data-q", search), ("title", why),
        ]
      ) { html in
        if let price {
          for (field, value) in [("pv", price.price), ("fv", price.from)] {
            html.element(
              "del", [("class", field)], text: ReportNumbers.amount(value, places: places))
          }
        }
        html.element("span", [("class", "badge gone")], text: "delisted")
      }
    }
  }

  func ruleLocation(_ rule: Rule) -> String {
    context.paths.display(rule.range.file) + ":" + String(rule.range.start.line)
  }
}
