import Testing

@testable import SkuCompiler

/// Properties of expansion over many generated catalogs (spec §6, §7, §9), with a fixed seed
/// so that a failure reproduces.
@Suite struct ExpansionPropertyTests {
  /// SplitMix64: small, seedable, the same on every platform.
  struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  struct GeneratedAttribute {
    var id: String
    var values: [String]
  }

  struct GeneratedCatalog {
    var attributes: [GeneratedAttribute]
    var forbids: [[(String, String)]]

    func yaml(attributeOrder: [Int], valueOrders: [[Int]], specOrder: [Int]) -> String {
      var text = """
        skuc: 1
        product: {id: gen, type: saas, name: {zh-CN: 生成, en-US: Generated}, currency: CNY, limits: {max_skus_per_spec: 10000}}
        attributes:

        """
      for index in attributeOrder {
        let attribute = attributes[index]
        text +=
          "  \(attribute.id):\n    type: enum\n    name: {zh-CN: 属性\(attribute.id), en-US: \(attribute.id)}\n    values:\n"
        for valueIndex in valueOrders[index] {
          let value = attribute.values[valueIndex]
          text +=
            "      \(value): {zh-CN: 值\(attribute.id)\(value), en-US: \(attribute.id) \(value)}\n"
        }
      }
      text +=
        "specs:\n  s:\n    name: {zh-CN: 规格, en-US: Spec}\n    billing: period\n    periods: [month, year]\n"
      text += "    attributes: [\(specOrder.map { attributes[$0].id }.joined(separator: ", "))]\n"
      if !forbids.isEmpty {
        text += "    rules:\n"
        for forbid in forbids {
          text += "      - forbid: {\(forbid.map { "\($0.0): \($0.1)" }.joined(separator: ", "))}\n"
        }
      }
      let first = attributes[0]
      let table = first.values.enumerated().map { "\($1): \($0 + 1)" }.joined(separator: ", ")
      text += "    pricing:\n      - add: 5\n      - add: {by: \(first.id), table: {\(table)}}\n"
      text += "      - when: {period: year}\n        multiply: 10\n"
      return text
    }
  }

  func generate(_ random: inout SeededGenerator) -> GeneratedCatalog {
    let count = Int.random(in: 1...3, using: &random)
    let attributes = (0..<count).map { index in
      GeneratedAttribute(
        id: "a\(index)", values: (0..<Int.random(in: 1...4, using: &random)).map { "v\($0)" })
    }
    let forbids = (0..<Int.random(in: 0...3, using: &random)).map { _ in
      attributes.filter { _ in Bool.random(using: &random) }.map { attribute in
        (attribute.id, attribute.values.randomElement(using: &random) ?? "v0")
      }
    }.filter { !$0.isEmpty }
    return GeneratedCatalog(attributes: attributes, forbids: forbids)
  }

  func prices(_ compilation: Compilation) -> [String: [String]] {
    var result: [String: [String]] = [:]
    guard let skus = compilation.catalog?.products.first?.specs.first?.skus else { return result }
    for sku in skus {
      result[sku.key] = sku.prices.map { "\($0.period?.rawValue ?? "-") \($0.price) \($0.from)" }
    }
    return result
  }

  @Test func countsKeysAndOrderIndependence() throws {
    var random = SeededGenerator(state: 20_261_129)
    var compiled = 0
    for _ in 0..<150 {
      let catalog = generate(&random)
      let identity = Array(catalog.attributes.indices)
      let valueIdentity = catalog.attributes.map { Array($0.values.indices) }
      let result = compile(
        catalog.yaml(attributeOrder: identity, valueOrders: valueIdentity, specOrder: identity))
      if codes(result).contains("R306") { continue }
      #expect(result.errorCount == 0, "\(result.diagnostics.map(\.message))")
      guard let spec = result.catalog?.products.first?.specs.first else { continue }
      compiled += 1
      let total = catalog.attributes.reduce(1) { $0 * $1.values.count }
      #expect(spec.skus.count == total - spec.expanded.removed.count)
      let keys = spec.skus.map(\.key)
      #expect(Set(keys).count == keys.count)
      #expect(Set(spec.skus.map(\.code)).count == keys.count)
      // Reordering the product's attributes and values changes no key and no price.
      let shuffledAttributes = identity.shuffled(using: &random)
      let shuffledValues = valueIdentity.map { $0.shuffled(using: &random) }
      let reordered = compile(
        catalog.yaml(
          attributeOrder: shuffledAttributes, valueOrders: shuffledValues, specOrder: identity))
      #expect(prices(reordered) == prices(result))
      // Reordering the spec's own list keeps keys and prices too (only names change).
      let respecified = compile(
        catalog.yaml(
          attributeOrder: identity, valueOrders: valueIdentity,
          specOrder: identity.shuffled(using: &random)))
      #expect(prices(respecified) == prices(result))
    }
    #expect(compiled > 100)
  }
}
