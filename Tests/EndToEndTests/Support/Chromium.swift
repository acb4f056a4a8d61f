import Foundation
import Testing

/// Headless Chromium, as `make deps` installs it (Debian's `chromium` package), for tests that
/// look at the report page the way a browser builds it.
enum Chromium {
  /// `SKUC_CHROMIUM`, else the first of the usual names on PATH.
  static let path: String? = {
    let environment = ProcessInfo.processInfo.environment
    if let configured = environment["SKUC_CHROMIUM"], !configured.isEmpty { return configured }
    let directories = (environment["PATH"] ?? "/usr/bin").split(separator: ":")
    for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
      for directory in directories {
        let candidate = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }()

  static let missing = "chromium is not installed (make deps installs it with apt-get)"

  /// The DOM after the page's scripts ran, for `file` with an optional `#fragment`.
  static func dumpDOM(_ file: URL, fragment: String = "") throws -> DOMElement {
    let output = try run(["--dump-dom", file.absoluteString + fragment])
    let html = String(decoding: output, as: UTF8.self)
    guard html.contains("<html") else {
      throw TestFailure("chromium printed no document for \(file.lastPathComponent)")
    }
    return DOM.parse(html)
  }

  /// A PNG of the page's first `height` pixels at `width`.
  static func screenshot(_ file: URL, to png: URL, width: Int, height: Int) throws {
    _ = try run([
      "--screenshot=\(png.path)", "--window-size=\(width),\(height)", "--hide-scrollbars",
      file.absoluteString,
    ])
  }

  /// Runs headless Chromium with a profile of its own (so parallel runs never share one) and
  /// a time limit; `--no-sandbox` because tests run as root in CI containers.
  private static func run(_ arguments: [String]) throws -> Data {
    guard let path else { throw TestFailure(missing) }
    let profile = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-extensions", "--user-data-dir=\(profile.path)",
      ] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let timer = DispatchWorkItem { process.terminate() }
    DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: timer)
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    timer.cancel()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      throw TestFailure("chromium \(arguments.first ?? "") failed (\(process.terminationStatus))")
    }
    return data
  }
}
