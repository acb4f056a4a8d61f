import Foundation
import Testing

/// `skuc matrix` and `skuc quote` on the example catalogs, run like a user would (from the
/// package root, so paths in the output are `Catalogs/...`).
@Suite(.serialized) struct MatrixQuoteCommandTests {
  func run(_ arguments: [String]) throws -> ProcessResult {
    try skuc(arguments, in: Paths.packageRoot)
  }

  // MARK: matrix

  @Test(arguments: [
    ("table", [String](), "matrix/table.txt"),
    ("csv", [], "matrix/matrix.csv"),
    ("json", [], "matrix/matrix.json"),
    ("table", ["--removed"], "matrix/removed.txt"),
    ("csv", ["--removed"], "matrix/removed.csv"),
    ("json", ["--removed"], "matrix/removed.json"),
  ])
  func matrixMatchesGolden(format: String, extra: [String], golden: String) throws {
    let result = try run(["matrix", "Catalogs", "--format", format] + extra)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    try expectGolden(result.stdout, golden)
  }

  @Test func csvHasTheSixColumnsAndOneRowPerSkuAndPeriod() throws {
    let result = try run(["matrix", "Catalogs", "--format", "csv", "--product", "yunke-crm"])
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first == "name,key,code,period,price,from,users")
    #expect(lines.count == 1 + 5 * 2)  // five SKUs after rules, two periods each
    #expect(
      lines[1]
        == #"基础版 / 标准支持,"yunke-crm/subscription/edition=basic,support=standard",S8861A06941A08F1,month,99.00,249.00,20:30.00;40:25.00;+:20.00"#
    )
    let json = try run(["matrix", "Catalogs", "--format", "json", "--spec", "onsite"])
    let rows = try #require(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(rows.count == 3)
    #expect(
      rows.allSatisfy {
        Set($0.keys) == ["name", "key", "code", "period", "price", "from", "units"]
      })
    #expect(rows.allSatisfy { $0["period"] is NSNull })
  }

  /// A service priced per person-day shows its day rate, not only `price 0.00, from …`.
  @Test func unitPricesAndTierBandsAreShown() throws {
    let csv = try run(["matrix", "Catalogs", "--format", "csv"])
    let lines = csv.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "name,key,code,period,price,from,person_days,seats,users")
    #expect(lines.contains { $0.hasPrefix("迁移评估,") && $0.hasSuffix(",1500.00,,") })
    #expect(lines.contains { $0.hasPrefix("通用文字,") && $0.hasSuffix(",,,") })
    let json = try run([
      "matrix", "Catalogs", "--format", "json", "--product", "yunke-crm", "--spec", "subscription",
    ])
    let rows = try #require(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let users = try #require((rows.first?["units"] as? [String: Any])?["users"] as? [String: Any])
    #expect(users["model"] as? String == "graduated")
    let tiers = try #require(users["tiers"] as? [[String: Any]])
    #expect(tiers.map { $0["unit"] as? String } == ["30.00", "25.00", "20.00"])
    #expect(tiers.last?["upto"] is NSNull)
    let table = try run(["matrix", "Catalogs", "--product", "data-migration-service"])
    #expect(table.stdout.contains("person_days unit"))
    #expect(table.stdout.contains("1500.00"))
  }

  @Test func bomIsWrittenOnlyWhenAskedAndOnlyForCSV() throws {
    let plain = try skucBytes(["matrix", "Catalogs", "--format", "csv"])
    #expect(Array(plain.prefix(4)) == Array("name".utf8))
    let bom = try skucBytes(["matrix", "Catalogs", "--format", "csv", "--bom"])
    #expect(Array(bom.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(Array(bom.dropFirst(3)) == plain)
    let table = try run(["matrix", "Catalogs", "--bom"])
    #expect(table.status == 2)
    #expect(table.stderr.contains("--bom applies only to --format csv"))
  }

  private func skucBytes(_ arguments: [String]) throws -> [UInt8] {
    Array(try run(arguments).stdout.utf8)
  }

  @Test func filtersNarrowTheMatrix() throws {
    let result = try run(["matrix", "Catalogs", "--product", "ocr-api", "--spec", "call-package"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("ocr-api / call-package"))
    #expect(!result.stdout.contains("pay-per-call"))
  }

  @Test func unknownFiltersAreUsageErrorsWithSuggestions() throws {
    let product = try run(["matrix", "Catalogs", "--product", "yunke-crn"])
    #expect(product.status == 2)
    #expect(product.stdout.isEmpty)
    #expect(product.stderr.contains("unknown product 'yunke-crn'; did you mean 'yunke-crm'?"))
    let spec = try run(["matrix", "Catalogs", "--product", "yunke-crm", "--spec", "subscriptoin"])
    #expect(spec.status == 2)
    #expect(spec.stderr.contains("did you mean 'subscription'?"))
    let anywhere = try run(["matrix", "Catalogs", "--spec", "hourli"])
    #expect(anywhere.status == 2)
    #expect(anywhere.stderr.contains("did you mean 'hourly'?"))
    let format = try run(["matrix", "Catalogs", "--format", "xml"])
    #expect(format.status == 2)
  }

  @Test func aCatalogWithErrorsPrintsNoMatrix() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    try writeTree(["p.yaml": "skuc: 1\nproduct:\n  id: x\n  prcie: 1\n"], at: temp)
    let text = try skuc(["matrix", temp.path])
    #expect(text.status == 1)
    #expect(text.stdout.isEmpty)
    #expect(text.stderr.contains("error[T102]"))
    let json = try skuc(["matrix", temp.path, "--diagnostics-format", "json"])
    #expect(json.status == 1)
    #expect(json.stdout.isEmpty)
    #expect(json.stderr.hasPrefix("["))
    let quote = try skuc(["quote", temp.path, "--product", "x", "--spec", "y"])
    #expect(quote.status == 1)
    #expect(quote.stdout.isEmpty)
  }

  /// Warnings do not stop the matrix; they go to stderr, leaving stdout clean for a pipe.
  @Test func warningsGoToStandardError() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let catalog = try String(
      contentsOf: Paths.packageRoot.appendingPathComponent("docs/guide/01-first-catalog.yaml"),
      encoding: .utf8)
    try writeTree(
      [
        "p.yaml": catalog.replacingOccurrences(
          of: "team:     {month: 45, year: 450}",
          with: "team:     {month: 45, year: 450}\n            \"*\":      {month: 1, year: 1}")
      ], at: temp)
    let result = try skuc(["matrix", temp.path, "--format", "csv"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("warning["))
    #expect(result.stdout.hasPrefix("name,key,code,period,price,from\n"))
  }

  /// `skuc matrix | head -1` (reliability F6): the reader leaves early, skuc ends quietly.
  @Test func aClosedPipeEndsQuietly() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    var files: [String: String] = [:]
    for index in 0..<20 {
      files["p\(index).yaml"] = Self.wideProduct(index)
    }
    try writeTree(files, at: temp)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      "-c", "set -o pipefail; \"$0\" matrix \"$1\" --format json | head -c 100 >/dev/null",
      Paths.skuc, temp.path,
    ]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(stderr.isEmpty, "\(String(decoding: stderr, as: UTF8.self))")
  }

  /// 100 SKUs, to make the output far larger than a pipe's buffer.
  static func wideProduct(_ index: Int) -> String {
    let values = (0..<10).map { "      v\($0): {zh-CN: 值\($0), en-US: Value \($0)}" }.joined(
      separator: "\n")
    let table = (0..<10).map { "v\($0): \($0 + 1)" }.joined(separator: ", ")
    return """
      skuc: 1
      product: {id: p\(index), type: saas, name: {zh-CN: 产品, en-US: Product}, currency: CNY}
      attributes:
        a:
          type: enum
          name: {zh-CN: 甲, en-US: A}
          values:
      \(values)
        b:
          type: enum
          name: {zh-CN: 乙, en-US: B}
          values:
      \(values)
      specs:
        s:
          name: {zh-CN: 规格, en-US: Spec}
          billing: period
          periods: [month, year]
          attributes: [a, b]
          pricing:
            - add: {by: a, table: {\(table)}}
            - add: {by: b, table: {\(table)}}

      """
  }

  // MARK: quote

  static let quotes: [(name: String, arguments: [String])] = [
    (
      "crm-enterprise-premium-year-45",
      [
        "--product", "yunke-crm", "--spec", "subscription", "--select", "edition=enterprise",
        "--select", "support=premium", "--period", "year", "--quantity", "users=45",
      ]
    ),
    (
      "crm-flagship-minimum",
      [
        "--product", "yunke-crm", "--spec", "subscription", "--select", "edition=flagship",
        "--select", "support=standard",
      ]
    ),
    (
      "design-suite-professional-50",
      [
        "--product", "design-suite-license", "--spec", "perpetual", "--select",
        "edition=professional", "--quantity", "seats=50",
      ]
    ),
    (
      "ocr-call-package-wildcard",
      [
        "--product", "ocr-api", "--spec", "call-package", "--select", "model=general", "--select",
        "package=calls_1m",
      ]
    ),
    (
      "migration-training",
      [
        "--product", "data-migration-service", "--spec", "onsite", "--select",
        "service_item=training", "--quantity", "person_days=10",
      ]
    ),
    (
      "gateway-hourly-large",
      ["--product", "secure-gateway-image", "--spec", "hourly", "--select", "flavor=large"]
    ),
  ]

  @Test(arguments: quotes.map(\.name))
  func quoteMatchesGolden(name: String) throws {
    let arguments = try #require(Self.quotes.first { $0.name == name }).arguments
    let text = try run(["quote", "Catalogs"] + arguments)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stderr.isEmpty)
    try expectGolden(text.stdout, "quote/\(name).txt")
    let json = try run(["quote", "Catalogs"] + arguments + ["--format", "json"])
    #expect(json.status == 0, "\(json.stderr)")
    try expectGolden(json.stdout, "quote/\(name).json")
  }

  /// The JSON receipt's total, recomputed from the payload `skuc build` writes.
  @Test func jsonQuoteAgreesWithThePayload() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    #expect(
      try skuc(["build", Paths.catalogs, "--out", temp.appendingPathComponent("out").path]).status
        == 0)
    let payload = try #require(
      JSONSerialization.jsonObject(
        with: Data(contentsOf: temp.appendingPathComponent("out/yunke-crm.json"))) as? [String: Any]
    )
    let spec = try #require((payload["specs"] as? [[String: Any]])?.first)
    let sku = try #require(
      (spec["skus"] as? [[String: Any]])?.first {
        $0["key"] as? String == "yunke-crm/subscription/edition=flagship,support=premium"
      })
    let year = try #require(
      (sku["prices"] as? [[String: Any]])?.first { $0["period"] as? String == "year" })
    let tiers = try #require(
      ((year["quantities"] as? [String: Any])?["users"] as? [String: Any])?["tiers"]
        as? [[String: Any]])
    let units = tiers.compactMap {
      Int(($0["unit"] as? String ?? "").replacingOccurrences(of: ".00", with: ""))
    }
    let price = try #require(
      Int((year["price"] as? String ?? "").replacingOccurrences(of: ".00", with: "")))
    // 45 users, graduated at 20 / 40: 20 × u1 + 20 × u2 + 5 × u3.
    let expected = price + 20 * units[0] + 20 * units[1] + 5 * units[2]
    let result = try run([
      "quote", "Catalogs", "--product", "yunke-crm", "--spec", "subscription", "--select",
      "edition=flagship",
      "--select", "support=premium", "--period", "year", "--quantity", "users=45", "--format",
      "json",
    ])
    let quote = try #require(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(quote["total"] as? String == "\(expected).00")
    #expect(quote["key"] as? String == "yunke-crm/subscription/edition=flagship,support=premium")
    #expect(quote["period"] as? String == "year")
    #expect(quote["price"] as? String == year["price"] as? String)
    let users = try #require((quote["quantities"] as? [String: Any])?["users"] as? [String: Any])
    #expect(users["quantity"] as? Int == 45)
    #expect(users["cost"] as? String == "\(expected - price).00")
  }

  @Test(arguments: [
    (
      ["--select", "edition=basic", "--select", "support=standard", "--quantity", "users=23"],
      "users=23 is off the grid (step 5 from 5): nearest valid 20 or 25"
    ),
    (
      ["--select", "edition=basic", "--select", "support=standard", "--quantity", "users=60"],
      "above the maximum 50 for edition=basic, support=standard (limited by the rule at Catalogs/saas/crm.yaml:40): nearest valid 50"
    ),
    (
      ["--select", "edition=basic", "--select", "support=standard", "--quantity", "users=600"],
      "above the maximum 50"
    ),
    (
      ["--select", "edition=basic", "--select", "support=premium"],
      "removed by the forbid rule at Catalogs/saas/crm.yaml:38 (Premium support starts with the Enterprise edition); nearest valid: edition=basic, support=standard"
    ),
    (["--select", "edition=basik", "--select", "support=standard"], "did you mean 'basic'?"),
    (["--select", "edition=basic"], "add --select support=standard"),
    (
      ["--select", "edition=enterprise", "--select", "support=standard", "--period", "week"],
      "unknown period 'week' for spec 'subscription' (choose from: month, year)"
    ),
    (
      ["--select", "edition=enterprise", "--select", "support=standard", "--quantity", "user=10"],
      "did you mean 'users'?"
    ),
    (
      [
        "--select", "edition=enterprise", "--select", "support=standard", "--quantity", "users=ten",
      ], "a quantity is a whole number"
    ),
    (["--select", "editionbasic"], "--select takes ATTR=VALUE"),
  ])
  func badChoicesAreUsageErrors(arguments: [String], message: String) throws {
    let result = try run(
      ["quote", "Catalogs", "--product", "yunke-crm", "--spec", "subscription"] + arguments)
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test func periodsAreCheckedAgainstTheSpec() throws {
    let annual = try run([
      "quote", "Catalogs", "--product", "design-suite-license", "--spec", "annual", "--select",
      "edition=standard", "--period",
      "month",
    ])
    #expect(annual.status == 2)
    #expect(annual.stderr.contains("spec 'annual' is not sold by the month; choose from: year"))
    let hourly = try run([
      "quote", "Catalogs", "--product", "secure-gateway-image", "--spec", "hourly", "--select",
      "flavor=small", "--period", "month",
    ])
    #expect(hourly.status == 2)
    #expect(hourly.stderr.contains("has no periods"))
    let missing = try run(["quote", "Catalogs", "--product", "yunke-crm"])
    #expect(missing.status == 2)
  }
}
