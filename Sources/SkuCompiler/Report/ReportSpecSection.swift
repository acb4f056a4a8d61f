/// One spec: its billing facts, the price grid, then quantity schedules, removed selections,
/// checks and (with `--against`) what changed that no cell shows.
struct ReportSpecSection {
  let product: Product
  let spec: PricedSpec
  let context: ReportContext

  private var resolved: ResolvedSpec { spec.resolved }
  private var productID: String { product.id.value }
  private var specID: String { resolved.spec.id.value }

  func render(into html: inout HTMLBuilder) {
    let search = ReportContext.searchText(
      [specID, resolved.spec.billing.value.rawValue], [resolved.spec.name])
    html.newline()
    html.element(
      "section", [("class", "spec"), ("id", "s-\(productID)-\(specID)"), ("data-q", search)]
    ) { html in
      html.element("h3") { html in
        html.localized(resolved.spec.name, context)
        html.raw(" ")
        html.element("code", text: specID)
        if context.comparison?.isAdded(product: productID, spec: specID) ?? false {
          html.raw(" ")
          html.element("span", [("class", "badge new")], text: "new spec")
        }
      }
      facts(into: &html)
      // The grid and the details side by side where the page is wide enough.
      html.element("div", [("class", "body")]) { html in
        let table = ReportSpecTable(product: product, spec: spec, context: context)
        html.element("div", [("class", "matrix")]) { html in
          table.render(into: &html)
          note(into: &html)
        }
        html.element("div", [("class", "details")]) { html in
          let details = ReportSpecDetails(product: product, spec: spec, context: context)
          details.render(into: &html, table: table)
        }
      }
    }
  }

  private func facts(into html: inout HTMLBuilder) {
    html.element("ul", [("class", "facts")]) { html in
      fact("Billing", into: &html) {
        $0.text(
          "\(ReportLabels.billing(resolved.spec.billing.value, productType: product.type)) · \(resolved.spec.billing.value.chargingMode)"
        )
      }
      if let periods = resolved.spec.periods {
        fact("Periods", into: &html) {
          $0.text(periods.map(ReportLabels.period).joined(separator: ", "))
        }
      }
      if let trial = resolved.spec.trialDays {
        fact("Trial", into: &html) { $0.text(counted(trial.value, "day")) }
      }
      if let unit = resolved.spec.usageUnit {
        fact("Usage unit", into: &html) { $0.localized(unit, context) }
      }
      fact("SKUs", into: &html) { html in
        html.text(String(spec.skus.count))
        let removed = spec.expanded.removed.count
        if removed > 0 { html.text(" (\(removed) removed by rules)") }
      }
      fact("Currency", into: &html) { $0.text(product.currency) }
      if !resolved.quantities.isEmpty {
        fact("Quantities", into: &html) { html in
          for (index, quantity) in resolved.quantities.enumerated() {
            if index > 0 { html.text(", ") }
            html.localized(quantity.attribute.name, context)
          }
        }
      }
    }
  }

  private func fact(
    _ name: String, into html: inout HTMLBuilder, _ body: (inout HTMLBuilder) -> Void
  ) {
    html.element("li") { html in
      html.element("b", text: name)
      html.raw(" ")
      body(&html)
    }
  }

  /// What the amounts are: price alone leaves out the quantities, from adds their minimums.
  private func note(into html: inout HTMLBuilder) {
    html.element("p", [("class", "note")]) { html in
      html.element("span", [("class", "pv")]) { html in
        html.text("Price per period in \(product.currency)")
        guard !resolved.quantities.isEmpty else { return }
        html.text(", without ")
        quantityList(into: &html)
        html.text("; switch to From 起价 for the price at the minimum quantity.")
      }
      html.element("span", [("class", "fv")]) { html in
        html.text("From 起价 in \(product.currency): the price")
        guard !resolved.quantities.isEmpty else { return }
        html.text(" plus ")
        quantityList(into: &html)
        html.text(" at the SKU's minimum.")
      }
    }
  }

  private func quantityList(into html: inout HTMLBuilder) {
    for (index, quantity) in resolved.quantities.enumerated() {
      if index > 0 { html.text(" and ") }
      html.localized(quantity.attribute.name, context)
    }
  }
}
