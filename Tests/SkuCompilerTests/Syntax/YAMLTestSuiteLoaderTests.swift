import Foundation
import Testing

/// The suite loader sees the same cases in the data as published and in a faithful copy
/// (`cp -a`) that keeps the `name/` and `tags/` folders of symbolic links; built here from
/// scratch, so it runs without `../shared`.
@Suite struct YAMLTestSuiteLoaderTests {
  static func writeCases(into directory: TemporaryDirectory) throws {
    for id in ["229Q", "2AUY", "4MUZ/00", "4MUZ/01", "Y79Y/010"] {
      try directory.write("suite/\(id)/in.yaml", "a: 1\n")
      try directory.write("suite/\(id)/test.event", "+STR\n-STR\n")
    }
    try directory.write("suite/README.md", "# data\n")
    try directory.write("suite/LICENSE", "MIT\n")
  }

  @Test func linkFoldersAddNoCases() throws {
    let plain = try TemporaryDirectory()
    try Self.writeCases(into: plain)
    let linked = try TemporaryDirectory()
    try Self.writeCases(into: linked)
    try linked.makeDirectory("suite/name")
    try linked.symlink("suite/name/spec-example-2-1", to: "../229Q")
    try linked.symlink("suite/name/flow-mapping", to: "../4MUZ")
    try linked.makeDirectory("suite/tags/flow")
    try linked.symlink("suite/tags/flow/4MUZ", to: "../../4MUZ")
    try linked.symlink("suite/tags/flow/2AUY", to: "../../2AUY")
    // A link with a case's shape is still not a case directory of its own.
    try linked.symlink("suite/ZZZZ", to: "229Q")
    try linked.symlink("suite/4MUZ/02", to: "00")

    let expected = ["229Q", "2AUY", "4MUZ/00", "4MUZ/01", "Y79Y/010"]
    #expect(try YAMLTestSuite.caseIDs(in: URL(fileURLWithPath: plain.url("suite"))) == expected)
    #expect(try YAMLTestSuite.caseIDs(in: URL(fileURLWithPath: linked.url("suite"))) == expected)
    let loaded = try SuiteCase.loadAll(from: URL(fileURLWithPath: linked.url("suite")))
    #expect(loaded.map(\.id) == expected)
  }
}
