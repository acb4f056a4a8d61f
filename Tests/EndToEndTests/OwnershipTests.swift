import Foundation
import Testing

/// Reliability H3 and H4 end to end (spec §15, ownership): `build --out DIR` and `report --out
/// FILE` replace only what skuc wrote, and leave everything else byte for byte as it was.
@Suite("Ownership of outputs", .serialized)
struct OwnershipTests {
  func contents(_ directory: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: directory.path)
    while let relative = enumerator?.nextObject() as? String {
      let full = directory.appendingPathComponent(relative)
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: full.path, isDirectory: &isDirectory)
      result[relative] = isDirectory.boolValue ? Data() : try Data(contentsOf: full)
    }
    return result
  }

  /// A first build, then `extra` added to DIR: the second build must refuse and change nothing.
  @Test(arguments: [
    ("NOTES.md", "NOTES.md"), (".git/HEAD", ".git"), ("crm.json", "crm.json"),
  ])
  func buildRefusesADirectoryHoldingForeignEntries(extra: String, named: String) throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let out = temp.appendingPathComponent("payloads")
    let first = try skuc(["build", Paths.catalogs, "--out", out.path])
    #expect(first.status == 0, "\(first.stderr)")
    let added = out.appendingPathComponent(extra)
    try FileManager.default.createDirectory(
      at: added.deletingLastPathComponent(), withIntermediateDirectories: true)
    // crm.json is listed in the manifest: overwriting it by hand makes its hash wrong.
    try Data("mine\n".utf8).write(to: added)
    let before = try contents(out)
    let second = try skuc(["build", Paths.catalogs, "--out", out.path])
    #expect(second.status == 2, "\(second.stderr)")
    #expect(
      second.stderr.contains("holds '\(named)', which build did not write"), "\(second.stderr)")
    #expect(try contents(out) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path) == ["payloads"])
  }

  @Test func buildRefusesAForgedManifestInASourceFolder() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let source = temp.appendingPathComponent("src")
    try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
    try Data(#"{"format": "skuc-manifest/1", "products": []}"#.utf8).write(
      to: source.appendingPathComponent("manifest.json"))
    try Data("skuc: 1\n".utf8).write(to: source.appendingPathComponent("main.swift"))
    let before = try contents(source)
    let result = try skuc(["build", Paths.catalogs, "--out", source.path])
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "skuc: error: \(source.path) holds 'main.swift', which build did not write (manifest.json does not list it); refusing to replace \(source.path), since build never deletes files it did not write (move it elsewhere or choose another --out)\n"
    )
    #expect(try contents(source) == before)
  }

  @Test func buildRefusesAManifestThatClaimsASourceFileWithItsTrueHash() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let source = temp.appendingPathComponent("src")
    try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
    let catalog = source.appendingPathComponent("crm.yaml")
    try Data("skuc: 1\n".utf8).write(to: catalog)
    let digest = try sha256Hex(of: catalog)
    let manifest = """
      {"format": "skuc-manifest/1", "products": [
        {"id": "crm", "file": "crm.yaml", "skus": 1, "sha256": "\(digest)"}]}
      """
    try Data(manifest.utf8).write(to: source.appendingPathComponent("manifest.json"))
    let before = try contents(source)
    let result = try skuc(["build", Paths.catalogs, "--out", source.path])
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains("holds no manifest.json written by skuc"), "\(result.stderr)")
    #expect(try contents(source) == before)
  }

  @Test func buildReplacesItsOwnOutputAndRemovesStaleStaging() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let out = temp.appendingPathComponent("payloads")
    #expect(try skuc(["build", Paths.catalogs, "--out", out.path]).status == 0)
    try FileManager.default.createDirectory(
      at: temp.appendingPathComponent(".payloads.skuc-staging-0123abcd"),
      withIntermediateDirectories: true)
    let again = try skuc(["build", Paths.catalogs, "--out", out.path])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path) == ["payloads"])
  }

  @Test func reportRefusesToOverwriteAFileItDidNotWrite() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let victim = temp.appendingPathComponent("crm.yaml")
    try FileManager.default.copyItem(
      at: URL(fileURLWithPath: Paths.catalogs + "/saas/crm.yaml"), to: victim)
    let before = try Data(contentsOf: victim)
    let result = try skuc(["report", Paths.catalogs, "--out", victim.path])
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "skuc: error: \(victim.path) exists and is not a report page skuc wrote; refusing to replace it, since skuc never overwrites files it did not write (remove it or choose another --out)\n"
    )
    #expect(try Data(contentsOf: victim) == before)
  }

  @Test func reportRefusesAFileThatOnlyMentionsTheGeneratorMark() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let victim = temp.appendingPathComponent("notes.yaml")
    let text = "# <meta name=\"generator\" content=\"skuc report\">\nskuc: 1\n"
    try Data(text.utf8).write(to: victim)
    let result = try skuc(["report", Paths.catalogs, "--out", victim.path])
    #expect(result.status == 2, "\(result.stderr)")
    #expect(try String(contentsOf: victim, encoding: .utf8) == text)
  }

  @Test func reportReplacesItsOwnPageAndRemovesTemporariesAKilledRunLeft() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let page = temp.appendingPathComponent("report.html")
    #expect(try skuc(["report", Paths.catalogs, "--out", page.path]).status == 0)
    // What `kill -9` leaves: a hidden temporary file named after a process that is gone.
    let stale = temp.appendingPathComponent(".report.html.skuc-report-2147483646")
    try Data("<!DOCTYPE html>\n<html".utf8).write(to: stale)
    let foreign = temp.appendingPathComponent(".report.html.notes")
    try Data("mine".utf8).write(to: foreign)
    let again = try skuc(["report", Paths.catalogs, "--out", page.path])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: temp.path).sorted() == [
        ".report.html.notes", "report.html",
      ])
  }
}
