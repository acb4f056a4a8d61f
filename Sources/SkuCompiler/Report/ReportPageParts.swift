/// The page's sections around the specs: the diff summary, the table of contents, each
/// product's header, and the footer.
enum ReportPageParts {
  /// `--against`: the diff's summary line, what changed above the SKUs, and a legend.
  static func diffSummary(
    _ comparison: ReportComparison, into html: inout HTMLBuilder, _ context: ReportContext
  ) {
    html.newline()
    html.element("section", [("class", "diff"), ("id", "changes")]) { html in
      html.element("h2") { html in
        html.text("Changes against ")
        html.element("code", text: comparison.label)
      }
      html.element("p", [("class", "summary-line")], text: DiffSummaryLine.text(comparison.result))
      let upper = comparison.result.changes.filter { $0.key == nil }
      if !upper.isEmpty {
        html.element("ul", [("class", "changes")]) { html in
          for change in upper {
            let gone = change.kind == .productRemoved || change.kind == .specRemoved
            html.element("li", [("class", gone ? "delisted" : nil)]) { html in
              if gone {
                html.element("del", text: DiffWording.sentence(change))
              } else {
                html.text(DiffWording.sentence(change))
              }
            }
          }
        }
      }
      html.element("p", [("class", "legend-diff")]) { html in
        html.element("span", [("class", "chg up")], text: "▲ price rose")
        html.element("span", [("class", "chg down")], text: "▼ price fell")
        html.element("span", [("class", "badge new")], text: "new")
        html.element("span", [("class", "badge gone")], text: "delisted")
        html.text(" Old amounts are struck through.")
      }
    }
  }

  static func contents(
    _ products: [PricedProduct], into html: inout HTMLBuilder, _ context: ReportContext
  ) {
    html.newline()
    html.element("nav", [("class", "toc"), ("aria-label", "Products")]) { html in
      html.element("ul") { html in
        for product in products {
          let id = product.product.id.value
          html.element("li", [("data-for", "p-\(id)")]) { html in
            html.element("a", [("href", "#p-\(id)")]) {
              $0.localized(product.product.name, context)
            }
            html.element("small", text: counted(product.specs.count, "spec"))
          }
        }
      }
    }
  }

  static func product(
    _ priced: PricedProduct, into html: inout HTMLBuilder, _ context: ReportContext
  ) {
    let product = priced.product
    let id = product.id.value
    html.newline()
    html.element(
      "section",
      [
        ("class", "product"), ("id", "p-\(id)"),
        ("data-q", ReportContext.searchText([id, product.type.rawValue], [product.name])),
      ]
    ) { html in
      html.element("h2") { html in
        html.localized(product.name, context)
        html.raw(" ")
        html.element("code", text: id)
        if context.comparison?.isAdded(product: id) ?? false {
          html.raw(" ")
          html.element("span", [("class", "badge new")], text: "new product")
        }
      }
      let rounding =
        "\(counted(product.precision, "decimal")), \(product.rounding.rawValue)"
      html.element(
        "p", [("class", "meta")],
        text: [
          product.type.rawValue, product.currency, rounding,
          product.locales.joined(separator: ", "),
          context.paths.display(product.file),
        ].joined(separator: " · "))
      for spec in priced.specs {
        ReportSpecSection(product: product, spec: spec, context: context).render(into: &html)
      }
      if let comparison = context.comparison {
        let gone = comparison.delistedSpecs(product: id)
        if !gone.isEmpty {
          html.element("ul", [("class", "delisted-list")]) { html in
            for spec in gone {
              html.element("li", [("class", "delisted")]) { html in
                html.element("del") { $0.localized(spec.name, context) }
                html.raw(" ")
                html.element("code", text: spec.id)
                html.text(" — spec delisted with \(counted(spec.skus.count, "SKU"))")
              }
            }
          }
        }
      }
    }
  }

  static func footer(into html: inout HTMLBuilder) {
    html.element("footer") { html in
      html.text(
        "Written by skuc report from the catalog's compiled prices: every amount is the one the "
          + "publishing payload carries. Colours compare prices within one spec and period. "
          + "Filter with words that must all appear (product, spec or value, any language); "
          + "the filter, language and amount are kept in the address (#q=…&lang=…&show=from).")
    }
  }
}
