import Testing

@testable import SkuCompiler

/// The memoized pricing of `check` and `build` against the reference: random catalogs priced
/// through `SpecPricer` with its memo, and every (SKU, period) again through `Pricer.trace`,
/// the step-by-step path behind `skuc quote`, which never uses the memo. Every amount, key,
/// code and diagnostic must agree.
@Suite struct PricingMemoTests {
  typealias SeededGenerator = ExpansionPropertyTests.SeededGenerator

  static func amount(_ random: inout SeededGenerator, negative: Bool = false) -> String {
    let units = Int.random(in: negative ? -40...300 : 0...300, using: &random)
    let cents = Int.random(in: 0...999, using: &random)
    return
      "'\(units).\(String(cents).count < 3 ? String(repeating: "0", count: 3 - String(cents).count) + String(cents) : String(cents))'"
  }

  /// A catalog whose steps read some attributes and not others, so SKUs share memo slots.
  static func catalog(_ random: inout SeededGenerator) -> String {
    let attributeCount = Int.random(in: 1...4, using: &random)
    let valueCounts = (0..<attributeCount).map { _ in Int.random(in: 1...6, using: &random) }
    var text = """
      skuc: 1
      product: {id: gen, type: saas, name: {zh-CN: 生成, en-US: Generated}, currency: CNY, precision: \(Int.random(in: 3...4, using: &random)), limits: {max_skus_per_spec: 10000}}
      attributes:
        users: {type: quantity, name: {zh-CN: 用户, en-US: Users}, min: \(Int.random(in: 1...5, using: &random)), max: 200}

      """
    for (index, count) in valueCounts.enumerated() {
      text +=
        "  a\(index):\n    type: enum\n    name: {zh-CN: 属性\(index), en-US: A\(index)}\n    values:\n"
      for value in 0..<count { text += "      v\(value): {zh-CN: 值\(value), en-US: V\(value)}\n" }
    }
    let names = (0..<attributeCount).map { "a\($0)" }
    text += "specs:\n  s:\n    name: {zh-CN: 规格, en-US: Spec}\n    billing: period\n"
    text +=
      "    periods: [month, year]\n    attributes: [\(names.joined(separator: ", ")), users]\n"
    if Int.random(in: 0..<4, using: &random) == 0 {
      text += "    rules:\n      - limit: {users: {max: 100}}\n        when: {a0: v0}\n"
    }
    text += "    pricing:\n      - add: \(amount(&random))\n"
    let negative = Int.random(in: 0..<6, using: &random) == 0
    for _ in 0..<Int.random(in: 1...5, using: &random) {
      let attribute = Int.random(in: 0..<attributeCount, using: &random)
      let values = (0..<valueCounts[attribute])
      switch Int.random(in: 0..<6, using: &random) {
      case 0:
        var entries = values.map { "v\($0): \(amount(&random, negative: negative))" }
        if Bool.random(using: &random) {
          entries.removeLast()
          entries.append("'*': \(amount(&random))")
        }
        text += "      - add: {by: a\(attribute), table: {\(entries.joined(separator: ", "))}}\n"
      case 1:
        let entries = values.map {
          "v\($0): {month: \(amount(&random)), year: \(amount(&random))}"
        }
        text +=
          "      - add: {by: [a\(attribute), period], table: {\(entries.joined(separator: ", "))}}\n"
      case 2:
        text +=
          "      - when: {a\(attribute): v\(values.count - 1)}\n        multiply: '1.\(Int.random(in: 0...99, using: &random))'\n"
      case 3:
        text +=
          "      - when: {period: year}\n        multiply: \(Int.random(in: 8...12, using: &random))\n"
      case 4:
        text +=
          "      - per: users\n        model: \(Bool.random(using: &random) ? "graduated" : "volume")\n"
        text +=
          "        tiers: [{upto: 10, unit: \(amount(&random))}, {upto: 150, unit: \(amount(&random))}, {unit: '0.5'}]\n"
      default:
        text +=
          "      - when: {a\(attribute): [v0]}\n        add: \(amount(&random, negative: negative))\n"
      }
    }
    return text
  }

  /// The stages up to expansion, run by hand so that specs with pricing errors are compared
  /// too (the pipeline stops at the first stage with errors).
  static func expanded(_ yaml: String) -> (ExpandedCatalog?, [String]) {
    var diagnostics = DiagnosticCollector()
    let parsed = Pipeline.parse(
      [CatalogSourceFile(path: "t.yaml", bytes: Array(yaml.utf8))], into: &diagnostics)
    let model = Pipeline.decode(parsed, into: &diagnostics)
    let validated = Validator.validate(model, into: &diagnostics)
    let expanded = Expander.expand(validated, into: &diagnostics)
    let problems = diagnostics.diagnostics.filter { $0.severity == .error }.map(\.message)
    return (problems.isEmpty ? expanded : nil, problems)
  }

  @Test func memoizedPricingEqualsTheReferenceForEveryAmount() throws {
    var random = SeededGenerator(state: 14_2026)
    var compared = 0
    var memoized = 0
    var withFindings = 0
    for _ in 0..<120 {
      let yaml = Self.catalog(&random)
      let (expanded, problems) = Self.expanded(yaml)
      guard let catalog = expanded else {
        Issue.record("the generated catalog does not expand: \(problems)\n\(yaml)")
        return
      }
      for product in catalog.products {
        for spec in product.specs {
          var fast = SpecPricer(product: product.product, expanded: spec)
          var reference = SpecPricer(product: product.product, expanded: spec, memoizes: false)
          if fast.memo != nil { memoized += 1 }
          let fastSpec = fast.priceAll()
          let referenceSpec = reference.priceAll()
          #expect(fastSpec.froms == referenceSpec.froms)
          #expect(fastSpec.codes == referenceSpec.codes)
          let diagnostics = fast.diagnostics.diagnostics.map { "\($0.code) \($0.message)" }
          #expect(
            diagnostics == reference.diagnostics.diagnostics.map { "\($0.code) \($0.message)" })
          if !diagnostics.isEmpty { withFindings += 1 }
          var cursor = fastSpec.skus.cursor()
          var index = 0
          while let sku = cursor.next() {
            let selection = spec.selection(ofSku: index)
            let key = SkuIdentity.key(
              product: product.product.id.value, spec: spec.resolved, selection: selection)
            #expect(sku.key == key)
            #expect(fastSpec.skus[index] == sku)
            let hex = SHA256Digest.hex(of: Array(key.utf8)).prefix(15).uppercased()
            #expect(sku.code == "S" + hex)
            #expect(fastSpec.codes[index] == UInt64(hex, radix: 16))
            for (periodIndex, period) in spec.resolved.pricedPeriods.enumerated() {
              let traced = Pricer.trace(
                product: product.product, spec: spec, sku: index, period: period)
              #expect(sku.prices[periodIndex] == traced.priced, "\(key) \(yaml)")
              #expect(fastSpec.from(sku: index, period: periodIndex) == traced.priced.from)
              compared += 1
            }
            index += 1
          }
          #expect(index == spec.skus.count)
        }
      }
    }
    #expect(compared > 5000)
    #expect(memoized > 40)
    #expect(withFindings > 5)
  }

  /// Payload bytes reuse the encoding of equal (SKU, period) prices; the tree `skuc diff`
  /// builds is written token by token and never does, so the two must parse the same.
  @Test func payloadBytesEqualTheTokenByTokenTree() throws {
    var random = SeededGenerator(state: 14_0003)
    var compared = 0
    for _ in 0..<40 {
      guard let catalog = compile(Self.catalog(&random)).catalog else { continue }
      let set = Emitter.emit(catalog)
      for (file, product) in zip(set.payloads, Emitter.ordered(catalog)) {
        #expect(try JSONReader.parse(file.bytes) == PayloadBuilder.payload(product))
        compared += 1
      }
    }
    #expect(compared > 20)
  }
}
