import Foundation
import Testing

/// `skuc checklist` on the example catalogs: goldens in both formats and both console
/// languages, and every value a seller types into the console present in the output.
@Suite(.serialized) struct ChecklistCommandTests {
  static let products = [
    "data-migration-service", "design-suite-license", "ocr-api", "secure-gateway-image",
    "yunke-crm",
  ]

  func run(_ arguments: [String]) throws -> ProcessResult {
    try skuc(arguments, in: Paths.packageRoot)
  }

  @Test(arguments: products)
  func checklistMatchesGoldens(product: String) throws {
    for (format, suffix) in [("text", "txt"), ("markdown", "md")] {
      for locale in ["zh-CN", "en-US"] {
        let result = try run([
          "checklist", "Catalogs", "--product", product, "--format", format, "--locale", locale,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        try expectGolden(result.stdout, "checklist/\(product).\(locale).\(suffix)")
      }
    }
  }

  /// Everything the payload says a seller enters: names, attribute codes, values, ranges,
  /// prices and tier units, read from the payload goldens (what `skuc build` writes).
  @Test(arguments: products)
  func everyValueASellerTypesAppears(product: String) throws {
    let url = Paths.goldens.appendingPathComponent("payloads/\(product).json")
    let payload = try #require(
      JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    let expected = Self.typedValues(payload)
    #expect(expected.count > 5)
    for format in ["text", "markdown"] {
      for locale in ["zh-CN", "en-US"] {
        let result = try run([
          "checklist", "Catalogs", "--product", product, "--format", format, "--locale", locale,
        ])
        #expect(result.status == 0)
        // Markdown escapes its active characters; the seller sees them unescaped.
        let shown = result.stdout.replacingOccurrences(of: "\\", with: "")
        for value in expected {
          #expect(shown.contains(value), "\(product) \(format) \(locale) lacks '\(value)'")
        }
      }
    }
  }

  static func typedValues(_ payload: [String: Any]) -> Set<String> {
    var values = Set<String>()
    func names(_ any: Any?) {
      if let text = any as? String { values.insert(text) }
      if let localized = any as? [String: String] { values.formUnion(localized.values) }
    }
    func numbers(_ object: [String: Any]?, _ keys: [String]) {
      for key in keys { if let number = object?[key] as? Int { values.insert("\(number)") } }
    }
    for case let attribute as [String: Any] in payload["attributes"] as? [Any] ?? [] {
      names(attribute["id"])
      names(attribute["name"])
      names(attribute["unit"])
      numbers(attribute, ["min", "max", "step"])
      for case let value as [String: Any] in attribute["values"] as? [Any] ?? [] {
        names(value["id"])
        names(value["name"])
      }
    }
    for case let spec as [String: Any] in payload["specs"] as? [Any] ?? [] {
      names(spec["name"])
      names(spec["usageUnit"])
      numbers(spec, ["trialDays"])
      for case let sku as [String: Any] in spec["skus"] as? [Any] ?? [] {
        for case let range as [String: Any] in (sku["quantities"] as? [String: Any])?.values
          .map({ $0 }) ?? []
        {
          numbers(range, ["min", "max", "step"])
        }
        for case let price as [String: Any] in sku["prices"] as? [Any] ?? [] {
          names(price["price"])
          for case let schedule as [String: Any] in (price["quantities"] as? [String: Any])?
            .values.map({ $0 }) ?? []
          {
            for case let tier as [String: Any] in schedule["tiers"] as? [Any] ?? [] {
              names(tier["unit"])
              numbers(tier, ["upto"])
            }
          }
        }
      }
    }
    return values
  }

  @Test func theConsoleWordsAreUsed() throws {
    let crm = try run(["checklist", "Catalogs", "--product", "yunke-crm"])
    #expect(crm.stdout.contains("计费模式：包周期"))
    #expect(crm.stdout.contains("Step阶梯定价 1–20: 30.00; 21–40: 25.00; 41+: 20.00"))
    #expect(crm.stdout.contains("试用天数 14"))
    #expect(
      crm.stdout.contains(
        "删除 — forbid Catalogs/saas/crm.yaml:38：Premium support starts with the Enterprise edition"
      ))
    #expect(crm.stdout.contains("控制台将生成 6 个 SKU（所有取值组合）；保留 5 个，删除 1 个"))
    #expect(crm.stdout.contains("version（版本）"))
    let migration = try run([
      "checklist", "Catalogs", "--product", "data-migration-service", "--locale", "en-US",
    ])
    #expect(migration.stdout.contains("Billing mode: Per use / One-time"))
    let ocr = try run(["checklist", "Catalogs", "--product", "ocr-api", "--spec", "pay-per-call"])
    #expect(ocr.stdout.contains("计费模式：按需"))
    #expect(!ocr.stdout.contains("call-package"))
  }

  /// 5 × 5 × 5 = 125 combinations, 100 after the rule: skuc's §9 cap counts after rules and
  /// passes, but the console counts before deleting and refuses.
  @Test func aSpecOverTheConsoleCapIsFlagged() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let values = (1...5).map { "      v\($0): {zh-CN: 值\($0), en-US: V\($0)}" }.joined(
      separator: "\n")
    let attributes = ["a", "b", "c"].map { id in
      "  \(id):\n    type: enum\n    name: {zh-CN: 属性\(id), en-US: Attribute \(id)}\n    values:\n"
        + values
    }.joined(separator: "\n")
    try writeTree(
      [
        "p.yaml": """
        skuc: 1
        product: {id: big, type: license, name: {zh-CN: 大, en-US: Big}, currency: CNY}
        attributes:
        \(attributes)
        specs:
          s:
            name: {zh-CN: 规格, en-US: Spec}
            billing: one-time
            attributes: [a, b, c]
            rules:
              - forbid: {a: v1}
                because: too many
            pricing:
              - add: 1
        """
      ], at: temp)
    let result = try skuc(["checklist", temp.path, "--product", "big"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("控制台将生成 125 个 SKU（所有取值组合）；保留 100 个，删除 25 个"))
    #expect(result.stdout.contains("⚠ 删除前的组合数 125 超过控制台上限 100"))
    #expect(result.stdout.contains("生成的 SKU 125/100（超过上限）"))
  }

  @Test func unknownProductIsAUsageError() throws {
    let result = try run(["checklist", "Catalogs", "--product", "yunke-crn"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("did you mean 'yunke-crm'?"))
    let locale = try run(["checklist", "Catalogs", "--product", "yunke-crm", "--locale", "fr-FR"])
    #expect(locale.status == 2)
  }

  /// `--against`: the steps that change a published product, adds before delists, and the
  /// trial change the console refuses.
  @Test func againstPrintsTheStepsThatChangeAPublishedProduct() throws {
    let scenario = try DiffScenario([
      .init(file: "saas/crm.yaml", find: "trial_days: 14", replace: "trial_days: 30"),
      .init(
        file: "saas/crm.yaml", find: "table: {basic: 99, enterprise: 299",
        replace: "table: {basic: 109, enterprise: 299"),
      .init(
        file: "saas/crm.yaml",
        find: "      - forbid: {edition: basic, support: premium}\n"
          + "        because: Premium support starts with the Enterprise edition\n",
        replace: ""),
      .init(
        file: "api/ocr.yaml",
        find: "  pay-per-call:\n    name: 按次调用\n    billing: on-demand\n    usage_unit: 次\n"
          + "    attributes: [model]\n    pricing:\n      - add:\n          by: model\n"
          + "          table: {general: \"0.008\", handwriting: \"0.012\", invoice: \"0.015\"}\n",
        replace: ""),
    ])
    defer { scenario.remove() }
    for (locale, format, suffix) in [("zh-CN", "text", "txt"), ("en-US", "markdown", "md")] {
      let result = try skuc(
        [
          "checklist", "new", "--product", "yunke-crm", "--against", "old", "--locale", locale,
          "--format", format,
        ], in: scenario.root)
      #expect(result.status == 0, "\(result.stderr)")
      try expectGolden(result.stdout, "checklist/against-crm.\(locale).\(suffix)")
    }
    let crm = try skuc(
      ["checklist", "new", "--product", "yunke-crm", "--against", "old"], in: scenario.root)
    let text = crm.stdout
    let add = try #require(text.range(of: "先添加"))
    let change = try #require(text.range(of: "修改"))
    #expect(add.lowerBound < change.lowerBound)
    #expect(text.contains("试用设置不能修改"))
    #expect(text.contains("按月 价格改为 109.00（原 99.00）"))
    #expect(text.contains("在规格 subscription 中添加 SKU 基础版 / 高级支持"))
    let ocr = try skuc(
      ["checklist", "new", "--product", "ocr-api", "--against", "old"], in: scenario.root)
    #expect(ocr.status == 0, "\(ocr.stderr)")
    #expect(ocr.stdout.contains("最后下架（不要删除）"))
    #expect(ocr.stdout.contains("下架规格 pay-per-call"))
    #expect(!ocr.stdout.contains("删除规格"))
    let same = try skuc(
      ["checklist", "old", "--product", "ocr-api", "--against", "old"], in: scenario.root)
    #expect(same.stdout.contains("没有变化"))
  }
}
