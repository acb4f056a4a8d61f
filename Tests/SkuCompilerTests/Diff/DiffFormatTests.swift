import Testing

@testable import SkuCompiler

@Suite struct DiffFormatTests {
  typealias F = DiffFixture

  @Test func noChangesInEveryFormat() {
    let result = F.compare(F.single("1"), F.single("1"))
    #expect(DiffTextFormat.render(result, gates: [], colour: false) == "no changes\n")
    #expect(DiffMarkdownFormat.render(result, gates: []).contains("**no changes**"))
    let json = DiffJSONFormat.document(result, gates: [])
    guard case .object(let members) = json else {
      Issue.record("not an object")
      return
    }
    #expect(members.map(\.0) == ["format", "summary", "changes", "gates"])
    #expect(members[2].1 == .array([]))
  }

  @Test func summaryLineCountsAndPercentRange() {
    let old = DiffSide(products: [
      F.product(
        "p",
        [
          F.spec(
            "s", periods: [.month],
            [
              F.sku("p/s/x=a", [F.price(.month, "100")]),
              F.sku("p/s/x=b", [F.price(.month, "100")]),
              F.sku("p/s/x=c", [F.price(.month, "1")]),
            ])
        ])
    ])
    let new = DiffSide(products: [
      F.product(
        "p",
        [
          F.spec(
            "s", periods: [.month],
            [
              F.sku("p/s/x=a", [F.price(.month, "112.5")]),
              F.sku("p/s/x=b", [F.price(.month, "97")]),
              F.sku("p/s/x=d", [F.price(.month, "1")]), F.sku("p/s/x=e", [F.price(.month, "1")]),
            ])
        ])
    ])
    let text = DiffTextFormat.render(F.compare(old, new), gates: [], colour: false)
    #expect(
      text.hasPrefix("2 SKUs added, 1 SKU delisted, 2 SKUs repriced (+12.5% max, -3.0% min)\n"))
  }

  @Test func colourOnlyWhenAsked() {
    let result = F.compare(F.single("1"), F.single("2"))
    #expect(!DiffTextFormat.render(result, gates: [], colour: false).contains("\u{1B}["))
    #expect(DiffTextFormat.render(result, gates: [], colour: true).contains("\u{1B}[33m"))
  }

  @Test func markdownEscapesNames() {
    #expect(
      DiffMarkdownFormat.escape("a|b *c* _d_ <script> [x](y) `z` #1\nnext")
        == ##"a\|b \*c\* \_d\_ &lt;script&gt; \[x\](y) \`z\` \#1 next"##)
    let old = DiffSide(products: [
      F.product(
        "p",
        [
          F.spec(
            "s", periods: [.month], [F.sku("p/s/x=a", name: "Pro | <b>", [F.price(.month, "1")])])
        ])
    ])
    let new = DiffSide(products: [
      F.product(
        "p",
        [
          F.spec(
            "s", periods: [.month], [F.sku("p/s/x=a", name: "Pro | <b>", [F.price(.month, "2")])])
        ])
    ])
    let markdown = DiffMarkdownFormat.render(F.compare(old, new), gates: [])
    #expect(
      markdown.contains(
        #"| Pro \| &lt;b&gt; (`x=a`) | month | price | 1.00 | 2.00 | +1.00, +100.0% |"#))
  }

  @Test func markdownFoldsLongTablesIntoDetails() {
    let keys = (0..<60).map { "p/s/x=v" + ($0 < 10 ? "0" : "") + String($0) }
    let old = DiffSide(products: [
      F.product(
        "p",
        [
          F.spec(
            "s", periods: [.month], keys.map { F.sku($0, [F.price(.month, "10", from: "10")]) })
        ])
    ])
    let new = DiffSide(products: [
      F.product(
        "p",
        [
          F.spec(
            "s", periods: [.month], keys.map { F.sku($0, [F.price(.month, "11", from: "10")]) })
        ])
    ])
    let lines = DiffMarkdownFormat.render(F.compare(old, new), gates: []).split(
      separator: "\n", omittingEmptySubsequences: false)
    let rows = lines.filter { $0.hasPrefix("| p/s/x=v") }
    #expect(rows.count == 60)
    let details = lines.firstIndex(of: "<details><summary>10 more repriced amounts</summary>")
    let fiftieth = lines.firstIndex { $0.hasPrefix("| p/s/x=v49 ") }
    let fifty1st = lines.firstIndex { $0.hasPrefix("| p/s/x=v50 ") }
    #expect(details != nil && fiftieth != nil && fifty1st != nil)
    if let details, let fiftieth, let fifty1st {
      #expect(fiftieth < details && details < fifty1st)
    }
    #expect(lines.contains("</details>"))
  }

  @Test func gatesAppearInTextAndMarkdown() throws {
    let result = F.compare(F.single("100"), F.single("120"))
    let gates = try DiffGate.parse(["increase:10,removal"]).map { $0.evaluate(result) }
    let text = DiffTextFormat.render(result, gates: gates, colour: false)
    #expect(
      text.contains(
        "\ngates\n  increase:10 tripped: p/s/x=a month price 100.00 -> 120.00 (+20.00, +20.0%) (and 1 more)\n"
      ))
    #expect(text.contains("  removal passed: nothing is delisted\n"))
    let markdown = DiffMarkdownFormat.render(result, gates: gates)
    #expect(markdown.contains("| `increase:10` | :x: tripped |"))
    #expect(markdown.contains("| `removal` | :white_check_mark: passed | nothing is delisted |"))
  }
}
