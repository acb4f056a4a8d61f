import Testing

@testable import SkuCompiler

@Suite struct ReportGridTests {
  let attributes = """
      a: {type: enum, name: A, values: {a1: A1, a2: A2}}
      b: {type: enum, name: B, values: {b1: B1, b2: B2, b3: B3}}
      c: {type: enum, name: C, values: {c1: C1, c2: C2}}
      n: {type: quantity, name: N, min: 1, max: 10}
    """

  func spec(_ attributes: String, rules: String = "") throws -> PricedSpec {
    let yaml = """
      skuc: 1
      product: {id: p, type: saas, name: P, currency: CNY, locales: [zh-CN]}
      attributes:
      \(self.attributes)
      specs:
        s:
          name: S
          billing: one-time
          attributes: \(attributes)
          \(rules)
          pricing:
            - add: 10
      """
    let compilation = compile(yaml)
    #expect(compilation.errorCount == 0, "\(compilation.diagnostics.map(\.message))")
    return try #require(compilation.catalog?.products.first?.specs.first)
  }

  @Test func noEnumAttributeIsOneRow() throws {
    let grid = ReportGrid(try spec("[n]"))
    #expect(grid.shape == .single)
    #expect(grid.rows == [ReportGrid.Row(label: [], slots: [.sku(0)])])
  }

  @Test func oneEnumAttributeIsARowPerValue() throws {
    let grid = ReportGrid(try spec("[a, n]"))
    #expect(grid.shape == .list)
    #expect(grid.rows.map(\.label) == [[0], [1]])
  }

  @Test func twoEnumAttributesAreAMatrixWithRemovedSelectionsInPlace() throws {
    let grid = ReportGrid(
      try spec("[a, b]", rules: "rules: [{forbid: {a: a1, b: b2}, because: no}]"))
    #expect(grid.shape == .matrix)
    #expect(grid.showsRemovedInPlace)
    #expect(grid.rows.count == 2)
    #expect(grid.rows[0].slots == [.sku(0), .removed(selection: [0, 1], rule: 0), .sku(1)])
    #expect(grid.rows[1].slots == [.sku(2), .sku(3), .sku(4)])
  }

  @Test func moreThanTwoEnumAttributesAreAFlatListOfWhatIsSold() throws {
    let grid = ReportGrid(try spec("[a, b, c]", rules: "rules: [{forbid: {a: a2, c: c2}}]"))
    #expect(grid.shape == .flat)
    #expect(!grid.showsRemovedInPlace)
    #expect(grid.rows.count == 2 * 3 * 2 - 3)
    #expect(grid.rows.first?.label == [0, 0, 0])
    #expect(grid.rows.last?.label == [1, 2, 0])
  }
}

@Suite struct ReportPageTests {
  let yaml = """
    skuc: 1
    product:
      id: crm
      type: saas
      name: {zh-CN: "<script>alert('zh')</script>", en-US: "CRM & <b>co</b>"}
      currency: CNY
    attributes:
      edition:
        type: enum
        name: {zh-CN: 版本类型, en-US: Edition}
        values:
          basic: {zh-CN: "</script><img src=x onerror=alert(1)>", en-US: "\\"><svg onload=alert(2)>"}
          pro: {zh-CN: 专业版, en-US: Pro}
    specs:
      monthly:
        name: {zh-CN: 月付, en-US: "Monthly \\u2028 '1'"}
        billing: period
        periods: [month, year]
        attributes: [edition]
        rules:
          - forbid: {edition: pro}
            because: "</li><script>alert(3)</script>"
          - forbid: {edition: basic}
        pricing:
          - add: {by: [edition, period], table: {"*": {month: 10, year: 100}}}
    """

  @Test func catalogTextNeverBecomesMarkup() throws {
    // The second rule removes everything, so keep only the first for a valid catalog.
    let valid = yaml.replacing("      - forbid: {edition: basic}\n", with: "")
    let compilation = compile(valid)
    let catalog = try #require(compilation.catalog, "\(compilation.diagnostics.map(\.message))")
    let page = ReportPage.html(catalog, root: ".", comparison: nil)
    #expect(page.ranges(of: "<script").count == 1)  // the page's own script only
    #expect(!page.contains("<img"))
    #expect(!page.contains("<svg"))
    #expect(!page.contains("<b>co"))
    #expect(page.contains("&lt;script&gt;alert(&#39;zh&#39;)&lt;/script&gt;"))
    #expect(page.contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"))
    #expect(page.contains("&quot;&gt;&lt;svg onload=alert(2)&gt;"))
    #expect(page.contains("&lt;/li&gt;&lt;script&gt;alert(3)&lt;/script&gt;"))
    #expect(page.contains("CRM &amp; &lt;b&gt;co&lt;/b&gt;"))
  }

  @Test func theSamePageComesOutWhereverTheCatalogIs() throws {
    let files = ["/srv/a/Catalogs/x.yaml", "Catalogs/x.yaml"]
    var pages: [String] = []
    for file in files {
      let valid = yaml.replacing("      - forbid: {edition: basic}\n", with: "")
      let compilation = compileFiles([file: valid])
      let catalog = try #require(compilation.catalog)
      let root = String(file.dropLast("/x.yaml".count))
      pages.append(ReportPage.html(catalog, root: root, comparison: nil))
      #expect(pages.last == ReportPage.html(catalog, root: root + "/", comparison: nil))
    }
    #expect(pages[0] == pages[1])
    #expect(!pages[0].contains("/srv"))
    #expect(pages[0].contains("Catalogs/x.yaml:"))
  }

  @Test func aComparisonMarksRepricedAddedAndDelistedCells() throws {
    func side(_ text: String) throws -> (CheckedCatalog, DiffSide) {
      let compilation = compile(text)
      let catalog = try #require(compilation.catalog, "\(compilation.diagnostics.map(\.message))")
      return (catalog, try DiffSide(catalog))
    }
    let base = """
      skuc: 1
      product: {id: p, type: saas, name: P, currency: CNY, locales: [zh-CN]}
      attributes:
        e: {type: enum, name: E, values: {a: A, b: B, c: C, d: D}}
      specs:
        s:
          name: S
          billing: one-time
          attributes: [e]
          rules: [RULES]
          pricing:
            - add: {by: e, table: {a: A_PRICE, b: 20, c: 30, d: 40}}
      """
    let (_, old) = try side(
      base.replacing("RULES", with: "{forbid: {e: d}}").replacing("A_PRICE", with: "10"))
    let (catalog, new) = try side(
      base.replacing("RULES", with: "{forbid: {e: c}}").replacing("A_PRICE", with: "12.5"))
    let comparison = ReportComparison(label: "old", old: old, new: new)
    let page = ReportPage.html(catalog, root: ".", comparison: comparison)
    #expect(page.contains("1 SKU added, 1 SKU delisted, 1 SKU repriced (+25.0%)"))
    #expect(page.contains(#"<span class="pv up">"#))
    #expect(page.contains(#"<span class="chg up">▲ +25.0%</span>"#))
    #expect(page.contains(#"<s class="was">10.00</s>"#))
    #expect(page.contains(#"data-key="p/s/e=d""#))
    #expect(page.contains(#"<span class="badge new">new</span>"#))
    #expect(page.contains(#"data-delisted="p/s/e=c""#))
    #expect(page.contains("<del class=\"pv\">30.00</del>"))

    let (_, dearer) = try side(
      base.replacing("RULES", with: "{forbid: {e: c}}").replacing("A_PRICE", with: "12.5")
        .replacing("b: 20", with: "b: 25"))
    let falling = ReportPage.html(
      catalog, root: ".", comparison: ReportComparison(label: "x", old: dearer, new: new))
    #expect(falling.contains(#"<span class="pv down">"#))
    #expect(falling.contains(#"<span class="chg down">▼ -20.0%</span>"#))
    #expect(!falling.contains(#"<span class="pv up">"#))
  }

  /// Spec §15: a tier unit the diff reports is marked in the tier table, from the same
  /// comparison.
  @Test func aComparisonMarksRepricedTierUnits() throws {
    func side(_ unit: String) throws -> (CheckedCatalog, DiffSide) {
      let compilation = compile(
        SkuCompilerTests.catalog(
          attributes: """
              seats: {type: quantity, name: {zh-CN: 席, en-US: Seats}, min: 1, max: 100, step: 1}
            """,
          specs: """
              s:
                name: {zh-CN: 主, en-US: Main}
                billing: one-time
                attributes: [seats]
                pricing:
                  - add: 10
                  - per: seats
                    model: graduated
                    tiers: [{upto: 10, unit: 5}, {unit: \(unit)}]
            """))
      let checked = try #require(compilation.catalog, "\(compilation.diagnostics.map(\.message))")
      return (checked, try DiffSide(checked))
    }
    let (_, old) = try side("4")
    let (catalog, new) = try side("9")
    let comparison = ReportComparison(label: "old", old: old, new: new)
    #expect(comparison.result.changes.map(\.kind) == [.skuRepriced])
    let page = ReportPage.html(catalog, root: ".", comparison: comparison)
    #expect(page.contains(#"<td class="num up"><span class="amt">9.00</span>"#))
    #expect(page.contains(#"<span class="chg up">▲ +125.0%</span> <s class="was">4.00</s>"#))
  }
}
