import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fresh directory under the system temporary directory, removed when the test ends.
final class TemporaryDirectory: Sendable {
  let path: String

  init() throws {
    let pattern = (NSTemporaryDirectory() as NSString).appendingPathComponent("skuc-test-XXXXXX")
    var template = Array(pattern.utf8CString)
    guard let created = mkdtemp(&template) else {
      throw TestSetupError("mkdtemp failed: \(String(cString: strerror(errno)))")
    }
    path = String(cString: created)
  }

  deinit {
    // Undo chmod 000 and similar so that the removal below cannot fail.
    _ = try? run("/bin/chmod", ["-R", "u+rwx", path])
    try? FileManager.default.removeItem(atPath: path)
  }

  func url(_ relative: String) -> String { path + "/" + relative }

  /// Writes a file, creating parent directories.
  func write(_ relative: String, _ text: String) throws {
    try write(relative, bytes: Array(text.utf8))
  }

  func write(_ relative: String, bytes: [UInt8]) throws {
    let full = url(relative)
    try FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    guard FileManager.default.createFile(atPath: full, contents: Data(bytes)) else {
      throw TestSetupError("cannot create \(full)")
    }
  }

  func makeDirectory(_ relative: String) throws {
    try FileManager.default.createDirectory(
      atPath: url(relative), withIntermediateDirectories: true)
  }

  func symlink(_ relative: String, to target: String) throws {
    try FileManager.default.createSymbolicLink(atPath: url(relative), withDestinationPath: target)
  }

  func fifo(_ relative: String) throws {
    guard mkfifo(url(relative), 0o644) == 0 else {
      throw TestSetupError("mkfifo failed: \(String(cString: strerror(errno)))")
    }
  }

  /// Every regular file below `relative`, by relative path, for byte-identity checks.
  func snapshot(_ relative: String) throws -> [String: [UInt8]] {
    let root = url(relative)
    var result: [String: [UInt8]] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return result }
    for case let name as String in enumerator {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: root + "/" + name, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        result[name] = try [UInt8](Data(contentsOf: URL(fileURLWithPath: root + "/" + name)))
      }
    }
    return result
  }

  /// Names directly inside `relative` (default: the temporary directory itself), sorted.
  func names(in relative: String = "") throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? path : url(relative))
      .sorted()
  }
}

struct TestSetupError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

struct ProcessResult {
  var status: Int32
  var output: String
  var error: String
}

/// Runs a program to completion, for test setup (git, chmod).
@discardableResult
func run(
  _ executable: String, _ arguments: [String], in directory: String? = nil,
  environment: [String: String] = [:]
) throws -> ProcessResult {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
  process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
  let output = Pipe()
  let error = Pipe()
  process.standardOutput = output
  process.standardError = error
  try process.run()
  let errorData = error.fileHandleForReading.readDataToEndOfFile()
  let outputData = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return ProcessResult(
    status: process.terminationStatus,
    output: String(decoding: outputData, as: UTF8.self),
    error: String(decoding: errorData, as: UTF8.self))
}

var runningAsRoot: Bool { getuid() == 0 }
