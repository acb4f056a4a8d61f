import Dispatch
import Foundation
import Testing

@testable import SkuCompiler

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

private let childDirectoryVariable = "SKUC_INTERRUPT_CHILD_OUT"

/// The executable's handlers, as the child needs them: SIGINT and SIGTERM run the library's
/// cleanup on a dispatch queue, then exit 130 and 143.
nonisolated(unsafe) private var childSignalSources: [any DispatchSourceSignal] = []

private func installChildSignalHandlers() {
  let queue = DispatchQueue(label: "skuc.test.interrupts")
  for (number, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
    signal(number, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
    source.setEventHandler { InterruptCleanup.removeLiveStaging { _exit(status) } }
    source.resume()
    childSignalSources.append(source)
  }
}

/// Real signals against a real build, in a child process: the test binary runs itself with a
/// filter that selects only `interruptedChildBuild`, which installs the handlers and writes
/// slowly (through the `SKUC_TEST_WRITE_DELAY_MS` hook) until the parent signals it.
@Suite("Interrupt handling", .timeLimit(.minutes(1)))
struct InterruptHandlingTests {
  /// The child's side; skipped unless the parent test launched this process.
  @Test(.enabled(if: ProcessInfo.processInfo.environment[childDirectoryVariable] != nil))
  func interruptedChildBuild() throws {
    installChildSignalHandlers()
    let path = ProcessInfo.processInfo.environment[childDirectoryVariable] ?? ""
    try OutputDirectory(path: path).replaceContents { writer in
      var files: [String: String] = [:]
      for index in 0..<1000 {
        files["product-\(index).json"] = "new \(index)"
        try writer.write("product-\(index).json", Array("new \(index)".utf8))
      }
      try writer.write("manifest.json", manifest(for: files))
    }
  }

  #if os(Linux)
    /// Starts the child build and returns once it has written a few files into its staging
    /// directory, so that a signal lands in the middle.
    private func startChildBuild(into temporary: TemporaryDirectory) throws -> Process {
      let child = Process()
      child.executableURL = URL(fileURLWithPath: try String(contentsOfSymlink: "/proc/self/exe"))
      child.arguments = ["--testing-library", "swift-testing", "--filter", "interruptedChildBuild"]
      child.environment = ProcessInfo.processInfo.environment.merging([
        childDirectoryVariable: temporary.url("out"), "SKUC_TEST_WRITE_DELAY_MS": "20",
      ]) { $1 }
      child.standardOutput = FileHandle.nullDevice
      child.standardError = FileHandle.nullDevice
      try child.run()
      var written = 0
      for _ in 0..<3000 where written < 3 {
        usleep(10_000)
        written = try stagingLeftovers(in: temporary).map {
          try temporary.names(in: $0).count
        }.reduce(0, +)
      }
      #expect(written >= 3)
      return child
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func aSignalDuringABuildRemovesTheStagingDirectoryAndKeepsTheOldContent(
      signalNumber: Int32, status: Int32
    ) throws {
      let temporary = try TemporaryDirectory()
      try replace(OutputDirectory(path: temporary.url("out")), with: ["old.json": "old"])
      let before = try temporary.snapshot("out")

      let child = try startChildBuild(into: temporary)
      kill(child.processIdentifier, signalNumber)
      child.waitUntilExit()

      #expect(child.terminationReason == .exit)
      #expect(child.terminationStatus == status)
      #expect(try temporary.snapshot("out") == before)
      #expect(try stagingLeftovers(in: temporary).isEmpty)
    }

    @Test func afterSIGKILLTheOldContentIsIntactAndTheNextRunRemovesTheStagingDirectory() throws {
      let temporary = try TemporaryDirectory()
      let output = OutputDirectory(path: temporary.url("out"))
      try replace(output, with: ["old.json": "old"])
      let before = try temporary.snapshot("out")

      let child = try startChildBuild(into: temporary)
      kill(child.processIdentifier, SIGKILL)
      child.waitUntilExit()

      #expect(child.terminationReason == .uncaughtSignal)
      #expect(try temporary.snapshot("out") == before)
      #expect(try stagingLeftovers(in: temporary).count == 1)
      try replace(output, with: ["new.json": "new"])
      #expect(try temporary.names() == ["out"])
      #expect(try temporary.names(in: "out") == ["manifest.json", "new.json"])
    }
  #endif
}

extension String {
  /// The target of a symbolic link, e.g. `/proc/self/exe`.
  init(contentsOfSymlink path: String) throws {
    self = try FileManager.default.destinationOfSymbolicLink(atPath: path)
  }
}
