import Testing

@testable import SkuCompiler

/// The three diagnostic printers and the summary line.
@Suite struct DiagnosticRendererTests {
  static let file = "Catalogs/crm.yaml"

  static func range(line: Int, from start: Int, to end: Int) -> SourceRange {
    SourceRange(
      file: file, start: SourceLocation(line: line, column: start, offset: 0),
      end: SourceLocation(line: line, column: end, offset: 0))
  }

  static func text(_ diagnostics: [Diagnostic], source: String, colour: Bool = false) -> String {
    DiagnosticRenderer(format: .text, colour: colour, sources: [file: Array(source.utf8)])
      .render(diagnostics)
  }

  @Test func caretsLineUpUnderWideCharacters() {
    let source = "name: {zh-CN: 版本类型, en-US: Edition}\n"
    let diagnostic = Diagnostic.error(
      .unknownKey, "unknown locale 'en-US'", at: Self.range(line: 1, from: 21, to: 26))
    let expected = """
      Catalogs/crm.yaml:1:21: error[T102]: unknown locale 'en-US'
       1 | name: {zh-CN: 版本类型, en-US: Edition}
         |                         ^~~~~

      """
    #expect(Self.text([diagnostic], source: source) == expected)
  }

  @Test func aRangeOverWideCharactersIsTwiceAsWide() {
    let source = "name: {zh-CN: 版本类型}\n"
    let diagnostic = Diagnostic.error(.invalidID, "bad", at: Self.range(line: 1, from: 15, to: 19))
    let caretLine = Self.text([diagnostic], source: source).split(separator: "\n")[2]
    #expect(caretLine == "   |               ^~~~~~~~")
  }

  @Test func notesAndHintsFollowTheDiagnostic() {
    let source = "a: 1\nb: 2\na: 3\n"
    let diagnostic = Diagnostic.error(
      .duplicateKey, "duplicate key 'a' in this mapping", at: Self.range(line: 3, from: 1, to: 2),
      notes: [
        DiagnosticNote("'a' first appears here", at: Self.range(line: 1, from: 1, to: 2)),
        DiagnosticNote("notes without a place have no location"),
      ],
      hint: "remove one of them")
    let expected = """
      Catalogs/crm.yaml:3:1: error[Y018]: duplicate key 'a' in this mapping
       3 | a: 3
         | ^
      Catalogs/crm.yaml:1:1: note: 'a' first appears here
       1 | a: 1
         | ^
      note: notes without a place have no location
      hint: remove one of them

      """
    #expect(Self.text([diagnostic], source: source) == expected)
  }

  @Test func diagnosticsWithoutAPlaceNameTheTool() {
    let diagnostic = Diagnostic.error(
      .emptyCatalogTree, "no *.yaml or *.yml files under C", at: nil)
    #expect(
      Self.text([diagnostic], source: "") == "skuc: error[Y031]: no *.yaml or *.yml files under C\n"
    )
  }

  @Test func warningsAreLabelledAsWarnings() {
    let diagnostic = Diagnostic.warning(.ruleHasNoEffect, "has no effect", at: nil)
    #expect(Self.text([diagnostic], source: "") == "skuc: warning[R305]: has no effect\n")
  }

  @Test func tabsShowAsOneSpaceSoCaretsStayAligned() {
    let diagnostic = Diagnostic.error(
      .tabIndentation, "tabs", at: Self.range(line: 1, from: 4, to: 5))
    let lines = Self.text([diagnostic], source: "a:\t\tb\n").split(separator: "\n")
    #expect(lines[1] == " 1 | a:  b")
    #expect(lines[2] == "   |    ^")
  }

  @Test func controlCharactersAreShownAsSymbols() {
    let diagnostic = Diagnostic.error(
      .forbiddenCharacter, "bell", at: Self.range(line: 1, from: 4, to: 5))
    let lines = Self.text([diagnostic], source: "a: \u{7}x\n").split(separator: "\n")
    #expect(lines[1] == " 1 | a: \u{2407}x")
  }

  @Test func longLinesAreCutAroundTheCaret() {
    let source =
      String(repeating: "a", count: 300) + "!" + String(repeating: "b", count: 300) + "\n"
    let diagnostic = Diagnostic.error(
      .syntaxError, "bang", at: Self.range(line: 1, from: 301, to: 302))
    let lines = Self.text([diagnostic], source: source).split(separator: "\n")
    #expect(lines[1].hasPrefix(" 1 | …aaa"))
    #expect(lines[1].hasSuffix("bbb…"))
    let shown = lines[1].dropFirst(" 1 | ".count)
    let caret = lines[2].dropFirst("   | ".count)
    #expect(shown.count == 162)
    #expect(Array(shown)[caret.count - 1] == "!")
  }

  @Test func aCaretPastTheEndOfTheLineStillShows() {
    let diagnostic = Diagnostic.error(.syntaxError, "end", at: Self.range(line: 2, from: 1, to: 1))
    let lines = Self.text([diagnostic], source: "a: [1\n").split(
      separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[1] == " 2 |")
    #expect(lines[2] == "   | ^")
  }

  @Test func unknownSourcesPrintOnlyTheHeader() {
    let diagnostic = Diagnostic.error(.syntaxError, "oops", at: Self.range(line: 9, from: 1, to: 2))
    let output = DiagnosticRenderer(format: .text).render([diagnostic])
    #expect(output == "Catalogs/crm.yaml:9:1: error[Y010]: oops\n")
  }

  @Test func colourIsOnlyUsedWhenAsked() {
    let diagnostic = Diagnostic.error(.syntaxError, "oops", at: Self.range(line: 1, from: 1, to: 2))
    let plain = Self.text([diagnostic], source: "x\n")
    let coloured = Self.text([diagnostic], source: "x\n", colour: true)
    #expect(!plain.contains("\u{1B}"))
    #expect(coloured.contains("\u{1B}[1;31merror[Y010]:\u{1B}[0m"))
    #expect(coloured.contains("\u{1B}[32m^\u{1B}[0m"))
  }

  @Test func jsonHasAFixedKeyOrderAndEscapesStrings() {
    let diagnostic = Diagnostic.error(
      .duplicateKey, "say \"hi\" \\ back\nslash\ttab \u{1} \u{2028} 版本",
      at: Self.range(line: 3, from: 1, to: 2),
      notes: [DiagnosticNote("first", at: Self.range(line: 1, from: 1, to: 2))], hint: "fix it")
    let expected = """
      [
        {"file":"Catalogs/crm.yaml","line":3,"column":1,"endLine":3,"endColumn":2,\
      "severity":"error","code":"Y018",\
      "message":"say \\"hi\\" \\\\ back\\nslash\\ttab \\u0001 \\u2028 版本",\
      "notes":[{"file":"Catalogs/crm.yaml","line":1,"column":1,"endLine":1,"endColumn":2,\
      "message":"first"}],"hint":"fix it"}
      ]

      """
    #expect(DiagnosticRenderer(format: .json).render([diagnostic]) == expected)
  }

  @Test func jsonWritesNullsForWhatIsAbsent() {
    let diagnostic = Diagnostic.warning(.ruleHasNoEffect, "no effect", at: nil)
    let expected = """
      [
        {"file":null,"line":null,"column":null,"endLine":null,"endColumn":null,\
      "severity":"warning","code":"R305","message":"no effect","notes":[],"hint":null}
      ]

      """
    #expect(DiagnosticRenderer(format: .json).render([diagnostic]) == expected)
    #expect(DiagnosticRenderer(format: .json).render([]) == "[]\n")
  }

  @Test func githubAnnotationsEscapeDataAndProperties() {
    let range = SourceRange(
      file: "Catalogs/a,b:c%.yaml", start: SourceLocation(line: 3, column: 5, offset: 0),
      end: SourceLocation(line: 3, column: 6, offset: 0))
    let diagnostic = Diagnostic.error(
      .syntaxError, "100% sure: a, b\r\nnext", at: range,
      notes: [DiagnosticNote("starts here", at: range)], hint: "quote it")
    let expected =
      "::error file=Catalogs/a%2Cb%3Ac%25.yaml,line=3,col=5::"
      + "[Y010] 100%25 sure: a, b\\u{D}\\u{A}next%0ACatalogs/a,b:c%25.yaml:3:5: note: starts here"
      + "%0Ahint: quote it\n"
    #expect(DiagnosticRenderer(format: .github).render([diagnostic]) == expected)
  }

  @Test func controlCharactersInPathsAndMessagesAreEscapedInTextAndGitHub() {
    let range = SourceRange(
      file: "Catalogs/a\u{1B}[2J.yaml", start: SourceLocation(line: 1, column: 1, offset: 0),
      end: SourceLocation(line: 1, column: 1, offset: 0))
    let diagnostic = Diagnostic.error(
      .unreadableFile, "name 'x\u{9B}y\u{7F}'", at: range,
      notes: [DiagnosticNote("n\u{7}", at: range)],
      hint: "h\u{0}")
    #expect(
      DiagnosticRenderer(format: .text).render([diagnostic]) == """
        Catalogs/a\\u{1B}[2J.yaml:1:1: error[Y030]: name 'x\\u{9B}y\\u{7F}'
        Catalogs/a\\u{1B}[2J.yaml:1:1: note: n\\u{7}
        hint: h\\u{0}

        """)
    #expect(
      DiagnosticRenderer(format: .github).render([diagnostic])
        == "::error file=Catalogs/a\\u{1B}[2J.yaml,line=1,col=1::[Y030] name 'x\\u{9B}y\\u{7F}'"
        + "%0ACatalogs/a\\u{1B}[2J.yaml:1:1: note: n\\u{7}%0Ahint: h\\u{0}\n")
  }

  @Test func githubWarningsAndPlacelessDiagnostics() {
    let diagnostic = Diagnostic.warning(.ruleHasNoEffect, "no effect", at: nil)
    #expect(
      DiagnosticRenderer(format: .github).render([diagnostic])
        == "::warning::[R305] no effect\n")
  }

  @Test func summaryCountsErrorsAndWarnings() {
    #expect(DiagnosticRenderer.summary(errors: 2, warnings: 1) == "2 errors, 1 warning generated")
    #expect(DiagnosticRenderer.summary(errors: 1, warnings: 0) == "1 error generated")
    #expect(DiagnosticRenderer.summary(errors: 0, warnings: 3) == "3 warnings generated")
    #expect(DiagnosticRenderer.summary(errors: 0, warnings: 0) == "no errors or warnings")
  }

  @Test func everyFormatHasAName() {
    #expect(DiagnosticFormat.allCases.map(\.rawValue) == ["text", "json", "github"])
  }
}
