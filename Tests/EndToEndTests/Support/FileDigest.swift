import Foundation

/// The lower-case hex SHA-256 of a file, from the system's `sha256sum`: an oracle independent
/// of the code under test, for tests that forge or re-hash manifests.
func sha256Hex(of file: URL) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["sha256sum", file.path]
  let output = Pipe()
  process.standardOutput = output
  try process.run()
  let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  return String(text.prefix(64))
}
