import Foundation
import Testing

@testable import SkuCompiler

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let ourManifest = Array(#"{"format": "skuc-manifest/1", "products": []}"#.utf8)

/// A skuc manifest listing `files` with their hashes, as a build writes it (spec §15: only such a
/// directory may be replaced).
func manifest(for files: [String: String]) -> [UInt8] {
  let products = files.keys.sorted().map { name in
    let id = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
    return
      #"{"id": "\#(id)", "file": "\#(name)", "skus": 1, "sha256": "\#(SHA256Digest.hex(of: Array(files[name, default: ""].utf8)))"}"#
  }
  return Array(
    #"{"format": "skuc-manifest/1", "products": [\#(products.joined(separator: ", "))]}"#.utf8)
}

/// Writes `files` plus a skuc manifest listing them through `replaceContents`.
func replace(_ directory: OutputDirectory, with files: [String: String]) throws {
  try directory.replaceContents { writer in
    for (name, text) in files.sorted(by: { $0.key < $1.key }) {
      try writer.write(name, Array(text.utf8))
    }
    try writer.write("manifest.json", manifest(for: files))
  }
}

/// The names beside DIR that look like staging directories.
func stagingLeftovers(in temporary: TemporaryDirectory) throws -> [String] {
  try temporary.names().filter { $0.contains(".skuc-staging-") }
}

@Suite("Output directory", .timeLimit(.minutes(1)))
struct OutputDirectoryTests {
  @Test func createsAMissingDirectory() throws {
    let temporary = try TemporaryDirectory()
    try replace(OutputDirectory(path: temporary.url("out")), with: ["crm.json": "{}"])
    #expect(
      try temporary.snapshot("out") == [
        "crm.json": Array("{}".utf8), "manifest.json": manifest(for: ["crm.json": "{}"]),
      ])
    #expect(try temporary.names() == ["out"])
  }

  @Test func replacesTheWholeContentOfADirectoryItWroteBefore() throws {
    let temporary = try TemporaryDirectory()
    let output = OutputDirectory(path: temporary.url("out/"))
    try replace(output, with: ["old.json": "old", "crm.json": "1"])
    try replace(output, with: ["crm.json": "2"])
    #expect(
      try temporary.snapshot("out") == [
        "crm.json": Array("2".utf8), "manifest.json": manifest(for: ["crm.json": "2"]),
      ])
    #expect(try temporary.names() == ["out"])
  }

  @Test func replacesAnEmptyDirectory() throws {
    let temporary = try TemporaryDirectory()
    try temporary.makeDirectory("out")
    try replace(OutputDirectory(path: temporary.url("out")), with: ["crm.json": "1"])
    #expect(try temporary.names(in: "out") == ["crm.json", "manifest.json"])
  }

  @Test(arguments: [
    ["notes.txt": "mine"],
    ["manifest.json": #"{"format": "other/1"}"#, "x.json": "x"],
    ["manifest.json": "not json"],
    [".DS_Store": "x"],
    [
      "manifest.json": String(decoding: manifest(for: ["a.json": "a"]), as: UTF8.self),
      "a.json": "a", "NOTES.md": "mine",
    ],
    [
      "manifest.json": String(decoding: manifest(for: ["a.json": "a"]), as: UTF8.self),
      "a.json": "edited",
    ],
    ["manifest.json": #"{"format": "skuc-manifest/1", "products": []}"#, "crm.yaml": "skuc: 1"],
  ])
  func refusesADirectoryItDidNotWrite(files: [String: String]) throws {
    let temporary = try TemporaryDirectory()
    for (name, text) in files { try temporary.write("out/" + name, text) }
    let before = try temporary.snapshot("out")
    let output = OutputDirectory(path: temporary.url("out"))
    #expect(throws: OutputError.self) { try output.preflight() }
    var bodyRan = false
    #expect(throws: OutputError.self) {
      try output.replaceContents { _ in bodyRan = true }
    }
    #expect(!bodyRan)
    #expect(try temporary.snapshot("out") == before)
    #expect(try stagingLeftovers(in: temporary).isEmpty)
  }

  @Test func refusalsNameThePathAndTheReason() throws {
    let temporary = try TemporaryDirectory()
    try temporary.write("file", "x")
    try temporary.write("foreign/notes.txt", "x")
    try temporary.makeDirectory("real")
    try temporary.symlink("link", to: "real")
    func message(_ path: String) -> String? {
      do {
        try OutputDirectory(path: path).preflight()
        return nil
      } catch {
        return error.message
      }
    }
    #expect(
      message(temporary.url("file")) == "\(temporary.url("file")) exists and is not a directory")
    #expect(
      message(temporary.url("missing/out"))
        == "cannot create \(temporary.url("missing/out")): the parent directory \(temporary.url("missing")) does not exist"
    )
    #expect(
      message(temporary.url("file/out"))
        == "cannot create \(temporary.url("file/out")): \(temporary.url("file")) is not a directory"
    )
    #expect(
      message(temporary.url("link"))?.hasPrefix("\(temporary.url("link")) is a symbolic link")
        == true)
    #expect(
      message(temporary.url("foreign"))?.hasPrefix(
        "\(temporary.url("foreign")) is not empty and holds no manifest.json written by skuc")
        == true)
    #expect(message(".")?.hasPrefix("cannot use '.' as the output directory") == true)
    #expect(message("/")?.hasPrefix("cannot use '/' as the output directory") == true)
    #expect(message(temporary.url("..")) != nil)
    #expect(message(temporary.url("real")) == nil)
    #expect(message(temporary.url("new")) == nil)
  }

  @Test(.enabled(if: !runningAsRoot, "root writes whatever the permission bits say"))
  func refusesAReadOnlyParentOrDirectory() throws {
    let temporary = try TemporaryDirectory()
    try temporary.makeDirectory("locked")
    try temporary.makeDirectory("open/out")
    chmod(temporary.url("locked"), 0o555)
    chmod(temporary.url("open/out"), 0o555)
    #expect(throws: OutputError.self) {
      try OutputDirectory(path: temporary.url("locked/out")).preflight()
    }
    #expect(throws: OutputError.self) {
      try OutputDirectory(path: temporary.url("open/out")).preflight()
    }
  }

  @Test func writerAcceptsOnlyPlainVisibleNamesAndEachNameOnce() throws {
    let temporary = try TemporaryDirectory()
    let output = OutputDirectory(path: temporary.url("out"))
    try output.replaceContents { writer in
      for bad in ["", ".", "..", "../x.json", "a/b.json", ".hidden", "nul\u{0}.json"] {
        #expect(throws: OutputError.self) { try writer.write(bad, [1]) }
      }
      try writer.write("a.json", [1])
      #expect(throws: OutputError.self) { try writer.write("a.json", [2]) }
      try writer.write("manifest.json", ourManifest)
    }
    #expect(try temporary.snapshot("out") == ["a.json": [1], "manifest.json": ourManifest])
  }

  @Test func anErrorFromTheBodyLeavesTheDirectoryUnchanged() throws {
    struct Stop: Error {}
    let temporary = try TemporaryDirectory()
    let output = OutputDirectory(path: temporary.url("out"))
    try replace(output, with: ["crm.json": "1"])
    let before = try temporary.snapshot("out")
    #expect(throws: Stop.self) {
      try output.replaceContents { writer in
        try writer.write("crm.json", Array("2".utf8))
        throw Stop()
      }
    }
    #expect(try temporary.snapshot("out") == before)
    #expect(try stagingLeftovers(in: temporary).isEmpty)
  }

  @Test(arguments: [
    (OutputStep.createFile, ENOSPC, "cannot create OUT/b.json: No space left on device"),
    (OutputStep.writeFile, ENOSPC, "cannot write OUT/b.json: No space left on device"),
    (OutputStep.syncFile, EIO, "cannot write OUT/b.json: Input/output error"),
    (OutputStep.closeFile, EIO, "cannot write OUT/b.json: Input/output error"),
    (OutputStep.syncStaging, EIO, "cannot write OUT: Input/output error"),
    (OutputStep.swap, EXDEV, "cannot replace OUT: Invalid cross-device link"),
    (OutputStep.syncParent, EIO, "cannot write OUT: Input/output error"),
  ])
  func aFailingStepLeavesTheOldContentAndNoStagingDirectory(
    step: OutputStep, code: Int32, expected: String
  ) throws {
    let temporary = try TemporaryDirectory()
    var output = OutputDirectory(path: temporary.url("out"))
    try replace(output, with: ["a.json": "old a", "b.json": "old b"])
    let before = try temporary.snapshot("out")
    output.injectFault = { failing, subject in
      failing == step && ["b.json", "out"].contains(subject) ? code : nil
    }
    do {
      try replace(output, with: ["a.json": "new a", "b.json": "new b", "c.json": "new c"])
      Issue.record("the injected failure did not surface")
    } catch let error as OutputError {
      #expect(error.message == expected.replacingOccurrences(of: "OUT", with: temporary.url("out")))
    }
    #expect(try temporary.snapshot("out") == before)
    #expect(try stagingLeftovers(in: temporary).isEmpty)
  }

  @Test func aFailingStepOnAFirstBuildLeavesNoDirectory() throws {
    let temporary = try TemporaryDirectory()
    var output = OutputDirectory(path: temporary.url("out"))
    output.injectFault = { step, _ in step == .syncParent ? EIO : nil }
    #expect(throws: OutputError.self) { try replace(output, with: ["a.json": "a"]) }
    #expect(try temporary.names().isEmpty)
  }
}
