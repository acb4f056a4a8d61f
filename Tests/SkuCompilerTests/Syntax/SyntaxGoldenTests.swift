import Testing

@testable import SkuCompiler

/// Every bad-input class of the front end, as `Fixtures/syntax/<name>.yaml` with the text
/// diagnostics it must produce in `<name>.expected` (regenerate with `SKUC_UPDATE_GOLDENS=1`,
/// see `Goldens`). A fixture that parses also records its node tree with positions
/// (`line:column+offset`), which pins down ranges and byte offsets.
@Suite struct SyntaxGoldenTests {
  static let fixtures = Goldens.names(in: "syntax", ext: "yaml")

  @Test func fixturesArePresent() {
    #expect(Self.fixtures.count >= 40)
  }

  @Test(arguments: fixtures)
  func golden(_ name: String) throws {
    let file = name + ".yaml"
    let bytes = try Goldens.input("syntax", file)
    let result = YAMLFrontEnd.parse(bytes, file: file)
    var output = DiagnosticRenderer(format: .text, sources: [file: bytes]).render(
      result.diagnostics)
    if result.document != nil {
      #expect(result.diagnostics.allSatisfy { $0.severity != .error })
      output += NodeDump.events(result.document, positions: true).joined(separator: "\n") + "\n"
    } else {
      #expect(result.diagnostics.contains { $0.severity == .error }, "rejected without an error")
    }
    try Goldens.check(output, against: name + ".expected", in: "syntax")
  }
}
