import Foundation
import Testing

/// `skuc report` as a command: the file it writes, and its exit statuses.
@Suite struct ReportCommandTests {
  func read(_ url: URL) throws -> Data { try Data(contentsOf: url) }

  @Test func thePageIsOneSelfContainedDeterministicFile() throws {
    let directory = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.copyItem(
      atPath: Paths.catalogs, toPath: directory.appendingPathComponent("Catalogs").path)
    let first = directory.appendingPathComponent("first.html")
    let second = directory.appendingPathComponent("second.html")
    let relative = try skuc(["report", "Catalogs", "--out", "first.html"], in: directory)
    #expect(relative.status == 0, "\(relative.stderr)")
    #expect(relative.stdout.isEmpty && relative.stderr.isEmpty)
    // The same catalog named by an absolute path, and from elsewhere, writes the same bytes.
    let absolute = try skuc(
      ["report", directory.appendingPathComponent("Catalogs").path + "/", "--out", second.path])
    #expect(absolute.status == 0, "\(absolute.stderr)")
    #expect(try read(first) == read(second))

    let page = String(decoding: try read(first), as: UTF8.self)
    #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\""))
    #expect(!page.contains(directory.path))
    #expect(!page.contains("/tmp"))
    for external in ["http:", "https:", "//fonts", "src=", "<link", "@import", "url("] {
      #expect(!page.contains(external), "the page refers to something outside it: \(external)")
    }
    #expect(page.ranges(of: "<style>").count == 1 && page.ranges(of: "<script>").count == 1)
    #expect(page.contains("Noto Sans CJK SC") && page.contains("Microsoft YaHei"))
    #expect(page.contains("@media print") && page.contains("@media (max-width:640px)"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(Set(leftovers) == ["Catalogs", "first.html", "second.html"])
  }

  /// A page an earlier run wrote (the generator mark is how skuc recognises its own pages).
  static let oldPage =
    #"<!DOCTYPE html><html><head><meta name="generator" content="skuc report">old page"#

  @Test func anExistingFileIsReplacedWhole() throws {
    let directory = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("report.html")
    try Data(Self.oldPage.utf8).write(to: out)
    let result = try skuc(["report", Paths.catalogs, "--out", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(String(decoding: try read(out), as: UTF8.self).contains("yunke-crm"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.html"])
  }

  @Test func aCatalogWithErrorsWritesNothing() throws {
    let directory = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try writeTree(["bad/x.yaml": "skuc: 1\nproduct: {id: x}\n"], at: directory)
    let out = directory.appendingPathComponent("report.html")
    try Data(Self.oldPage.utf8).write(to: out)
    let result = try skuc(["report", "bad", "--out", "report.html"], in: directory)
    #expect(result.status == 1)
    #expect(result.stderr.contains("bad/x.yaml:2:"))
    #expect(String(decoding: try read(out), as: UTF8.self) == Self.oldPage)

    let json = try skuc(
      ["report", "bad", "--out", "report.html", "--format", "json"], in: directory)
    #expect(json.status == 1)
    #expect(json.stdout.hasPrefix("["))
  }

  @Test func anOldSideWithErrorsIsReportedAndWritesNothing() throws {
    let directory = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try writeTree(["old/x.yaml": "skuc: 1\nproduct: {id: x}\n"], at: directory)
    let result = try skuc(
      ["report", Paths.catalogs, "--out", "report.html", "--against", "old"], in: directory)
    #expect(result.status == 1)
    #expect(result.stderr.contains("old/x.yaml:2:"))
    #expect(
      !FileManager.default.fileExists(atPath: directory.appendingPathComponent("report.html").path))
  }

  @Test(arguments: [
    (["report", "Catalogs"], "--out"),
    (["report", "Catalogs", "--out", "."], "is a directory"),
    (["report", "Catalogs", "--out", "missing/report.html"], "missing"),
    (["report", "nowhere", "--out", "r.html"], "does not exist"),
    (["report", "Catalogs", "--out", "r.html", "--against", "nowhere"], "does not exist"),
    (["report", "Catalogs", "--out", "r.html", "--colour"], "--colour"),
  ])
  func usageErrorsExitTwo(_ arguments: [String], _ message: String) throws {
    let result = try skuc(arguments, in: Paths.packageRoot)
    #expect(result.status == 2, "\(arguments): \(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(
      !FileManager.default.fileExists(
        atPath: Paths.packageRoot.appendingPathComponent("r.html").path))
  }

  @Test func helpDescribesThePageWithExamples() throws {
    let help = try skuc(["help", "report"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("--against <old>"))
    #expect(help.stdout.contains("skuc report --out build/report.html"))
    let root = try skuc(["--help"])
    #expect(root.stdout.contains("report"))
  }
}
