import Foundation
import Testing

/// The package's root folder, found from this file's place in it.
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent()  // Support
  .deletingLastPathComponent()  // SkuCompilerTests
  .deletingLastPathComponent()  // Tests
  .deletingLastPathComponent()

/// The yaml-test-suite data, which is not part of the repository: CI and the lead's workspace
/// put a copy of `shared/` beside the package, and a lone clone has none. Tests that read it
/// carry `.enabled(if: YAMLTestSuite.isPresent, YAMLTestSuite.absentReason)`, so a lone clone
/// reports them as skipped, with why, instead of failing or passing silently.
enum YAMLTestSuite {
  struct Case {
    var id: String
    var title: String
    var bytes: [UInt8]
  }

  static let root = packageRoot.deletingLastPathComponent()
    .appendingPathComponent("shared/yaml-test-suite")

  static let isPresent = (try? caseIDs(in: root).isEmpty) == false

  static let absentReason: Comment =
    "needs ../shared/yaml-test-suite (the YAML conformance cases); clone beside shared/ to run"

  /// The suite's cases as `ID` or `ID/NN`, sorted. Only real case directories count: the
  /// suite also has `name/` and `tags/` folders of symbolic links to the same cases, and a
  /// faithful copy (`cp -a`) keeps them, so following links would meet every case again
  /// under other names.
  static func caseIDs(in root: URL) throws -> [String] {
    var ids: [String] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
    where isCaseName(name) {
      let directory = root.appendingPathComponent(name)
      guard isRealDirectory(directory) else { continue }
      if FileManager.default.fileExists(atPath: directory.appendingPathComponent("in.yaml").path) {
        ids.append(name)
        continue
      }
      let children = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
      for child in children.sorted()
      where !child.isEmpty && child.allSatisfy(\.isASCIIDigit) {
        let variant = directory.appendingPathComponent(child)
        if isRealDirectory(variant),
          FileManager.default.fileExists(atPath: variant.appendingPathComponent("in.yaml").path)
        {
          ids.append(name + "/" + child)
        }
      }
    }
    return ids
  }

  /// Every case's input and title, in `caseIDs` order.
  static func cases() throws -> [Case] {
    try caseIDs(in: root).map { id in
      let folder = root.appendingPathComponent(id)
      let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("in.yaml")))
      let parent = root.appendingPathComponent(String(id.prefix(4)))
      let title =
        (try? String(contentsOf: folder.appendingPathComponent("==="), encoding: .utf8))
        ?? (try? String(contentsOf: parent.appendingPathComponent("==="), encoding: .utf8))
        ?? ""
      return Case(
        id: id, title: title.trimmingCharacters(in: .whitespacesAndNewlines), bytes: bytes)
    }
  }

  /// Case directories are named by four upper-case letters or digits (`229Q`, `2AUY`).
  private static func isCaseName(_ name: String) -> Bool {
    name.count == 4 && name.allSatisfy { $0.isASCIIDigit || ("A"..."Z").contains($0) }
  }

  /// A directory that is not reached through a symbolic link.
  private static func isRealDirectory(_ url: URL) -> Bool {
    let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
    return attributes?[.type] as? FileAttributeType == .typeDirectory
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
