import Foundation
import Testing

/// Keeps `docs/catalog-guide.md` true: every ```console block starting with `$ skuc ...` is
/// re-run from the package root and must print exactly what the guide shows (stdout, then
/// stderr, then `[exit N]` for a non-zero status), and every ```yaml block announced by
/// `<!-- file: PATH -->` must equal that file. `SKUC_UPDATE_GOLDENS=1` rewrites the blocks.
@Suite struct CatalogGuideTests {
  static let guide = Paths.packageRoot.appendingPathComponent("docs/catalog-guide.md")

  struct Block {
    enum Kind {
      case command([String])
      case file(String)
    }

    var kind: Kind
    /// Line indices of the block's content: after the opening fence (and the command line),
    /// up to the closing fence.
    var content: Range<Int>
  }

  static func blocks(_ lines: [String]) -> [Block] {
    var blocks: [Block] = []
    var index = 0
    while index < lines.count {
      let line = lines[index]
      if line == "```console", index + 1 < lines.count, lines[index + 1].hasPrefix("$ skuc ") {
        let arguments = lines[index + 1].dropFirst("$ skuc ".count).split(separator: " ").map(
          String.init)
        let end = closingFence(lines, after: index + 1)
        blocks.append(Block(kind: .command(arguments), content: (index + 2)..<end))
        index = end
      } else if line.hasPrefix("<!-- file: "), line.hasSuffix(" -->"), index + 1 < lines.count,
        lines[index + 1] == "```yaml"
      {
        let path = String(line.dropFirst("<!-- file: ".count).dropLast(" -->".count))
        let end = closingFence(lines, after: index + 1)
        blocks.append(Block(kind: .file(path), content: (index + 2)..<end))
        index = end
      }
      index += 1
    }
    return blocks
  }

  static func closingFence(_ lines: [String], after start: Int) -> Int {
    var index = start + 1
    while index < lines.count && lines[index] != "```" { index += 1 }
    return index
  }

  /// What a block should hold, as lines.
  static func expected(_ block: Block) throws -> [String] {
    switch block.kind {
    case .command(let arguments):
      let result = try skuc(arguments, in: Paths.packageRoot)
      #expect(result.status < 128, "\(arguments) crashed")
      var text = result.stdout + result.stderr
      if result.status != 0 { text += "[exit \(result.status)]\n" }
      return text.isEmpty
        ? []
        : text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    case .file(let path):
      let text = try String(
        contentsOf: Paths.packageRoot.appendingPathComponent(path), encoding: .utf8)
      return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(
        String.init)
    }
  }

  @Test func everyExampleInTheGuideIsCurrent() throws {
    let lines = try String(contentsOf: Self.guide, encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let blocks = Self.blocks(lines)
    #expect(blocks.count >= 30, "the guide should show its examples; found \(blocks.count) blocks")
    var updated = lines
    for block in blocks.reversed() {
      let expected = try Self.expected(block)
      let shown = Array(lines[block.content])
      if ProcessInfo.processInfo.environment["SKUC_UPDATE_GOLDENS"] == "1" {
        updated.replaceSubrange(block.content, with: expected)
      } else {
        #expect(
          shown == expected,
          "guide block at line \(block.content.lowerBound) is out of date: \(block.kind)")
      }
    }
    if ProcessInfo.processInfo.environment["SKUC_UPDATE_GOLDENS"] == "1" {
      try Data(updated.joined(separator: "\n").utf8).write(to: Self.guide)
    }
  }

  /// Every construct of the language has an example the test runs.
  @Test func theGuideCoversEveryConstruct() throws {
    var text = ""
    for file in try FileManager.default.contentsOfDirectory(
      atPath: Paths.packageRoot.appendingPathComponent("docs/guide").path)
    where file.hasSuffix(".yaml") {
      text += try String(
        contentsOf: Paths.packageRoot.appendingPathComponent("docs/guide/\(file)"), encoding: .utf8)
    }
    for construct in [
      "type: enum", "type: quantity", "step:", "billing: period", "billing: one-time",
      "billing: on-demand\n", "billing: on-demand-package", "trial_days:", "usage_unit:",
      "forbid:", "require:", "limit:", "because:", "when:", "per:", "multiply:", "\"*\"",
      "model: graduated", "model: volume", "rounding: half-even", "precision:", "monotonic:",
      "ratio:", "bounds:",
    ] {
      #expect(text.contains(construct), "no guide example uses \(construct)")
    }
    let guide = try String(contentsOf: Self.guide, encoding: .utf8)
    #expect(guide.contains("(spec-readings.md)"))
    #expect(guide.contains("(diagnostics.md)"))
  }
}
