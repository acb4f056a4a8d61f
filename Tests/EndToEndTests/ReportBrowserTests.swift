import Foundation
import Testing

/// `skuc report` pages opened in headless Chromium: what a reviewer's browser builds from the
/// file is checked against the payloads `skuc build` writes for the same catalog.
@Suite(
  .serialized, .enabled(if: Chromium.path != nil, Comment(rawValue: Chromium.missing)), .tags(.slow)
)
struct ReportBrowserTests {
  /// `Catalogs/` with one price up, one down, one SKU added (a new flavor, in two specs) and
  /// one delisted (a new forbid rule).
  static func scenario() throws -> DiffScenario {
    try DiffScenario([
      .init(
        file: "saas/crm.yaml", find: "table: {basic: 99,", replace: "table: {basic: 109,"),
      .init(
        file: "saas/crm.yaml",
        find: "        because: Premium support starts with the Enterprise edition\n",
        replace: """
                  because: Premium support starts with the Enterprise edition
                - forbid: {edition: enterprise, support: premium}
                  because: Premium support is now Flagship only

          """),
      .init(
        file: "images/secure-gateway.yaml", find: "large:  {month: 749, year: 7490}",
        replace: "large:  {month: 699, year: 7490}\n            xlarge: {month: 1399, year: 13990}"),
      .init(
        file: "images/secure-gateway.yaml",
        find: "      large:  {zh-CN: 8核16G, en-US: 8 vCPU / 16 GiB}",
        replace: """
                large:  {zh-CN: 8核16G, en-US: 8 vCPU / 16 GiB}
                xlarge: {zh-CN: 16核32G, en-US: 16 vCPU / 32 GiB}
          """),
      .init(
        file: "images/secure-gateway.yaml", find: #"large: "1.30"}"#,
        replace: #"large: "1.30", xlarge: "2.40"}"#),
    ])
  }

  /// Writes the report of `catalog` (relative to `directory`) and opens it in Chromium.
  func page(
    _ catalog: String, in directory: URL, against: String? = nil, fragment: String = ""
  ) throws -> (DOMElement, URL) {
    let out = directory.appendingPathComponent("report.html")
    let result = try skuc(
      ["report", catalog, "--out", out.path] + (against.map { ["--against", $0] } ?? []),
      in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    return (try Chromium.dumpDOM(out, fragment: fragment), out)
  }

  @Test func everyCellShowsThePayloadsPriceAndFrom() throws {
    let directory = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (dom, _) = try page(Paths.catalogs, in: directory)
    let payloads = try Payloads.built(from: Paths.catalogs, in: directory)
    try expectCells(dom, equal: payloads)
    let html = try #require(dom.first { $0.name == "html" })
    #expect(!html.hasClass("nojs"), "the page's script did not run")
    #expect(dom.first { $0.attributes["id"] == "count" }?.text == "26 SKUs")
    let stats = dom.first(class: "stats")?.text ?? ""
    for fact in ["Products5", "Specs8", "SKUs26", "Prices34", "CNY · USD", "10 passed"] {
      #expect(stats.contains(fact), "\(stats)")
    }
  }

  @Test func aComparisonMarksRepricedAddedAndDelistedSkus() throws {
    let scenario = try Self.scenario()
    defer { scenario.remove() }
    let (dom, _) = try page("new", in: scenario.root, against: "old")
    try expectCells(dom, equal: try Payloads.built(from: "new", in: scenario.root))

    let diffLine = try scenario.diff(["old", "new"]).stdout.split(separator: "\n").first
    #expect(dom.first(class: "summary-line")?.text == diffLine.map(String.init))

    func cell(_ key: String, _ period: String) -> DOMElement? {
      dom.first { $0.attributes["data-key"] == key && $0.attributes["data-period"] == period }
    }
    let basic = try #require(cell("yunke-crm/subscription/edition=basic,support=standard", "month"))
    #expect(basic.first(class: "pv", "up")?.first(class: "chg", "up")?.text == "▲ +10.1%")
    #expect(basic.first(class: "pv", "up")?.first(class: "was")?.text == "99.00")
    #expect(basic.first(class: "fv", "up")?.first(class: "chg")?.text == "▲ +4.0%")
    let large = try #require(cell("secure-gateway-image/subscription/flavor=large", "month"))
    #expect(large.first(class: "pv", "down")?.first(class: "chg", "down")?.text == "▼ -6.7%")
    #expect(
      cell("secure-gateway-image/subscription/flavor=large", "year")?.first(class: "chg") == nil)
    for key in [
      "secure-gateway-image/hourly/flavor=xlarge",
      "secure-gateway-image/subscription/flavor=xlarge",
    ] {
      let added = dom.all { $0.attributes["data-key"] == key }
      #expect(!added.isEmpty && added.allSatisfy { $0.hasClass("added") }, "\(key)")
      #expect(added.allSatisfy { $0.first(class: "badge", "new")?.text == "new" })
    }
    let delistedKey = "yunke-crm/subscription/edition=enterprise,support=premium"
    let delisted = dom.all { $0.attributes["data-delisted"] == delistedKey }
    let struck = delisted.compactMap { $0.first { $0.name == "del" && $0.hasClass("pv") }?.text }
    #expect(struck.sorted() == ["4,990.00", "499.00"])
    #expect(delisted.contains { $0.name == "li" && $0.first { $0.name == "del" } != nil })
    #expect(dom.all { $0.hasClass("up") && $0.hasClass("pv") }.count == 2)
    #expect(dom.all { $0.hasClass("down") && $0.hasClass("pv") }.count == 1)
  }

  @Test func filterLanguageAndAmountFollowTheAddress() throws {
    let directory = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (dom, out) = try page(
      Paths.catalogs, in: directory, fragment: "#q=Flagship&lang=en-US&show=from")
    let html = try #require(dom.first { $0.name == "html" })
    #expect(html.attributes["data-lang"] == "1")
    #expect(html.attributes["data-show"] == "from")
    let products = dom.all { $0.name == "section" && $0.hasClass("product") }
    #expect(products.filter { !$0.isHidden }.map { $0.attributes["id"] } == ["p-yunke-crm"])
    let rows = products.last?.all { $0.name == "tr" && $0.attributes["data-q"] != nil } ?? []
    #expect(
      rows.filter { !$0.isHidden }.map { $0.attributes["data-q"]?.hasPrefix("flagship") } == [true])
    #expect(dom.first { $0.attributes["id"] == "count" }?.text == "2 of 26 SKUs")
    #expect(
      dom.first { $0.attributes["data-set-lang"] == "1" }?.attributes["aria-pressed"] == "true")

    // A column value narrows a matrix to its cells: the premium ones, the rest dimmed.
    let premium = try Chromium.dumpDOM(out, fragment: "#q=premium%20enterprise")
    let crm = try #require(premium.first { $0.attributes["id"] == "p-yunke-crm" })
    let cells = crm.all { $0.hasClass("c") && $0.attributes["data-key"] != nil }
    let lit = cells.filter { !$0.hasClass("dim") }
    #expect(
      Set(lit.compactMap { $0.attributes["data-key"] })
        == ["yunke-crm/subscription/edition=enterprise,support=premium"])
    #expect(premium.first { $0.attributes["id"] == "count" }?.text == "1 of 26 SKUs")
  }

  @Test func catalogTextIsShownAsTextAndNeverRuns() throws {
    let directory = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let attack = #"<img src=x onerror="document.body.setAttribute('data-pwned','1')">"#
    let names = [
      "product": #"<script>document.body.setAttribute('data-pwned','2')</script>"#,
      "productEn": "A & B <u>" + attack.replacing("'1'", with: "'5'"),
      "basic": "</script>" + attack,
      "pro": #""><svg onload="document.body.setAttribute('data-pwned','3')">"#,
      "because": "</li></ul><script>document.body.setAttribute('data-pwned','4')</script>",
    ]
    func quoted(_ text: String) -> String {
      "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }
    try writeTree(
      [
        "Catalogs/x.yaml": """
        skuc: 1
        product:
          id: xss
          type: saas
          name: {zh-CN: \(quoted(names["product"] ?? "")), en-US: \(quoted(names["productEn"] ?? ""))}
          currency: CNY
        attributes:
          edition:
            type: enum
            name: {zh-CN: 版本类型, en-US: \(quoted("</style><i>Edition"))}
            values:
              basic: {zh-CN: \(quoted(names["basic"] ?? "")), en-US: Basic}
              pro: {zh-CN: 专业版, en-US: \(quoted(names["pro"] ?? ""))}
              max: {zh-CN: 旗舰版, en-US: Max}
        specs:
          s:
            name: {zh-CN: "规格 \\u2028 '", en-US: "Spec \\u2029 \\"x\\""}
            billing: period
            periods: [month, year]
            attributes: [edition]
            rules:
              - forbid: {edition: max}
                because: \(quoted(names["because"] ?? ""))
            pricing:
              - add: {by: edition, table: {basic: 10, pro: 20, max: 30}}
        """
      ], at: directory)
    let (dom, _) = try page("Catalogs", in: directory, fragment: "#lang=en-US")
    let elements = dom.descendants
    #expect(elements.filter { $0.name == "script" }.count == 1)
    #expect(!elements.contains { ["img", "svg", "u", "i"].contains($0.name) })
    #expect(elements.first { $0.name == "style" }.map { !$0.text.contains("Edition") } ?? false)
    #expect(elements.first { $0.name == "body" }?.attributes["data-pwned"] == nil)
    let text = dom.text
    for name in names.values { #expect(text.contains(name), "missing text: \(name)") }
    #expect(text.contains("</style><i>Edition"))
    #expect(text.contains("Spec \u{2029} \"x\""))
  }

  /// The screenshots the README shows, at a desktop and a phone width, of `Catalogs/` and of
  /// the comparison above. Checked to be images of the asked width; written to `docs/images/`
  /// when `SKUC_UPDATE_SCREENSHOTS=1` (like goldens; needs a CJK font such as fonts-noto-cjk).
  @Test func screenshotsAtDesktopAndPhoneWidths() throws {
    let scenario = try Self.scenario()
    defer { scenario.remove() }
    let (_, plain) = try page(Paths.catalogs, in: scenario.root)
    let plainPage = scenario.root.appendingPathComponent("catalog.html")
    try FileManager.default.moveItem(at: plain, to: plainPage)
    // Named as a reader would meet them: the working catalog against a released copy.
    for (from, to) in [("new", "Catalogs"), ("old", "released")] {
      try FileManager.default.moveItem(
        at: scenario.root.appendingPathComponent(from), to: scenario.root.appendingPathComponent(to)
      )
    }
    let (_, compared) = try page("Catalogs", in: scenario.root, against: "released")
    let shots: [(page: URL, fragment: String, width: Int, name: String)] = [
      (plainPage, "", 1280, "report-1280.png"),
      (plainPage, "", 390, "report-390.png"),
      (compared, "#lang=en-US&q=subscription", 1280, "report-diff-1280.png"),
      (compared, "#lang=en-US&q=crm", 390, "report-diff-390.png"),
    ]
    let update = ProcessInfo.processInfo.environment["SKUC_UPDATE_SCREENSHOTS"] == "1"
    let images = Paths.packageRoot.appendingPathComponent("docs/images")
    for shot in shots {
      let png = scenario.root.appendingPathComponent(shot.name)
      try Chromium.screenshot(
        URL(string: shot.page.absoluteString + shot.fragment) ?? shot.page, to: png,
        width: shot.width, height: 2000)
      let bytes = [UInt8](try Data(contentsOf: png))
      #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(shot.name) is not a PNG")
      let width = bytes.count > 24 ? bytes[16..<20].reduce(0) { $0 << 8 | Int($1) } : 0
      #expect(width == shot.width, "\(shot.name)")
      if update {
        let target = images.appendingPathComponent(shot.name)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: png, to: target)
      }
    }
  }

  /// Every (SKU, period) of the payloads has exactly one cell, showing its price and from.
  func expectCells(
    _ dom: DOMElement, equal payloads: [Payloads.Amount: (price: String, from: String)],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let cells = dom.all { $0.name == "td" && $0.attributes["data-key"] != nil }
    var seen: Set<Payloads.Amount> = []
    for cell in cells {
      let amount = Payloads.Amount(
        key: cell.attributes["data-key"] ?? "", period: cell.attributes["data-period"] ?? "")
      #expect(
        seen.insert(amount).inserted, "two cells for \(amount)", sourceLocation: sourceLocation)
      let shown = [cell.first(class: "pv"), cell.first(class: "fv")].map {
        $0?.first(class: "amt")?.text.replacing(",", with: "")
      }
      let expected = try #require(payloads[amount], "no payload price for \(amount)")
      #expect(
        shown == [expected.price, expected.from], "\(amount)", sourceLocation: sourceLocation)
    }
    #expect(seen == Set(payloads.keys), sourceLocation: sourceLocation)
  }
}

/// The amounts of the payloads `skuc build` writes.
enum Payloads {
  struct Amount: Hashable, CustomStringConvertible {
    var key: String
    /// `""` for billing without periods (the payload's `null`).
    var period: String
    var description: String { "\(key) \(period)" }
  }

  static func built(
    from catalog: String, in directory: URL
  ) throws -> [Amount: (
    price: String, from: String
  )] {
    let out = directory.appendingPathComponent("payloads-\(UUID().uuidString)")
    let result = try skuc(["build", catalog, "--out", out.path], in: directory)
    guard result.status == 0 else { throw TestFailure("skuc build failed: \(result.stderr)") }
    var amounts: [Amount: (price: String, from: String)] = [:]
    for file in try FileManager.default.contentsOfDirectory(atPath: out.path)
    where file != "manifest.json" {
      let data = try Data(contentsOf: out.appendingPathComponent(file))
      let payload = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      for spec in payload["specs"] as? [[String: Any]] ?? [] {
        for sku in spec["skus"] as? [[String: Any]] ?? [] {
          for price in sku["prices"] as? [[String: Any]] ?? [] {
            let amount = Amount(
              key: sku["key"] as? String ?? "", period: price["period"] as? String ?? "")
            amounts[amount] = (price["price"] as? String ?? "", price["from"] as? String ?? "")
          }
        }
      }
    }
    return amounts
  }
}
