import Foundation
import SkuCompiler
import Testing

/// The pipeline fuzzer starts from the committed seeds in `Fuzz/seeds/pipeline/`: one catalog
/// per diagnostic code, the fixtures of `DiagnosticCoverageTests`, so that mutation starts next
/// to every error path. This keeps the seeds equal to the fixtures; run with
/// `SKUC_UPDATE_GOLDENS=1` to rewrite them after a fixture changes.
@Suite struct FuzzSeedCorpusTests {
  static let directory = packageRoot.appendingPathComponent("Fuzz/seeds/pipeline")

  @Test func seedsAreTheDiagnosticCoverageFixtures() throws {
    let expected = DiagnosticCoverageTests.cases.filter { !$0.value.isEmpty }
      .reduce(into: [String: Data]()) { $0["\($1.key.rawValue).yaml"] = Data($1.value.utf8) }
    if ProcessInfo.processInfo.environment["SKUC_UPDATE_GOLDENS"] == "1" {
      try? FileManager.default.removeItem(at: Self.directory)
      try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
      for (name, data) in expected {
        try data.write(to: Self.directory.appendingPathComponent(name))
      }
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
    #expect(Set(names) == Set(expected.keys), "run with SKUC_UPDATE_GOLDENS=1 to update")
    for (name, data) in expected {
      let committed = FileManager.default.contents(
        atPath: Self.directory.appendingPathComponent(name).path)
      #expect(committed == data, "\(name) differs; run with SKUC_UPDATE_GOLDENS=1 to update")
    }
  }
}
