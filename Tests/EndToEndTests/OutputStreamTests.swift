import Foundation
import Testing

/// The process layer end to end (issue 11, spec §12, §15): a stdout that cannot be written is
/// exit 2 unless its reader simply went away, in which case the status stays what the run
/// earned; with `--format json`, stdout is one JSON document.
@Suite("Standard output failures and JSON documents")
struct OutputStreamTests {
  /// Runs `script` in bash with `$0` = skuc and `$1`… = `arguments`; bash, not sh, for
  /// `PIPESTATUS`.
  func shell(_ script: String, _ arguments: [String] = []) throws -> ProcessResult {
    try runProcess(
      "/bin/bash", ["-c", script, Paths.skuc] + arguments, environment: ["NO_COLOR": "1"])
  }

  func badCatalog() throws -> URL {
    let temp = try Paths.temporaryDirectory()
    let crm = try String(contentsOfFile: Paths.catalogs + "/saas/crm.yaml", encoding: .utf8)
    try writeTree(
      ["crm.yaml": crm.replacingOccurrences(of: "currency: CNY", with: "currnecy: CNY")],
      at: temp)
    return temp
  }

  @Test func jsonDiagnosticsToAFullDiskExitTwo() throws {
    let temp = try badCatalog()
    defer { try? FileManager.default.removeItem(at: temp) }
    for catalog in [temp.path, Paths.catalogs] {
      let result = try shell(#""$0" check "$1" --format json >/dev/full"#, [catalog])
      #expect(result.status == 2, "\(catalog): \(result.stderr)")
      #expect(
        result.stderr == "skuc: error: cannot write to standard output: No space left on device\n")
    }
  }

  @Test func versionToAFullDiskExitsTwo() throws {
    let result = try shell(#""$0" --version >/dev/full"#)
    #expect(result.status == 2)
    #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
  }

  /// A gate that tripped stays tripped when the reader leaves after ten bytes: `head` closing
  /// the pipe must not turn exit 1 into 0. The diff is about 200 KB, well over a pipe's buffer.
  @Test func aTrippedGatePipedIntoHeadExitsOne() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    var old: [String: String] = [:]
    var new: [String: String] = [:]
    for index in 0..<20 {
      let product = MatrixQuoteCommandTests.wideProduct(index)
      old["old/p\(index).yaml"] = product
      new["new/p\(index).yaml"] = product.replacingOccurrences(of: "v9: 10", with: "v9: 11")
        .replacingOccurrences(of: "v0: 1,", with: "v0: 2,")
    }
    try writeTree(old.merging(new) { first, _ in first }, at: temp)
    let full = try skuc(["diff", temp.path + "/old", temp.path + "/new", "--fail-on", "any"])
    #expect(full.status == 1, "\(full.stderr)")
    try #require(full.stdout.utf8.count > 100_000, "the diff must overflow a pipe")

    let piped = try shell(
      #""$0" diff "$1" "$2" --fail-on any | head -c 10 >/dev/null; exit "${PIPESTATUS[0]}""#,
      [temp.path + "/old", temp.path + "/new"])
    #expect(piped.status == 1)
    #expect(piped.stderr.isEmpty, "\(piped.stderr)")
  }

  @Test func matrixIntoHeadOneLineExitsZeroQuietly() throws {
    let result = try shell(
      #""$0" matrix "$1" | head -1 >/dev/null; exit "${PIPESTATUS[0]}""#, [Paths.catalogs])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty, "\(result.stderr)")
  }

  @Test func buildSummaryAsJSONIsOneDocument() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let out = temp.appendingPathComponent("out").path
    let result = try skuc(
      ["build", Paths.catalogs, "--out", out, "--summary", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    let object = try #require(document as? [String: Any], "\(result.stdout)")
    #expect(Set(object.keys) == ["diagnostics", "summary"])
    #expect((object["diagnostics"] as? [Any])?.isEmpty == true)
    let summary = try #require(object["summary"] as? [String: Any])
    #expect(summary["out"] as? String == out)
    #expect(summary["payloads"] as? Int == 5)
    #expect(summary["manifest"] as? String == "manifest.json")
    let products = try #require(summary["products"] as? [[String: Any]])
    let ids = products.compactMap { $0["id"] as? String }
    #expect(ids.count == 5 && ids == ids.sorted())
    let crm = try #require(products.first { $0["id"] as? String == "yunke-crm" })
    let specs = try #require(crm["specs"] as? [[String: Any]])
    let ranges = try #require(specs.first?["from"] as? [[String: Any]])
    #expect(ranges.allSatisfy { $0["low"] is String && $0["high"] is String })
    #expect(result.stdout.hasSuffix("}\n"))
  }

  @Test func buildSummaryAsJSONWithErrorsHasANullSummary() throws {
    let temp = try badCatalog()
    defer { try? FileManager.default.removeItem(at: temp) }
    let result = try skuc([
      "build", temp.path, "--out", temp.appendingPathComponent("out").path, "--summary",
      "--format", "json",
    ])
    #expect(result.status == 1)
    let document = try JSONSerialization.jsonObject(
      with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
    let object = try #require(document as? [String: Any], "\(result.stdout)")
    #expect(object["summary"] is NSNull)
    let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.contains { $0["code"] as? String == "T102" })
  }

  /// Without `--summary` the json format stays the plain array of spec §13.
  @Test func buildAsJSONWithoutSummaryIsTheArray() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let result = try skuc([
      "build", Paths.catalogs, "--out", temp.appendingPathComponent("out").path, "--format",
      "json",
    ])
    #expect(result.status == 0)
    #expect(result.stdout == "[]\n")
  }
}
