import Testing

@testable import SkuCompiler

/// The compiled rule matcher against the rules read one by one (`Expander.removingRule`): over
/// random specs with many forbid and require rules, every matrix position must be removed by
/// the same first rule, or kept by both. The first rule is what warnings and `matrix
/// --removed` report, so "removed by some rule" would not be enough.
@Suite struct RuleMatcherTests {
  typealias SeededGenerator = ExpansionPropertyTests.SeededGenerator

  static func selector(
    _ random: inout SeededGenerator, _ valueCounts: [Int], allowsEmpty: Bool = false
  ) -> String {
    var terms: [String] = []
    for (attribute, count) in valueCounts.enumerated()
    where Int.random(in: 0..<3, using: &random) > 0 {
      let values = (0..<count).filter { _ in Bool.random(using: &random) }
      let listed = values.isEmpty ? [Int.random(in: 0..<count, using: &random)] : values
      terms.append("a\(attribute): [\(listed.map { "v\($0)" }.joined(separator: ", "))]")
    }
    if terms.isEmpty { terms.append("a0: v0") }
    return "{\(terms.joined(separator: ", "))}"
  }

  static func spec(_ random: inout SeededGenerator) -> (yaml: String, ruleCount: Int) {
    let valueCounts = (0..<Int.random(in: 1...4, using: &random)).map { _ in
      Int.random(in: 1...5, using: &random)
    }
    var text = """
      skuc: 1
      product: {id: gen, type: saas, name: {zh-CN: 生成, en-US: Generated}, currency: CNY}
      attributes:

      """
    for (index, count) in valueCounts.enumerated() {
      text +=
        "  a\(index):\n    type: enum\n    name: {zh-CN: 属性\(index), en-US: A\(index)}\n    values:\n"
      for value in 0..<count { text += "      v\(value): {zh-CN: 值\(value), en-US: V\(value)}\n" }
    }
    let names = (0..<valueCounts.count).map { "a\($0)" }.joined(separator: ", ")
    text += "specs:\n  s:\n    name: {zh-CN: 规格, en-US: Spec}\n    billing: one-time\n"
    text += "    attributes: [\(names)]\n    rules:\n"
    // Up to 150 rules, so the forbid masks span several 64-bit words.
    let ruleCount = Int.random(in: 1...150, using: &random)
    for _ in 0..<ruleCount {
      if Int.random(in: 0..<8, using: &random) == 0 {
        text += "      - when: \(selector(&random, valueCounts))\n"
        text += "        require: \(selector(&random, valueCounts))\n"
      } else {
        text += "      - forbid: \(selector(&random, valueCounts))\n"
      }
    }
    text += "    pricing:\n      - add: 10\n"
    return (text, ruleCount)
  }

  @Test func compiledRulesRemoveByTheSameFirstRule() throws {
    var random = SeededGenerator(state: 14_0002)
    var positions = 0
    var removed = 0
    for _ in 0..<150 {
      let (yaml, _) = Self.spec(&random)
      var diagnostics = DiagnosticCollector()
      let parsed = Pipeline.parse(
        [CatalogSourceFile(path: "t.yaml", bytes: Array(yaml.utf8))], into: &diagnostics)
      let model = Pipeline.decode(parsed, into: &diagnostics)
      let validated = Validator.validate(model, into: &diagnostics)
      #expect(!diagnostics.hasErrors, "\(diagnostics.diagnostics.map(\.message))\n\(yaml)")
      for product in validated.products {
        for spec in product.specs {
          let radices = spec.enums.indices.map { spec.valueCount($0) }
          var matcher = RuleMatcher(rules: spec.rules, radices: radices)
          var selection = Array(repeating: 0, count: radices.count)
          let total = radices.reduce(1, *)
          for position in 0..<total {
            let changed = position > 0 ? Expander.advance(&selection, radices) : 0
            let expected = Expander.removingRule(spec.rules, selection)
            #expect(matcher.firstRemovingRule(selection, changedFrom: changed) == expected)
            positions += 1
            if expected != nil { removed += 1 }
          }
        }
      }
    }
    #expect(positions > 2000)
    #expect(removed > 500 && removed < positions)
  }
}
