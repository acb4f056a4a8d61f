import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reliability F7 and A11 end to end: a catalog tree holding a symlink loop, an unreadable
/// file, a directory named like a catalog file, a FIFO or a device makes `skuc check` exit 1
/// with a positioned error for that entry, while the good file beside it is still checked. A
/// watchdog turns a hang (reading a FIFO that has no writer, or /dev/zero) into a failure.
@Suite("Faults: catalog tree", .serialized, .timeLimit(.minutes(2)))
struct FaultsInputTests {
  /// A tree with one valid catalog file, plus whatever `setUp` adds.
  func tree(_ setUp: (URL) throws -> Void) throws -> URL {
    let root = try Paths.temporaryDirectory()
    try FileManager.default.copyItem(
      atPath: Paths.catalogs + "/saas/crm.yaml",
      toPath: root.appendingPathComponent("good.yaml").path)
    try setUp(root)
    return root
  }

  func expectOneError(
    _ run: WatchedRun, naming entry: String, saying message: String, code: String = "Y030",
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    #expect(run.status == 1, "\(run.summary)", sourceLocation: sourceLocation)
    #expect(run.endedCleanly, "\(run.summary)", sourceLocation: sourceLocation)
    let errors = errorLines(run)
    #expect(errors.count == 1, "\(run.stderr)", sourceLocation: sourceLocation)
    #expect(
      errors.first?.contains("\(entry):1:1: error[\(code)]") == true
        && errors.first?.contains(message) == true,
      "\(run.stderr)", sourceLocation: sourceLocation)
  }

  @Test func symlinkLoops() throws {
    let root = try tree { root in
      try FileManager.default.createSymbolicLink(
        atPath: root.appendingPathComponent("a.yaml").path, withDestinationPath: "b.yaml")
      try FileManager.default.createSymbolicLink(
        atPath: root.appendingPathComponent("b.yaml").path, withDestinationPath: "a.yaml")
      let nested = root.appendingPathComponent("nested")
      try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
      try FileManager.default.createSymbolicLink(
        atPath: nested.appendingPathComponent("up").path, withDestinationPath: "..")
    }
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try watchedSkuc(["check", root.path], timeout: 10)
    #expect(run.status == 1, "\(run.summary)")
    #expect(run.endedCleanly)
    let errors = errorLines(run)
    #expect(
      errors.contains { $0.contains("/a.yaml:1:1: error[Y030]") && $0.contains("symlink loop") })
    #expect(errors.contains { $0.contains("/b.yaml:1:1: error[Y030]") })
    #expect(
      errors.contains { $0.contains("/nested/up:1:1: error[Y030]") && $0.contains("symlink loop") })
  }

  @Test func aDirectoryNamedLikeACatalogFile() throws {
    let root = try tree { root in
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent("x.yaml/inner"), withIntermediateDirectories: true)
    }
    defer { try? FileManager.default.removeItem(at: root) }
    expectOneError(
      try watchedSkuc(["check", root.path], timeout: 10), naming: "/x.yaml",
      saying: "is a directory, not a catalog file")
  }

  @Test func aFIFOIsNeverOpened() throws {
    let root = try tree { root in
      guard mkfifo(root.appendingPathComponent("pipe.yaml").path, 0o644) == 0 else {
        throw CocoaError(.fileWriteUnknown)
      }
    }
    defer { try? FileManager.default.removeItem(at: root) }
    expectOneError(
      try watchedSkuc(["check", root.path], timeout: 10), naming: "/pipe.yaml", saying: "FIFO")
    // The FIFO as PATH itself.
    expectOneError(
      try watchedSkuc(["check", root.appendingPathComponent("pipe.yaml").path], timeout: 10),
      naming: "/pipe.yaml", saying: "FIFO")
  }

  @Test(arguments: ["/dev/zero", "/dev/urandom", "/dev/null"])
  func aDeviceIsNeverRead(device: String) throws {
    let root = try tree { root in
      try FileManager.default.createSymbolicLink(
        atPath: root.appendingPathComponent("device.yaml").path, withDestinationPath: device)
    }
    defer { try? FileManager.default.removeItem(at: root) }
    expectOneError(
      try watchedSkuc(["check", root.path], timeout: 10), naming: "/device.yaml",
      saying: "leads outside the catalog root", code: "Y040")
  }

  /// As root the check runs as `nobody` (root reads whatever the permission bits say).
  @Test func anUnreadableFile() throws {
    let root = try tree { root in
      try Data("skuc: 1\n".utf8).write(to: root.appendingPathComponent("secret.yaml"))
      chmod(root.appendingPathComponent("secret.yaml").path, 0o000)
      chmod(root.path, 0o755)
    }
    defer { try? FileManager.default.removeItem(at: root) }
    let prefix =
      isRoot ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
    expectOneError(
      try watchedSkuc(["check", root.path], timeout: 10, prefix: prefix), naming: "/secret.yaml",
      saying: "Permission denied")
  }
}
