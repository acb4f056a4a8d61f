/// `skuc report`: one self-contained HTML page for the people who approve prices.
///
/// The page has no external resources (inline CSS and JS, system fonts) and its bytes depend
/// only on the catalog (and OLD): no time, no absolute path, no random id, so it can be
/// committed, diffed and attached to a review as it is.
public enum ReportPage {
  /// - Parameters:
  ///   - root: PATH as given on the command line; file paths are shown relative to it.
  ///   - comparison: what `--against OLD` found, if given.
  public static func html(
    _ catalog: CheckedCatalog, root: String, comparison: ReportComparison?
  ) -> String {
    let paths = ReportPaths(root: root)
    let context = ReportContext(catalog: catalog, comparison: comparison, paths: paths)
    let products = CatalogLookup.sortedProducts(catalog)
    var html = HTMLBuilder()
    html.raw("<!DOCTYPE html>\n")
    html.element(
      "html", [("lang", "en"), ("class", "nojs"), ("data-lang", "0"), ("data-show", "price")]
    ) { html in
      html.newline()
      html.element("head") { html in
        html.void("meta", [("charset", "utf-8")])
        html.void(
          "meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        html.void("meta", [("name", "generator"), ("content", "skuc report")])
        let name = paths.catalogName
        html.element("title", text: "Pricing review" + (name.isEmpty ? "" : " · " + name))
        html.newline()
        html.element("style") { $0.raw(ReportStyle.css(localeCount: context.locales.count)) }
      }
      html.newline()
      html.element("body") { html in
        header(catalog, products: products, context, into: &html)
        if let comparison { ReportPageParts.diffSummary(comparison, into: &html, context) }
        ReportPageParts.contents(products, into: &html, context)
        html.newline()
        html.element("main") { html in
          for product in products {
            ReportPageParts.product(product, into: &html, context)
          }
          html.element(
            "p", [("id", "nothing"), ("class", "muted"), ("hidden", "")],
            text: "Nothing matches the filter.")
        }
        html.newline()
        ReportPageParts.footer(into: &html)
        html.newline()
        html.element("script") { $0.raw(ReportScript.javaScript) }
        html.newline()
      }
      html.newline()
    }
    html.newline()
    return html.html
  }

  /// The title, the catalog's numbers, and the controls.
  private static func header(
    _ catalog: CheckedCatalog, products: [PricedProduct], _ context: ReportContext,
    into html: inout HTMLBuilder
  ) {
    let specs = products.flatMap(\.specs)
    let skus = specs.reduce(0) { $0 + $1.skus.count }
    let prices = specs.reduce(0) { $0 + $1.skus.count * $1.resolved.pricedPeriods.count }
    let checks = specs.reduce(0) { $0 + $1.resolved.checks.count }
    let currencies = Set(products.map(\.product.currency)).sorted()
    html.element("header", [("class", "top")]) { html in
      html.element("div", [("class", "title")]) { html in
        html.element("h1") { html in
          html.text("Pricing review")
          if !context.paths.catalogName.isEmpty {
            html.raw(" ")
            html.element("span", [("class", "catalog")], text: context.paths.catalogName)
          }
        }
        html.element("dl", [("class", "stats")]) { html in
          for (term, value) in [
            ("Products", String(products.count)), ("Specs", String(specs.count)),
            ("SKUs", String(skus)), ("Prices", String(prices)),
            ("Currencies", currencies.joined(separator: " · ")),
            ("Checks", checks == 0 ? "none" : "\(checks) passed"),
          ] {
            html.element("div") { html in
              html.element("dt", text: term)
              html.element("dd", text: value)
            }
          }
        }
      }
      controls(context, into: &html)
    }
  }

  private static func controls(_ context: ReportContext, into html: inout HTMLBuilder) {
    html.element("div", [("class", "controls")]) { html in
      html.element("label", [("class", "filter")]) { html in
        html.element("span", text: "Filter")
        html.void(
          "input",
          [
            ("id", "filter"), ("type", "search"), ("autocomplete", "off"),
            ("placeholder", "product, spec or value"),
          ])
      }
      html.element("div", [("class", "switch"), ("role", "group"), ("aria-label", "Amount")]) {
        html in
        for (mode, label) in [("price", "Price"), ("from", "From 起价")] {
          html.element(
            "button",
            [
              ("type", "button"), ("data-set-show", mode),
              ("aria-pressed", mode == "price" ? "true" : "false"),
            ], text: label)
        }
      }
      if context.locales.count > 1 {
        html.element("div", [("class", "switch"), ("role", "group"), ("aria-label", "Language")]) {
          html in
          for (index, locale) in context.locales.enumerated() {
            html.element(
              "button",
              [
                ("type", "button"), ("data-set-lang", String(index)), ("data-tag", locale),
                ("lang", locale), ("aria-pressed", index == 0 ? "true" : "false"),
              ], text: ReportLabels.locale(locale))
          }
        }
      }
      html.element("output", [("id", "count"), ("aria-live", "polite")], text: "")
    }
    html.element("div", [("class", "legend")]) { html in
      html.element("span", text: "Lower")
      html.element("span", [("class", "scale"), ("aria-hidden", "true")]) { html in
        for level in 0..<ReportNumbers.levelCount {
          html.element("span", [("class", "s\(level)")], text: "")
        }
      }
      html.element("span", text: "Higher — within each spec and period")
    }
  }
}
