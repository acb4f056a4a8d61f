import Foundation
import Testing

/// Spec §12 and reliability F3–F5: whatever happens to a build, DIR holds the whole old or
/// the whole new content, and staging directories never pile up.
@Suite(.serialized, .tags(.slow)) struct CrashSafetyTests {
  /// Two catalog versions that produce different payloads, and their payload snapshots.
  struct Versions {
    var root: URL
    var old: URL
    var new: URL
    var out: URL
    var oldSnapshot: [String: Data]
    var newSnapshot: [String: Data]
  }

  func makeVersions() throws -> Versions {
    let root = try Paths.temporaryDirectory()
    let old = root.appendingPathComponent("old")
    let new = root.appendingPathComponent("new")
    try FileManager.default.copyItem(atPath: Paths.catalogs, toPath: old.path)
    try FileManager.default.copyItem(atPath: Paths.catalogs, toPath: new.path)
    let crm = new.appendingPathComponent("saas/crm.yaml")
    let text = try String(contentsOf: crm, encoding: .utf8)
      .replacingOccurrences(
        of: "table: {basic: 99, enterprise: 299, flagship: 699}",
        with: "table: {basic: 109, enterprise: 299, flagship: 699}")
    try Data(text.utf8).write(to: crm)
    let probeOld = root.appendingPathComponent("probe-old")
    let probeNew = root.appendingPathComponent("probe-new")
    try skuc(["build", old.path, "--out", probeOld.path])
    try skuc(["build", new.path, "--out", probeNew.path])
    let versions = Versions(
      root: root, old: old, new: new, out: root.appendingPathComponent("out"),
      oldSnapshot: try snapshot(probeOld), newSnapshot: try snapshot(probeNew))
    #expect(versions.oldSnapshot != versions.newSnapshot)
    return versions
  }

  func stagingLeftovers(_ versions: Versions) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: versions.root.path).filter {
      $0.contains("skuc-staging")
    }
  }

  /// Starts a slowed-down build of NEW into OUT and returns the running process.
  func startSlowBuild(_ versions: Versions, delayMilliseconds: Int = 40) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Paths.skuc)
    process.arguments = ["build", versions.new.path, "--out", versions.out.path]
    var environment = ProcessInfo.processInfo.environment
    environment["SKUC_TEST_WRITE_DELAY_MS"] = String(delayMilliseconds)
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  @Test func killNineLeavesWholeOldOrWholeNewContent() throws {
    let versions = try makeVersions()
    defer { try? FileManager.default.removeItem(at: versions.root) }
    var generator = SystemRandomNumberGenerator()
    var sawOld = false
    var sawNew = false
    for attempt in 0..<10 {
      try skuc(["build", versions.old.path, "--out", versions.out.path])
      let process = try startSlowBuild(versions)
      // Six files at 40 ms each: kill somewhere between start and well after the swap.
      // The first attempt kills early, the last one long after the build finished.
      let delay: UInt32 =
        switch attempt {
        case 0: 5_000
        case 9: 1_500_000
        default: UInt32.random(in: 5_000...400_000, using: &generator)
        }
      usleep(delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let content = try snapshot(versions.out)
      let isOld = content == versions.oldSnapshot
      let isNew = content == versions.newSnapshot
      #expect(
        isOld || isNew, "attempt \(attempt) after \(delay) µs left a mix: \(content.keys.sorted())")
      sawOld = sawOld || isOld
      sawNew = sawNew || isNew
    }
    #expect(sawOld, "no kill landed before the swap; the test did not exercise the protocol")
    #expect(sawNew, "the build never completed, even when left alone")
    // The next run removes whatever staging directory a kill left behind.
    #expect(try skuc(["build", versions.new.path, "--out", versions.out.path]).status == 0)
    #expect(try stagingLeftovers(versions).isEmpty)
    #expect(try snapshot(versions.out) == versions.newSnapshot)
  }

  @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
  func interruptRemovesStagingAndKeepsOldContent(signal: Int32, status: Int32) throws {
    let versions = try makeVersions()
    defer { try? FileManager.default.removeItem(at: versions.root) }
    try skuc(["build", versions.old.path, "--out", versions.out.path])
    let process = try startSlowBuild(versions, delayMilliseconds: 200)
    // Wait until the staging directory exists, so the signal lands mid-write.
    for _ in 0..<200 where try stagingLeftovers(versions).isEmpty { usleep(10_000) }
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    #expect(process.terminationStatus == status)
    #expect(try snapshot(versions.out) == versions.oldSnapshot)
    #expect(try stagingLeftovers(versions).isEmpty)
  }

  @Test func concurrentBuildsEndWithOneCompleteVersion() throws {
    let versions = try makeVersions()
    defer { try? FileManager.default.removeItem(at: versions.root) }
    let first = try startSlowBuild(versions, delayMilliseconds: 10)
    let second = Process()
    second.executableURL = URL(fileURLWithPath: Paths.skuc)
    second.arguments = ["build", versions.old.path, "--out", versions.out.path]
    var environment = ProcessInfo.processInfo.environment
    environment["SKUC_TEST_WRITE_DELAY_MS"] = "10"
    second.environment = environment
    second.standardOutput = FileHandle.nullDevice
    second.standardError = FileHandle.nullDevice
    try second.run()
    first.waitUntilExit()
    second.waitUntilExit()
    #expect(first.terminationStatus == 0)
    #expect(second.terminationStatus == 0)
    let content = try snapshot(versions.out)
    #expect(content == versions.oldSnapshot || content == versions.newSnapshot)
    #expect(try stagingLeftovers(versions).isEmpty)
  }
}
