import Foundation
import TestSupport
import Testing

/// The result of running the built `skuc`.
struct ProcessResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

enum Paths {
  /// The package root, from this file's location (Tests/EndToEndTests/Support/).
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let catalogs = packageRoot.appendingPathComponent("Catalogs").path

  static let goldens = packageRoot.appendingPathComponent("Tests/EndToEndTests/Goldens")

  /// The `skuc` built next to the test bundle (`swift build --build-tests` builds both).
  static let skuc: String = {
    let bundleDirectory = Bundle.main.bundleURL.deletingLastPathComponent()
    for candidate in [
      bundleDirectory.appendingPathComponent("skuc"),
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("skuc"),
      packageRoot.appendingPathComponent(".build/debug/skuc"),
    ] where FileManager.default.isExecutableFile(atPath: candidate.path) {
      return candidate.path
    }
    return packageRoot.appendingPathComponent(".build/debug/skuc").path
  }()

  /// A fresh temporary directory, removed by the caller.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "skuc-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// Runs `skuc` with arguments, in `directory`, with extra environment variables.
@discardableResult
func skuc(
  _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
) throws -> ProcessResult {
  try runProcess(
    Paths.skuc, arguments, in: directory,
    environment: environment.merging(["NO_COLOR": "1"]) { given, _ in given })
}

/// Runs an executable to completion and collects its output and status.
func runProcess(
  _ executable: String, _ arguments: [String], in directory: URL? = nil,
  environment: [String: String] = [:]
) throws -> ProcessResult {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = directory }
  var env = ProcessInfo.processInfo.environment
  for (key, value) in environment { env[key] = value }
  process.environment = env
  let output = Pipe()
  let error = Pipe()
  process.standardOutput = output
  process.standardError = error
  process.standardInput = FileHandle.nullDevice
  try process.run()
  // Read both pipes concurrently so a chatty child cannot block on a full pipe.
  nonisolated(unsafe) var errorData = Data()
  let group = DispatchGroup()
  group.enter()
  DispatchQueue.global().async {
    errorData = error.fileHandleForReading.readDataToEndOfFile()
    group.leave()
  }
  let outputData = output.fileHandleForReading.readDataToEndOfFile()
  group.wait()
  process.waitUntilExit()
  return ProcessResult(
    status: process.terminationStatus,
    stdout: String(decoding: outputData, as: UTF8.self),
    stderr: String(decoding: errorData, as: UTF8.self))
}

/// Writes files (path → content) below `root`, creating folders.
func writeTree(_ files: [String: String], at root: URL) throws {
  for (path, content) in files {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(content.utf8).write(to: url)
  }
}

/// Every regular file below `root`, relative path → bytes.
func snapshot(_ root: URL) throws -> [String: Data] {
  var result: [String: Data] = [:]
  guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return result }
  for case let path as String in enumerator {
    var isDirectory: ObjCBool = false
    let full = root.appendingPathComponent(path).path
    if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory),
      !isDirectory.boolValue
    {
      result[path] = try Data(contentsOf: URL(fileURLWithPath: full))
    }
  }
  return result
}

/// Compares `actual` with the golden file, or rewrites it when SKUC_UPDATE_GOLDENS=1.
func expectGolden(
  _ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let url = Paths.goldens.appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["SKUC_UPDATE_GOLDENS"] == "1" {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(actual.utf8).write(to: url)
    return
  }
  let expected = try String(contentsOf: url, encoding: .utf8)
  #expect(
    actual == expected,
    """
    golden \(name) differs; run with SKUC_UPDATE_GOLDENS=1 to update
    \(UnifiedDiff.text(expected: expected, actual: actual, label: name))
    """, sourceLocation: sourceLocation)
}
