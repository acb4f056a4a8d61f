import Foundation
import Testing

/// `skuc diff` on the changes spec §15 added: product- and attribute-level changes, tier unit
/// amounts, schedule shapes, prices of added and delisted SKUs, and the gates that see what a
/// buyer pays.
@Suite(.serialized) struct DiffAmendmentTests {
  typealias Edit = DiffScenario.Edit
  static let crm = DiffCommandTests.crm
  static let ocr = "api/ocr.yaml"

  static let currencyChange = [Edit(file: crm, find: "currency: CNY", replace: "currency: USD")]
  /// The second graduated tier of the CRM's users, 25 -> 90 a user.
  static let tierPrice = [
    Edit(file: crm, find: "- {upto: 40, unit: 25}", replace: "- {upto: 40, unit: 90}")
  ]
  static let tierShape = [
    Edit(file: crm, find: "- {upto: 40, unit: 25}", replace: "- {upto: 60, unit: 25}")
  ]
  static let valueRename = [
    Edit(
      file: crm, find: "basic:      {zh-CN: 基础版, en-US: Basic}",
      replace: "basic:      {zh-CN: 入门版, en-US: Starter}")
  ]
  static let unitChange = [
    Edit(
      file: crm, find: "unit: {zh-CN: 用户, en-US: user}",
      replace: "unit: {zh-CN: 百用户, en-US: hundred users}")
  ]
  static let productChange = [
    Edit(
      file: crm, find: "name: {zh-CN: 云客CRM, en-US: Yunke CRM}",
      replace: "name: {zh-CN: 云客CRM, en-US: Yunke CRM Cloud}"),
    Edit(file: ocr, find: "  precision: 3\n", replace: "  precision: 4\n"),
  ]

  @Test(arguments: [
    ("currency-change", currencyChange), ("tier-price", tierPrice), ("tier-shape", tierShape),
    ("value-rename", valueRename), ("unit-change", unitChange),
    ("product-change", productChange),
  ])
  func goldens(_ name: String, _ edits: [Edit]) throws {
    let scenario = try DiffScenario(edits)
    defer { scenario.remove() }
    try scenario.expectGoldens(name)
  }

  private func run(_ edits: [Edit], _ gates: String) throws -> ProcessResult {
    let scenario = try DiffScenario(edits)
    defer { scenario.remove() }
    return try scenario.diff(["old", "new", "--fail-on", gates])
  }

  @Test func tierUnitRiseTripsIncreaseGateAtAQuantity() throws {
    let result = try run(Self.tierPrice, "increase:5")
    #expect(result.status == 1)
    #expect(
      result.stdout.contains(
        "increase:5 tripped: yunke-crm/subscription/edition=basic,support=standard month total at users=40 1199.00 -> 2499.00 (+1300.00, +108.4%)"
      ), "\(result.stdout)")
    #expect(try run(Self.tierPrice, "decrease:0").status == 0)
    #expect(try run(Self.tierShape, "increase:5").status == 1, "a later tier boundary costs more")
    #expect(try run(Self.tierShape, "decrease:0").status == 0)
  }

  @Test func currencyChangeTripsAnyAndPricingBasisButNoPercentGate() throws {
    #expect(try run(Self.currencyChange, "any").status == 1)
    let basis = try run(Self.currencyChange, "pricing-basis")
    #expect(basis.status == 1)
    #expect(
      basis.stdout.contains(
        "pricing-basis tripped: yunke-crm currency \"CNY\" -> \"USD\""), "\(basis.stdout)")
    #expect(try run(Self.currencyChange + Self.tierPrice, "increase:5").status == 0)
    #expect(try run(Self.unitChange, "pricing-basis").status == 1)
    #expect(try run(Self.valueRename, "pricing-basis").status == 0)
    #expect(try run(Self.productChange, "pricing-basis").status == 1)
  }

  @Test func renamedValueIsReportedOnceNotPerSku() throws {
    let scenario = try DiffScenario(Self.valueRename)
    defer { scenario.remove() }
    let result = try scenario.diff(["old", "new"])
    #expect(result.stdout.hasPrefix("1 attribute changed\n"), "\(result.stdout)")
    #expect(!result.stdout.contains("name {"))
  }

  @Test func payloadSidesAgreeWithCatalogSides() throws {
    let scenario = try DiffScenario(Self.tierPrice + Self.valueRename + Self.currencyChange)
    defer { scenario.remove() }
    for side in ["old", "new"] {
      let build = try skuc(["build", side, "--out", "p" + side], in: scenario.root)
      #expect(build.status == 0, "\(build.stderr)")
    }
    for format in ["text", "markdown", "json"] {
      let payloads = try scenario.diff(["pold", "pnew", "--format", format])
      #expect(payloads.status == 0, "\(payloads.stderr)")
      #expect(payloads.stdout == (try scenario.diff(["old", "new", "--format", format])).stdout)
    }
  }

  /// A payload directory whose derived fields disagree is refused with exit 2, naming the file
  /// and the JSON path, even when its manifest hash was recomputed (spec §15); so is an amount
  /// with more decimals than the precision (`"699.0000000"` at precision 2).
  @Test(arguments: [
    ("name", "specs[0].skus[0].name is not its values' names joined with \" / \""),
    ("from", "specs[0].skus[0].prices[0].from is not \"249.00\", its price plus the cost"),
    ("code", "specs[0].skus[0].code is not \"S"),
    ("price", "specs[0].skus[0].prices[0].price is not an amount with exactly 2 decimals"),
    ("none", ""),
  ])
  func inconsistentPayloadIsRefused(_ field: String, _ message: String) throws {
    let scenario = try DiffScenario([])
    defer { scenario.remove() }
    #expect(try skuc(["build", "old", "--out", "payloads"], in: scenario.root).status == 0)
    let file = scenario.root.appendingPathComponent("payloads/yunke-crm.json")
    var document = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    var specs = try #require(document["specs"] as? [[String: Any]])
    var skus = try #require(specs[0]["skus"] as? [[String: Any]])
    var prices = try #require(skus[0]["prices"] as? [[String: Any]])
    switch field {
    case "name": skus[0]["name"] = ["zh-CN": "基础版", "en-US": "Basic edition"]
    case "from": prices[0]["from"] = "259.00"
    case "code": skus[0]["code"] = "S0123456789ABCDE"
    case "price": prices[0]["price"] = "99.0000000"
    default: break  // Rewritten by Foundation alone: other key order and layout, same content.
    }
    skus[0]["prices"] = prices
    specs[0]["skus"] = skus
    document["specs"] = specs
    let bytes = try JSONSerialization.data(withJSONObject: document)
    try bytes.write(to: file)
    let manifestFile = scenario.root.appendingPathComponent("payloads/manifest.json")
    var manifest = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: manifestFile)) as? [String: Any])
    var products = try #require(manifest["products"] as? [[String: Any]])
    for index in products.indices where products[index]["file"] as? String == "yunke-crm.json" {
      products[index]["sha256"] = try sha256Hex(of: file)
    }
    manifest["products"] = products
    try JSONSerialization.data(withJSONObject: manifest).write(to: manifestFile)
    let result = try scenario.diff(["payloads", "old", "--fail-on", "any"])
    if message.isEmpty {
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.hasPrefix("no changes\n"), "\(result.stdout)")
      return
    }
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.hasPrefix("skuc: error: payloads/yunke-crm.json: " + message),
      "\(result.stderr)")
  }
}
