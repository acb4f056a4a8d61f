import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reliability H1 and H2 end to end (spec §15, links): a catalog tree comes from a pull request,
/// so a link that leaves its root is an error whose target is never read or printed, and no
/// arrangement of links makes the walk longer than the tree.
@Suite("Untrusted trees: links", .serialized, .timeLimit(.minutes(3)))
struct UntrustedTreeTests {
  /// A tree `Catalogs/` holding one valid catalog, inside a scratch directory that also holds
  /// what lies outside the root.
  func scratch(_ setUp: (_ scratch: URL, _ catalogs: URL) throws -> Void) throws -> URL {
    let scratch = try Paths.temporaryDirectory()
    let catalogs = scratch.appendingPathComponent("Catalogs")
    try FileManager.default.createDirectory(at: catalogs, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: Paths.catalogs + "/saas/crm.yaml",
      toPath: catalogs.appendingPathComponent("good.yaml").path)
    try setUp(scratch, catalogs)
    return scratch
  }

  func link(_ at: URL, _ name: String, to target: String) throws {
    try FileManager.default.createSymbolicLink(
      atPath: at.appendingPathComponent(name).path, withDestinationPath: target)
  }

  @Test(arguments: ["text", "json", "github"])
  func aLinkOutsideTheRootIsAnErrorAndItsTargetIsNeverPrinted(format: String) throws {
    let scratch = try scratch { scratch, catalogs in
      // Tab indentation and a forbidden character: the old walk printed these lines under
      // Y011 and Y005.
      try Data("TOKEN=hunter2\n\tkey: hunter2\u{7}\n".utf8).write(
        to: scratch.appendingPathComponent("secret.env"))
      try link(catalogs, "b.yaml", to: "../secret.env")
      try link(catalogs, "env.yaml", to: "/proc/self/environ")
      try link(catalogs, "abs.yaml", to: scratch.appendingPathComponent("secret.env").path)
    }
    defer { try? FileManager.default.removeItem(at: scratch) }
    let catalogs = scratch.appendingPathComponent("Catalogs").path
    let run = try watchedSkuc(
      ["check", catalogs, "--format", format], timeout: 20,
      environment: ["SKUC_TEST_SECRET": "hunter3"])
    #expect(run.status == 1, "\(run.summary)")
    #expect(run.endedCleanly)
    let everything = run.stdout + run.stderr
    #expect(!everything.contains("hunter2"), "\(everything)")
    #expect(!everything.contains("hunter3"), "\(everything)")
    #expect(!everything.contains("TOKEN"), "\(everything)")
    for name in ["b.yaml", "env.yaml", "abs.yaml"] {
      #expect(
        everything.contains("\(catalogs)/\(name)") && everything.contains("Y040"),
        "\(name): \(everything)")
    }
    if format == "text" {
      #expect(
        errorLines(run).map(String.init) == [
          "\(catalogs)/abs.yaml:1:1: error[Y040]: symbolic link leads outside the catalog root; skuc does not follow it",
          "\(catalogs)/b.yaml:1:1: error[Y040]: symbolic link leads outside the catalog root; skuc does not follow it",
          "\(catalogs)/env.yaml:1:1: error[Y040]: symbolic link leads outside the catalog root; skuc does not follow it",
        ])
    }
  }

  @Test func aLinkInsideTheRootIsFollowed() throws {
    let scratch = try scratch { _, catalogs in
      let shared = catalogs.appendingPathComponent("_shared")
      try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
      try FileManager.default.moveItem(
        at: catalogs.appendingPathComponent("good.yaml"),
        to: shared.appendingPathComponent("crm.yaml"))
      try link(catalogs, "crm.yaml", to: "_shared/crm.yaml")
    }
    defer { try? FileManager.default.removeItem(at: scratch) }
    let run = try watchedSkuc(["check", scratch.appendingPathComponent("Catalogs").path])
    #expect(run.status == 0, "\(run.summary)")
  }

  @Test func aFileArgumentLinkingOutOfItsDirectoryIsRefused() throws {
    let scratch = try scratch { scratch, catalogs in
      try Data("TOKEN=hunter2\n".utf8).write(to: scratch.appendingPathComponent("secret.env"))
      try link(catalogs, "one.yaml", to: "../secret.env")
    }
    defer { try? FileManager.default.removeItem(at: scratch) }
    let file = scratch.appendingPathComponent("Catalogs/one.yaml").path
    let run = try watchedSkuc(["check", file])
    #expect(run.status == 1, "\(run.summary)")
    #expect(!(run.stdout + run.stderr).contains("hunter2"))
    #expect(errorLines(run).first?.hasPrefix("\(file):1:1: error[Y040]") == true, "\(run.stderr)")
  }

  @Test func aLinkToTheFileSystemRootIsAnErrorNotAWalkOfTheMachine() throws {
    let scratch = try scratch { _, catalogs in
      try link(catalogs, "everything", to: "/")
      try link(catalogs, "proc", to: "/proc")
    }
    defer { try? FileManager.default.removeItem(at: scratch) }
    let catalogs = scratch.appendingPathComponent("Catalogs").path
    let run = try watchedSkuc(["check", catalogs], timeout: 20)
    #expect(run.status == 1, "\(run.summary)")
    #expect(
      errorLines(run).map { String($0.prefix { $0 != "]" }) + "]" } == [
        "\(catalogs)/everything:1:1: error[Y040]", "\(catalogs)/proc:1:1: error[Y040]",
      ])
  }

  /// Each level links twice to the next: 2^30 paths, 31 directories. The old walk took hours.
  @Test func aDiamondOfDirectoryLinksReadsEachDirectoryOnce() throws {
    let levels = 30
    let scratch = try scratch { _, catalogs in
      for level in 0...levels {
        let directory = catalogs.appendingPathComponent("level\(level)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        guard level < levels else { continue }
        try link(directory, "left", to: "../level\(level + 1)")
        try link(directory, "right", to: "../level\(level + 1)")
      }
    }
    defer { try? FileManager.default.removeItem(at: scratch) }
    let catalogs = scratch.appendingPathComponent("Catalogs").path
    let run = try watchedSkuc(["check", catalogs], timeout: 30)
    #expect(run.status == 0, "\(run.summary)")
    #expect(run.endedCleanly)
    let warnings = run.stderr.split(separator: "\n").filter { $0.contains("warning[Y041]") }
    #expect(warnings.count == 2 * levels, "\(run.stderr.prefix(3000))")
    #expect(
      warnings.first
        == "\(catalogs)/level0/left:1:1: warning[Y041]: this directory was already read as '\(catalogs)/level1'; this second way in is skipped"
    )
  }

  @Test func aTreeWithMoreEntriesThanTheBoundStopsWithAnError() throws {
    let scratch = try scratch { _, catalogs in
      let big = catalogs.appendingPathComponent("big")
      try FileManager.default.createDirectory(at: big, withIntermediateDirectories: true)
      for index in 0..<100_000 {
        let descriptor = open(
          big.appendingPathComponent("n\(index)").path, O_CREAT | O_WRONLY, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        close(descriptor)
      }
    }
    defer { try? FileManager.default.removeItem(at: scratch) }
    let catalogs = scratch.appendingPathComponent("Catalogs").path
    let run = try watchedSkuc(["check", catalogs], timeout: 60)
    #expect(run.status == 1, "\(run.summary)")
    let errors = errorLines(run)
    #expect(errors.count == 1, "\(run.stderr.prefix(2000))")
    #expect(
      errors.first?.contains(
        "error[Y042]: the catalog tree has more than 100000 entries; reading stopped here")
        == true, "\(run.stderr.prefix(2000))")
  }
}
