import Testing

@testable import SkuCompiler

/// The YAML subset rules of spec §1 beyond what the golden files show: limits, recovery,
/// and the places where the front end departs from what libyaml alone would do.
@Suite struct SubsetRuleTests {
  @Test func aMillionOpenBracketsStopAtTheFirstNodeTooDeep() throws {
    let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
    let result = FrontEnd.parse(bytes: bytes)
    #expect(result.document == nil)
    #expect(result.codes == [.nestingTooDeep])
    let range = try #require(result.diagnostics.first?.range)
    #expect(range.start == SourceLocation(line: 1, column: 65, offset: 64))
  }

  @Test func halfAMillionBlockListsStopAtTheFirstNodeTooDeep() {
    let result = FrontEnd.parse(String(repeating: "- ", count: 500_000) + "x\n")
    #expect(result.codes == [.nestingTooDeep])
    #expect(result.positions == ["1:129"])
  }

  @Test func sixtyFourLevelsAreAllowedAndSixtyFiveAreNot() {
    let allowed = FrontEnd.parse(
      String(repeating: "[", count: 64) + String(repeating: "]", count: 64))
    #expect(allowed.diagnostics.isEmpty)
    #expect(allowed.document != nil)
    let refused = FrontEnd.parse(
      String(repeating: "[", count: 65) + String(repeating: "]", count: 65))
    #expect(refused.codes == [.nestingTooDeep])
  }

  @Test func billionLaughsIsRefusedAtItsAnchorsAndAliases() {
    var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in 1..<10 {
      let alias = "*a\(level - 1)"
      let items = Array(repeating: alias, count: 9).joined(separator: ", ")
      text += "a\(level): &a\(level) [\(items)]\n"
    }
    let result = FrontEnd.parse(text)
    #expect(result.document == nil)
    #expect(!result.diagnostics.isEmpty)
    #expect(result.codes.allSatisfy { $0 == .anchorOrAlias })
  }

  @Test func aliasesAndAnchorsAreEachReported() {
    let result = FrontEnd.parse("a: &x 1\nb: *x\nc: [*x, &y 2]\n*x : d\n")
    #expect(result.codes == Array(repeating: .anchorOrAlias, count: 5))
    #expect(result.positions == ["1:4", "2:4", "3:5", "3:9", "4:1"])
  }

  @Test func independentProblemsAreAllReportedInOnePass() {
    let text = """
      a: !!str 1
      b: &anchor 2
      a: 3
      <<: {c: 4}
      [d]: 5

      """
    let result = FrontEnd.parse(text)
    #expect(result.codes == [.tag, .anchorOrAlias, .duplicateKey, .mergeKey, .nonScalarKey])
    #expect(result.positions == ["1:4", "2:4", "3:1", "4:1", "5:1"])
  }

  @Test func duplicatesAreFoundInLargeMappingsToo() throws {
    var text = (0..<40).map { "key\($0): \($0)\n" }.joined()
    text += "key7: again\n"
    let result = FrontEnd.parse(text)
    #expect(result.codes == [.duplicateKey])
    #expect(result.positions == ["41:1"])
    let note = try #require(result.diagnostics.first?.notes.first?.range)
    #expect(note.start.line == 8)
  }

  @Test func canonicallyEqualKeysAreDuplicatesInSmallAndLargeMappings() {
    let small = FrontEnd.parse("caf\u{E9}: 1\ncafe\u{301}: 2\n")
    #expect(small.codes == [.duplicateKey])
    #expect(small.diagnostics.first?.message.contains("normalization") == true)
    let filler = (0..<20).map { "k\($0): \($0)\n" }.joined()
    let large = FrontEnd.parse(
      filler + "caf\u{E9}: 1\n" + filler.replacing("k", with: "j") + "cafe\u{301}: 2\n")
    #expect(large.codes == [.duplicateKey])
    #expect(large.positions == ["42:1"])
  }

  @Test func keysKeepTheirOrderAndScalarsTheirStyleAndText() {
    let text = """
      plain: NO
      single: '0.10'
      double: "tab\\there"
      literal: |
        line one
        line two
      folded: >
        one
        two
      empty:
      tilde: ~

      """
    let result = FrontEnd.parse(text)
    #expect(result.diagnostics.isEmpty)
    let values = result.rootEntries.map { entry -> String in
      guard case .scalar(let scalar) = entry.value else { return "not a scalar" }
      return "\(entry.key.text)=\(scalar.style.rawValue):\(scalar.text)"
    }
    #expect(
      values == [
        "plain=plain:NO", "single=singleQuoted:0.10", "double=doubleQuoted:tab\there",
        "literal=literal:line one\nline two\n", "folded=folded:one two\n", "empty=plain:",
        "tilde=plain:~",
      ])
  }

  @Test func aQuotedMergeKeyIsAnOrdinaryKey() {
    let result = FrontEnd.parse("\"<<\": 1\n'<<': 2\n")
    #expect(result.codes == [.duplicateKey])
  }

  @Test func keysOfExactly1024CharactersAreAllowed() {
    let longest = String(repeating: "k", count: 1024)
    #expect(FrontEnd.parse("a: 1\n\(longest): v\n").diagnostics.isEmpty)
    #expect(FrontEnd.parse("\(longest): v\n").diagnostics.isEmpty)
  }

  @Test(arguments: [
    "a: 1\n\(String(repeating: "k", count: 1025)): v\n",
    "\(String(repeating: "k", count: 1025)): v\n",
    "- \(String(repeating: "k", count: 1100)): v\n",
    "? \(String(repeating: "k", count: 1025))\n: v\n",
    "{\"\(String(repeating: "键", count: 1025))\": v}\n",
  ])
  func longerKeysAreReportedAsTooLong(text: String) {
    let result = FrontEnd.parse(text)
    #expect(result.codes == [.keyTooLong])
  }

  @Test func documentMarkersAroundTheOnlyDocumentAreFine() {
    #expect(FrontEnd.parse("---\na: 1\n...\n").diagnostics.isEmpty)
    #expect(FrontEnd.parse("# head\n--- # the product\na: 1\n").diagnostics.isEmpty)
  }

  @Test func aSecondDocumentIsReportedAtItsStart() {
    #expect(FrontEnd.parse("--- \na: 1\n--- \nb: 2\n").positions == ["3:1"])
    #expect(FrontEnd.parse("a: 1\n...\n---\nb: 2\n").positions == ["3:1"])
  }

  @Test(arguments: ["", "\n\n", "   \n", "# one\n# two\n", "---\n", "--- # empty\n...\n"])
  func emptyFilesAreReportedAtTheFirstCharacter(text: String) {
    let result = FrontEnd.parse(text)
    #expect(result.codes == [.emptyDocument])
    #expect(result.positions == ["1:1"])
    #expect(result.diagnostics.first?.message == "catalog is empty")
  }

  @Test(arguments: [
    "%YAML 1.2\n---\na: 1\n", "%YAML 1.1\n---\na: 1\n", "%TAG ! tag:x,1:\n---\na: 1\n",
  ])
  func everyDirectiveIsRefused(text: String) {
    #expect(FrontEnd.parse(text).codes == [.directive])
  }

  @Test(arguments: [
    ("a:\n\tb: 1\n", "2:1"),
    ("a: b\n\tc\n", "2:1"),
    ("a: \"b\n\tc\"\n", "2:1"),
    ("a: [b,\n\tc]\n", "2:1"),
    ("a:\n  - b\n  \t- c\n", "3:3"),
  ])
  func tabsInTheIndentationAreRefused(text: String, position: String) {
    let result = FrontEnd.parse(text)
    #expect(result.codes == [.tabIndentation])
    #expect(result.positions == [position])
  }

  @Test func tabsInsideTextAndBlockScalarsAreAllowed() {
    let result = FrontEnd.parse("a: b\tc\nd: |\n  x\n  \ty\ne: 1\t# comment\n")
    #expect(result.diagnostics.isEmpty)
  }

  @Test func syntaxErrorsUseLibyamlsMarkAndPointAtTheEnclosingList() throws {
    let result = FrontEnd.parse("prices: [1, 2\n")
    #expect(result.codes == [.syntaxError])
    let diagnostic = try #require(result.diagnostics.first)
    #expect(diagnostic.message == "did not find expected ',' or ']'")
    #expect(diagnostic.notes.first?.range?.start.column == 9)
  }

  @Test func blockCollectionsEndAtTheirLastValueAndFlowOnesAtTheirBracket() throws {
    let result = FrontEnd.parse("a:\n  b: 1\n  c: [x, y]  \n\n# trailing\n")
    let entry = try #require(result.rootEntries.first)
    #expect(entry.value.range.start == SourceLocation(line: 2, column: 3, offset: 5))
    #expect(entry.value.range.end == SourceLocation(line: 3, column: 12, offset: 21))
    #expect(result.document?.root.range.end == entry.value.range.end)
  }

  @Test func byteOffsetsAgreeWithLinesAndColumnsInMixedText() throws {
    let text =
      "\u{FEFF}name: {zh-CN: 基础版, en-US: 'Basic ''plan'''}\r\n"
      + "values:\r\n  - 'v😀'\r\n  - \"esc\\u00e9 版\"\r\n  - plain 版本 text\r\n"
      + "note: |\r\n  第一行\r\n  second\r\nfolded: >-\r\n  a\r\n  b\r\n"
      + "multi: 'one\r\n  two'\r\nflow: [ 一 , \"二\" ,'三' ]\r\n"
    let bytes = Array(text.utf8)
    let result = FrontEnd.parse(bytes: bytes)
    #expect(result.diagnostics.isEmpty)
    let document = try #require(result.document)
    #expect(PositionCheck.mismatches(in: document, bytes: bytes).isEmpty)
  }

  /// Mixed YAML fragments and random bytes: the front end must never trap, hang or return
  /// a document together with an error, and every position must lie inside the file.
  @Test func arbitraryInputNeverTraps() {
    let fragments = [
      "a", ": ", "- ", "[", "]", "{", "}", ", ", "\n", "  ", "\t", "\"", "'", "&x ", "*x", "!t ",
      "? ", "|\n", ">-\n", "---\n", "...\n", "%YAML 1.2\n", "#c", "<<: ", "é", "版", "\u{2028}",
      "\r\n", "\\", "~",
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for _ in 0..<2_000 {
      var bytes: [UInt8] = []
      for _ in 0..<next(40) {
        if next(10) == 0 {
          bytes.append(UInt8(next(256)))
        } else {
          bytes += Array(fragments[next(fragments.count)].utf8)
        }
      }
      let result = FrontEnd.parse(bytes: bytes)
      let hasError = result.diagnostics.contains { $0.severity == .error }
      #expect(hasError != (result.document != nil), "\(bytes)")
      for range in result.diagnostics.compactMap(\.range) {
        #expect(range.start.line >= 1 && range.start.column >= 1)
        #expect(range.start.offset >= 0 && range.start.offset <= bytes.count)
      }
    }
  }
}
