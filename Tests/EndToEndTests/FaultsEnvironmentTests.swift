import Foundation
import Testing

/// Reliability F8 and G1 beyond `BuildCommandTests.buildIsDeterministic` (which varies TZ and
/// LANG): one CPU instead of all of them, and Swift's per-process hash seed turned off, give
/// byte-identical payloads. A `Dictionary` iteration order leaking into the output would show
/// up as a difference between the seeded and the deterministic hashing runs.
@Suite("Faults: environment", .serialized, .timeLimit(.minutes(2)))
struct FaultsEnvironmentTests {
  @Test func oneCPUAndAFixedHashSeedGiveTheSameBytes() throws {
    let root = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    var outputs: [[String: Data]] = []
    let variants: [(prefix: [String], environment: [String: String])] = [
      ([], [:]),
      (
        FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset")
          ? ["/usr/bin/taskset", "-c", "0"] : [], [:]
      ),
      ([], ["SWIFT_DETERMINISTIC_HASHING": "1"]),
      ([], [:]),
    ]
    for (index, variant) in variants.enumerated() {
      let out = root.appendingPathComponent("out\(index)")
      let run = try watchedSkuc(
        ["build", Paths.catalogs, "--out", out.path], prefix: variant.prefix,
        environment: variant.environment)
      #expect(run.status == 0, "\(run.summary)")
      outputs.append(try snapshot(out))
    }
    #expect(outputs.count == 4 && outputs.allSatisfy { $0 == outputs[0] && !$0.isEmpty })
  }
}
