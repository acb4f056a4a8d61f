import Foundation
import TestSupport
import Testing

/// Golden files: expected outputs stored beside their inputs under `Fixtures/`.
///
/// To regenerate every golden after an intended change of output, run
/// `SKUC_UPDATE_GOLDENS=1 swift test --filter <Suite>`; the tests then write the current
/// output into the source tree (not the copy in the test bundle) and pass. Review the diff
/// before committing it.
enum Goldens {
  static var isUpdating: Bool {
    ProcessInfo.processInfo.environment["SKUC_UPDATE_GOLDENS"] == "1"
  }

  /// `Fixtures/<folder>` in the test bundle, where the resources were copied.
  static func bundledFolder(_ folder: String) throws -> URL {
    let root = try #require(Bundle.module.resourceURL, "the test bundle has no resources")
    return root.appendingPathComponent("Fixtures").appendingPathComponent(folder)
  }

  /// `Fixtures/<folder>` in the source tree, where updated goldens are written.
  static func sourceFolder(_ folder: String, filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath)
      .deletingLastPathComponent()  // Support
      .deletingLastPathComponent()  // SkuCompilerTests
      .appendingPathComponent("Fixtures").appendingPathComponent(folder)
  }

  /// The fixture names in a folder: files with `ext`, without it, sorted.
  static func names(in folder: String, ext: String) -> [String] {
    guard let directory = try? bundledFolder(folder),
      let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
    else { return [] }
    return files.filter { $0.hasSuffix("." + ext) }.map { String($0.dropLast(ext.count + 1)) }
      .sorted()
  }

  static func input(_ folder: String, _ file: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: bundledFolder(folder).appendingPathComponent(file)))
  }

  /// Compares `actual` with the golden `<folder>/<file>`, or rewrites the golden when updating.
  static func check(
    _ actual: String, against file: String, in folder: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    if isUpdating {
      let url = sourceFolder(folder).appendingPathComponent(file)
      try Data(actual.utf8).write(to: url)
      return
    }
    let url = try bundledFolder(folder).appendingPathComponent(file)
    guard let data = try? Data(contentsOf: url) else {
      Issue.record(
        "missing golden \(folder)/\(file); run with SKUC_UPDATE_GOLDENS=1 to create it",
        sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    #expect(
      actual == expected,
      """
      golden \(folder)/\(file) differs; run with SKUC_UPDATE_GOLDENS=1 to update
      \(UnifiedDiff.text(expected: expected, actual: actual, label: "\(folder)/\(file)"))
      """, sourceLocation: sourceLocation)
  }
}
