import Foundation
import Testing

/// A copy of `Catalogs/` as OLD and an edited copy as NEW, in a temporary directory, for
/// `skuc diff` runs with relative paths (so outputs never hold a temporary path).
struct DiffScenario {
  /// A text replacement in one catalog file; an edit that matches nothing fails the test.
  struct Edit {
    var file: String
    var find: String
    var replace: String
  }

  let root: URL

  init(
    _ edits: [Edit], removing removed: [String] = [], adding added: [String: String] = [:]
  ) throws {
    root = try Paths.temporaryDirectory()
    let manager = FileManager.default
    for side in ["old", "new"] {
      try manager.copyItem(atPath: Paths.catalogs, toPath: root.appendingPathComponent(side).path)
    }
    let new = root.appendingPathComponent("new")
    for edit in edits {
      let url = new.appendingPathComponent(edit.file)
      let text = try String(contentsOf: url, encoding: .utf8)
      guard text.contains(edit.find) else {
        throw TestFailure("edit of \(edit.file) matches nothing: \(edit.find)")
      }
      try Data(text.replacingOccurrences(of: edit.find, with: edit.replace).utf8).write(to: url)
    }
    for file in removed { try manager.removeItem(at: new.appendingPathComponent(file)) }
    try writeTree(added, at: new)
  }

  func remove() {
    try? FileManager.default.removeItem(at: root)
  }

  /// Runs `skuc diff` inside the scenario's directory.
  func diff(_ arguments: [String]) throws -> ProcessResult {
    try skuc(["diff"] + arguments, in: root)
  }

  /// Text, markdown and JSON of `OLD NEW`, each compared with its golden; the JSON is also
  /// validated against the schema.
  func expectGoldens(
    _ name: String, old: String = "old", new: String = "new",
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    for (format, suffix) in [("text", "txt"), ("markdown", "md"), ("json", "json")] {
      let result = try diff([old, new, "--format", format])
      #expect(result.status == 0, "\(format): \(result.stderr)", sourceLocation: sourceLocation)
      #expect(result.stderr.isEmpty, "\(format): \(result.stderr)", sourceLocation: sourceLocation)
      try expectGolden(result.stdout, "diff/\(name).\(suffix)", sourceLocation: sourceLocation)
      if format == "json" { try expectValidDiffJSON(result.stdout, sourceLocation: sourceLocation) }
    }
  }

  /// The catalog file text of `Catalogs/<file>`.
  static func original(_ file: String) throws -> String {
    try String(contentsOfFile: Paths.catalogs + "/" + file, encoding: .utf8)
  }
}

struct TestFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Validates a `skuc diff --format json` document against `Schemas/diff.schema.json` with
/// python3 `jsonschema` (installed by `make deps`).
func expectValidDiffJSON(
  _ document: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let directory = try Paths.temporaryDirectory()
  defer { try? FileManager.default.removeItem(at: directory) }
  let file = directory.appendingPathComponent("diff.json")
  try Data(document.utf8).write(to: file)
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = [
    "python3", Paths.packageRoot.appendingPathComponent("Tests/Scripts/validate-diff-json.py").path,
    Paths.packageRoot.appendingPathComponent("Schemas/diff.schema.json").path, file.path,
  ]
  let output = Pipe()
  process.standardOutput = output
  process.standardError = output
  try process.run()
  let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  #expect(
    process.terminationStatus == 0, "schema validation failed:\n\(text)",
    sourceLocation: sourceLocation)
}
