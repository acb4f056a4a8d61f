import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reliability F1/F2 end to end: a build that cannot write its output exits 2 with a clear
/// message, leaves DIR byte for byte as it was and leaves no staging directory. The injected
/// failures of `OutputDirectoryTests` cover every step in-process; these use a real full disk
/// and a real read-only file system where the machine allows mounting a tmpfs (root), and are
/// skipped elsewhere.
@Suite("Faults: output directory", .serialized, .timeLimit(.minutes(2)))
struct FaultsOutputTests {
  /// A catalog of one product (small payloads) and the full example catalogs (about 40 KB of
  /// payloads, 48 KiB in tmpfs pages).
  struct Catalogs {
    var root: URL
    var small: String
    var full: String { Paths.catalogs }

    init() throws {
      root = try Paths.temporaryDirectory()
      let small = root.appendingPathComponent("small")
      try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        atPath: Paths.catalogs + "/saas/crm.yaml",
        toPath: small.appendingPathComponent("crm.yaml").path)
      self.small = small.path
    }
  }

  func stagingLeftovers(in directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).filter {
      $0.contains("skuc-staging")
    }
  }

  @Test(.enabled(if: ScratchMount.isAvailable, "needs root to mount a tmpfs"))
  func aFullDiskExitsTwoAndLeavesTheOldContent() throws {
    let catalogs = try Catalogs()
    defer { try? FileManager.default.removeItem(at: catalogs.root) }
    let mount = try #require(ScratchMount(sizeKiB: 128))
    let out = mount.path + "/out"
    #expect(try watchedSkuc(["build", catalogs.small, "--out", out]).status == 0)
    let before = try snapshot(URL(fileURLWithPath: out))
    // Leave 16 KiB: the new content needs 48 KiB.
    let filler = mount.freeBytes - 16 * 1024
    try #require(filler > 0)
    try #require(
      FileManager.default.createFile(atPath: mount.path + "/filler", contents: Data(count: filler)))

    let run = try watchedSkuc(["build", catalogs.full, "--out", out])
    #expect(run.status == 2, "\(run.summary)")
    #expect(run.endedCleanly)
    #expect(run.stderr.contains("No space left on device"), "\(run.stderr)")
    #expect(run.stderr.contains(out), "the message names the directory: \(run.stderr)")
    #expect(try snapshot(URL(fileURLWithPath: out)) == before)
    #expect(try stagingLeftovers(in: mount.path).isEmpty)

    // Space again: the next build succeeds and replaces the content.
    try FileManager.default.removeItem(atPath: mount.path + "/filler")
    #expect(try watchedSkuc(["build", catalogs.full, "--out", out]).status == 0)
    #expect(try snapshot(URL(fileURLWithPath: out)).count == 6)
  }

  @Test(.enabled(if: ScratchMount.isAvailable, "needs root to mount a tmpfs"))
  func aReadOnlyFileSystemExitsTwoBeforeWriting() throws {
    let catalogs = try Catalogs()
    defer { try? FileManager.default.removeItem(at: catalogs.root) }
    let mount = try #require(ScratchMount(sizeKiB: 256))
    let out = mount.path + "/out"
    #expect(try watchedSkuc(["build", catalogs.small, "--out", out]).status == 0)
    let before = try snapshot(URL(fileURLWithPath: out))
    try #require(mount.remount(readOnly: true))
    defer { _ = mount.remount(readOnly: false) }

    for target in [out, mount.path + "/new"] {
      let run = try watchedSkuc(["build", catalogs.full, "--out", target])
      #expect(run.status == 2, "\(run.summary)")
      #expect(run.stderr.contains("Read-only file system"), "\(run.stderr)")
      // Refused in the preflight: before the catalog is even read.
      #expect(!run.stderr.contains("error["), "\(run.stderr)")
    }
    #expect(try snapshot(URL(fileURLWithPath: out)) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: mount.path) == ["out"])
  }

  /// Permission bits, which root ignores: as root the build runs as `nobody` through
  /// `setpriv`, elsewhere as the user running the tests.
  @Test func aDirectoryWithoutWritePermissionExitsTwo() throws {
    let catalogs = try Catalogs()
    defer {
      chmod(catalogs.root.appendingPathComponent("locked").path, 0o755)
      try? FileManager.default.removeItem(at: catalogs.root)
    }
    let prefix =
      isRoot ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
    if isRoot {
      try #require(
        FileManager.default.isExecutableFile(atPath: prefix[0]), "setpriv is needed as root")
    }
    let locked = catalogs.root.appendingPathComponent("locked")
    try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
    chmod(catalogs.root.path, 0o755)
    chmod(locked.path, 0o555)
    let run = try watchedSkuc(
      ["build", catalogs.small, "--out", locked.appendingPathComponent("out").path], prefix: prefix)
    #expect(run.status == 2, "\(run.summary)")
    #expect(run.stderr.contains("Permission denied"), "\(run.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: locked.path).isEmpty)
  }

  @Test func outputPathsThatCannotBeADirectoryExitTwoBeforeWriting() throws {
    let catalogs = try Catalogs()
    defer { try? FileManager.default.removeItem(at: catalogs.root) }
    let root = catalogs.root.path
    try Data("x".utf8).write(to: catalogs.root.appendingPathComponent("file"))
    try #require(mkfifo(root + "/fifo", 0o644) == 0)
    let cases: [(out: String, message: String)] = [
      (root + "/missing/deeper/out", "the parent directory \(root)/missing/deeper does not exist"),
      (root + "/file", "\(root)/file exists and is not a directory"),
      (root + "/file/out", "\(root)/file is not a directory"),
      (root + "/fifo", "\(root)/fifo exists and is not a directory"),
    ]
    let before = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
    for (out, message) in cases {
      let run = try watchedSkuc(["build", catalogs.small, "--out", out], timeout: 10)
      #expect(run.status == 2, "\(out): \(run.summary)")
      #expect(run.stderr.contains(message), "\(out): \(run.stderr)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == before)
  }
}
