import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a watched `skuc` run ended.
struct WatchedRun {
  var status: Int32
  var stdout: String
  var stderr: String
  /// The process was still running when the watchdog fired, and was killed.
  var timedOut: Bool
  /// The process ended by a signal (a trap is SIGILL or SIGTRAP, an abort SIGABRT).
  var signalled: Bool
  var seconds: Double

  /// Exit 0, 1 or 2, on its own: never a signal, a hang or a status of 128 or more.
  var endedCleanly: Bool { !timedOut && !signalled && (0...2).contains(status) }

  var summary: String {
    "status \(status)\(signalled ? " (signal)" : "")\(timedOut ? " (killed by the watchdog)" : "")"
      + " after \(String(format: "%.1f", seconds)) s; stderr:\n\(stderr.prefix(2000))"
  }
}

/// Runs the built `skuc` and kills it after `timeout` seconds: a hang fails the test instead of
/// stalling the suite. `prefix` runs it through another program (`setpriv` to drop root).
func watchedSkuc(
  _ arguments: [String], timeout: Double = 30, in directory: URL? = nil, prefix: [String] = [],
  environment extra: [String: String] = [:]
) throws -> WatchedRun {
  let process = Process()
  if let tool = prefix.first {
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = Array(prefix.dropFirst()) + [Paths.skuc] + arguments
  } else {
    process.executableURL = URL(fileURLWithPath: Paths.skuc)
    process.arguments = arguments
  }
  if let directory { process.currentDirectoryURL = directory }
  var environment = ProcessInfo.processInfo.environment
  environment["NO_COLOR"] = "1"
  environment.merge(extra) { $1 }
  process.environment = environment
  let output = Pipe()
  let error = Pipe()
  process.standardOutput = output
  process.standardError = error
  process.standardInput = FileHandle.nullDevice
  let clock = ContinuousClock()
  let start = clock.now
  try process.run()
  let finished = DispatchSemaphore(value: 0)
  nonisolated(unsafe) var outputData = Data()
  nonisolated(unsafe) var errorData = Data()
  let readers = DispatchGroup()
  for (pipe, isError) in [(output, false), (error, true)] {
    readers.enter()
    DispatchQueue.global().async {
      let data = pipe.fileHandleForReading.readDataToEndOfFile()
      if isError { errorData = data } else { outputData = data }
      readers.leave()
    }
  }
  DispatchQueue.global().async {
    process.waitUntilExit()
    finished.signal()
  }
  var timedOut = false
  if finished.wait(timeout: .now() + timeout) == .timedOut {
    timedOut = true
    kill(process.processIdentifier, SIGKILL)
    finished.wait()
  }
  readers.wait()
  let elapsed = clock.now - start
  return WatchedRun(
    status: process.terminationStatus,
    stdout: String(decoding: outputData, as: UTF8.self),
    stderr: String(decoding: errorData, as: UTF8.self),
    timedOut: timedOut, signalled: process.terminationReason == .uncaughtSignal,
    seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

/// `path:LINE:COL: error[CODE]: message` lines of a run's stderr (checklist: one per problem).
func errorLines(_ run: WatchedRun) -> [Substring] {
  run.stderr.split(separator: "\n").filter {
    $0.range(of: #"^[^:]+:[0-9]+:[0-9]+: error\[[A-Z][0-9]{3}\]: "#, options: .regularExpression)
      != nil
  }
}

var isRoot: Bool { getuid() == 0 }

/// Runs a program to completion for test setup (mount, setpriv), returning its status.
@discardableResult
func runTool(_ executable: String, _ arguments: [String]) -> Int32 {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  guard (try? process.run()) != nil else { return -1 }
  process.waitUntilExit()
  return process.terminationStatus
}

/// A small tmpfs mounted for one test (root only; CI runners without the privilege skip the
/// tests that need one and rely on the injected faults of `OutputDirectoryTests`).
final class ScratchMount {
  let path: String

  init?(sizeKiB: Int) {
    guard isRoot, let root = try? Paths.temporaryDirectory() else { return nil }
    path = root.path
    guard runTool("/bin/mount", ["-t", "tmpfs", "-o", "size=\(sizeKiB)k", "tmpfs", path]) == 0
    else {
      try? FileManager.default.removeItem(atPath: path)
      return nil
    }
  }

  func remount(readOnly: Bool) -> Bool {
    runTool("/bin/mount", ["-o", "remount,\(readOnly ? "ro" : "rw")", path]) == 0
  }

  /// Free bytes, as `statvfs` reports them.
  var freeBytes: Int {
    var info = statvfs()
    guard statvfs(path, &info) == 0 else { return 0 }
    return Int(info.f_bavail) * Int(info.f_frsize)
  }

  deinit {
    runTool("/bin/umount", [path])
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Whether this machine lets the tests mount a tmpfs.
  static let isAvailable: Bool = ScratchMount(sizeKiB: 64) != nil
}
