import Foundation
import Testing

/// Limits end to end (spec §1, §9; checklist A11, A12, D2): each input from
/// `Tests/Scripts/limit_inputs.py` runs through the built `skuc check` under a watchdog, and
/// must end with the expected status and code within a time and memory bound. The bounds are
/// for the debug build on a shared two-core machine, several times the measured cost (release
/// measurements are in docs/robustness.md); what they catch is a hang or an unbounded read.
@Suite("Faults: limits", .serialized, .timeLimit(.minutes(10)), .tags(.slow))
struct FaultsLimitsTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var input: String
    var status: Int32
    /// A code that must be reported (for status 1), or nil.
    var code: String?
    /// A code that must not appear.
    var absent: String? = nil
    var seconds: Double
    var megabytes: Int

    var testDescription: String { input }
  }

  static let cases: [Case] = [
    Case(input: "deep-64", status: 1, code: nil, absent: "Y020", seconds: 10, megabytes: 300),
    Case(input: "deep-65", status: 1, code: "Y020", seconds: 10, megabytes: 300),
    Case(input: "brackets-1m", status: 1, code: "Y020", seconds: 10, megabytes: 300),
    Case(input: "size-under", status: 0, code: nil, seconds: 30, megabytes: 600),
    Case(input: "scalar-under", status: 0, code: nil, seconds: 30, megabytes: 600),
    Case(input: "size-over", status: 1, code: "Y001", seconds: 10, megabytes: 300),
    Case(input: "lines-100k", status: 0, code: nil, seconds: 60, megabytes: 1000),
    Case(input: "files-10k", status: 0, code: nil, seconds: 90, megabytes: 1500),
    Case(input: "skus-1e8", status: 1, code: "R312", seconds: 10, megabytes: 300),
    Case(input: "skus-1e7-plus-1", status: 1, code: "R312", seconds: 120, megabytes: 3000),
    Case(input: "table-500k", status: 0, code: nil, seconds: 300, megabytes: 6000),
  ]

  /// Writes one input of `Tests/Scripts/limit_inputs.py` into a fresh directory.
  static func input(_ name: String) throws -> URL {
    let root = try Paths.temporaryDirectory()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", Paths.packageRoot.appendingPathComponent("Tests/Scripts/limit_inputs.py").path,
      root.path, name,
    ]
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    return root
  }

  @Test(arguments: cases)
  func inputEndsWithinItsBounds(_ limit: Case) throws {
    let root = try Self.input(limit.input)
    defer { try? FileManager.default.removeItem(at: root) }
    let rssFile = root.appendingPathComponent("\(limit.input).rss").path
    let timeTool = "/usr/bin/time"
    let measuresMemory = FileManager.default.isExecutableFile(atPath: timeTool)
    let run = try watchedSkuc(
      ["check", root.appendingPathComponent(limit.input).path], timeout: limit.seconds,
      prefix: measuresMemory ? [timeTool, "-f", "%M", "-o", rssFile] : [])
    #expect(!run.timedOut, "\(limit.input) took more than \(limit.seconds) s")
    #expect(run.status == limit.status, "\(limit.input): \(run.summary)")
    if let code = limit.code {
      #expect(
        errorLines(run).contains { $0.contains("error[\(code)]") }, "\(run.stderr.prefix(2000))")
    }
    if let code = limit.absent {
      #expect(!run.stderr.contains("[\(code)]"), "\(run.stderr.prefix(2000))")
    }
    if measuresMemory, let text = try? String(contentsOfFile: rssFile, encoding: .utf8),
      let kilobytes = Int(
        text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "")
    {
      #expect(kilobytes / 1024 < limit.megabytes, "\(limit.input) peaked at \(kilobytes / 1024) MB")
    }
  }
}
