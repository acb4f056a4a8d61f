import Foundation
import Testing

/// `make test-fast` skips the suites tagged `.slow` by name (`swift test --skip` matches names,
/// not tags), so the Makefile's `SLOW_SUITES` must name exactly the tagged suites.
@Suite struct SlowSuiteListTests {
  @Test func theMakefileListsExactlyTheSuitesTaggedSlow() throws {
    let makefile = try String(
      contentsOf: packageRoot.appendingPathComponent("Makefile"), encoding: .utf8)
    let line = try #require(
      makefile.split(separator: "\n").first { $0.hasPrefix("SLOW_SUITES := ") })
    let listed = Set(line.dropFirst("SLOW_SUITES := ".count).split(separator: "|").map(String.init))

    var tagged: Set<String> = []
    let tests = packageRoot.appendingPathComponent("Tests")
    let files = FileManager.default.enumerator(atPath: tests.path)?.compactMap { $0 as? String }
    for file in files ?? []
    where file.hasSuffix(".swift") && !file.hasSuffix("SlowSuiteListTests.swift") {
      let text = try String(
        contentsOf: tests.appendingPathComponent(file), encoding: .utf8)
      var rest = Substring(text)
      while let tag = rest.range(of: ".tags(.slow)") {
        rest = rest[tag.upperBound...]
        guard let declaration = rest.range(of: "struct ") else { break }
        let name = rest[declaration.upperBound...].prefix { $0.isLetter || $0.isNumber }
        tagged.insert(String(name))
        rest = rest[declaration.upperBound...]
      }
    }
    #expect(tagged.count >= 5)
    #expect(listed == tagged)
  }
}
