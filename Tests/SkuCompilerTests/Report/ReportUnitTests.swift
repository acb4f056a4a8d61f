import Testing

@testable import SkuCompiler

@Suite struct ReportNumbersTests {
  func decimals(_ texts: [String]) -> [ExactDecimal] {
    texts.compactMap { ExactDecimal(exactly: $0) }
  }

  @Test func levelsSpreadLinearlyFromLowestToHighest() {
    let values = decimals(["0", "1", "2", "3", "4", "5", "6"])
    #expect(ReportNumbers.levels(values) == [0, 1, 2, 3, 4, 5, 6])
    // 99 → 0, 699 → 6; 299 is a third of the way: 2 (2.0 exactly), 499 is 4.
    #expect(ReportNumbers.levels(decimals(["99", "299", "499", "699"])) == [0, 2, 4, 6])
  }

  @Test func levelsRoundHalfUpAtTheExactMidpoint() {
    // Over 0…12 with 7 steps a step is 2 wide: 1 is exactly halfway to step 1, 0.999 is not.
    let values = decimals(["0", "0.999", "1", "11", "12"])
    #expect(ReportNumbers.levels(values) == [0, 0, 1, 6, 6])
  }

  @Test func levelsTellApartAmountsBinaryFloatingPointCannot() {
    // 2^53 + 1 and 2^53 are the same Double; exactly, the larger is the top of the scale.
    let values = decimals(["9007199254740992", "9007199254740993"])
    #expect(ReportNumbers.levels(values) == [0, 6])
    let cents = decimals([
      "100000000000000000.00", "100000000000000000.01", "100000000000000000.02",
    ])
    #expect(ReportNumbers.levels(cents) == [0, 3, 6])
  }

  @Test func equalValuesAndEmptyListsTakeTheFirstStep() {
    #expect(ReportNumbers.levels(decimals(["5", "5.00", "5"])) == [0, 0, 0])
    #expect(ReportNumbers.levels([]) == [])
  }

  @Test func amountsGetThousandsSeparatorsAndKeepEveryDigit() {
    #expect(ReportNumbers.grouped("1234567.89") == "1,234,567.89")
    #expect(ReportNumbers.grouped("999.999") == "999.999")
    #expect(ReportNumbers.grouped("1000") == "1,000")
    #expect(ReportNumbers.grouped("-12345.5") == "-12,345.5")
    #expect(ReportNumbers.grouped("+100000") == "+100,000")
    #expect(ReportNumbers.grouped("0.008") == "0.008")
    let value = ExactDecimal(exactly: "1990")
    #expect(value.map { ReportNumbers.amount($0, places: 2) } == "1,990.00")
  }
}

@Suite struct ReportEscapingTests {
  @Test func everyMarkupCharacterIsEscaped() {
    #expect(
      HTML.escape(#"<script>alert("x") & 'y'</script>"#)
        == "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;")
    #expect(HTML.escape("基础版 / Basic") == "基础版 / Basic")
  }

  @Test func builderEscapesTextAndAttributesButNotItsOwnMarkup() {
    var html = HTMLBuilder()
    html.element("td", [("data-q", #""><img src=x onerror=alert(1)>"#), ("title", nil)]) {
      $0.text("</td></tr><script>x</script>")
    }
    #expect(
      html.html
        == #"<td data-q="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;x&lt;/script&gt;</td>"#
    )
  }
}

@Suite struct ReportPathsTests {
  @Test func filesAreShownFromTheCatalogDirectorysOwnName() {
    let relative = ReportPaths(root: "Catalogs")
    #expect(relative.display("Catalogs/saas/crm.yaml") == "Catalogs/saas/crm.yaml")
    let absolute = ReportPaths(root: "/home/ci/work/Catalogs/")
    #expect(absolute.catalogName == "Catalogs")
    #expect(absolute.display("/home/ci/work/Catalogs//saas/crm.yaml") == "Catalogs//saas/crm.yaml")
    #expect(absolute.display("/home/ci/work/Catalogs/saas/crm.yaml") == "Catalogs/saas/crm.yaml")
    let here = ReportPaths(root: ".")
    #expect(here.catalogName.isEmpty)
    #expect(here.display("./saas/crm.yaml") == "saas/crm.yaml")
    let file = ReportPaths(root: "/tmp/x/crm.yaml")
    #expect(file.display("/tmp/x/crm.yaml") == "crm.yaml")
  }

  @Test func sidesAreNamedWithoutTheirLocation() {
    #expect(ReportPaths.sideLabel("git:origin/main:Catalogs") == "git:origin/main:Catalogs")
    #expect(ReportPaths.sideLabel("/var/tmp/released/payloads/") == "payloads")
    #expect(ReportFile.parent(of: "build/report.html") == "build")
    #expect(ReportFile.parent(of: "report.html") == ".")
    #expect(ReportFile.parent(of: "/report.html") == "/")
  }
}
