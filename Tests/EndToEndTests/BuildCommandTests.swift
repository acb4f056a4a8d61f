import Foundation
import Testing

/// Runs the built `skuc` like a user or CI would, and checks stdout, stderr and exit status.
@Suite(.serialized) struct BuildCommandTests {
  @Test func exampleCatalogsCheckClean() throws {
    let result = try skuc(["check", Paths.catalogs])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
  }

  @Test func exampleCatalogPayloadsMatchGoldens() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let out = temp.appendingPathComponent("payloads")
    let result = try skuc(["build", Paths.catalogs, "--out", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    let files = try snapshot(out)
    #expect(files.keys.sorted().contains("manifest.json"))
    for (name, bytes) in files.sorted(by: { $0.key < $1.key }) {
      try expectGolden(String(decoding: bytes, as: UTF8.self), "payloads/\(name)")
    }
  }

  @Test func buildIsDeterministic() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let first = temp.appendingPathComponent("a")
    let second = temp.appendingPathComponent("b")
    try skuc(["build", Paths.catalogs, "--out", first.path])
    try skuc(
      ["build", Paths.catalogs, "--out", second.path],
      environment: ["TZ": "Asia/Shanghai", "LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8"])
    let a = try snapshot(first)
    let b = try snapshot(second)
    #expect(!a.isEmpty)
    #expect(a == b)
  }

  @Test func summaryNamesEveryProduct() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let result = try skuc([
      "build", Paths.catalogs, "--out", temp.appendingPathComponent("o").path, "--summary",
    ])
    #expect(result.status == 0)
    for id in [
      "yunke-crm", "data-migration-service", "secure-gateway-image", "design-suite-license",
      "ocr-api",
    ] {
      #expect(result.stdout.contains(id))
    }
  }

  @Test func errorsInThreeFilesAreAllReported() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let broken = "skuc: 1\nproduct:\n  id: x\n  prcie: 1\n"
    try writeTree(
      [
        "a.yaml": broken, "sub/b.yaml": broken, "sub/deeper/c.yml": broken,
        "_drafts/d.yaml": broken,
      ], at: temp)
    let result = try skuc(["check", "."], in: temp)
    #expect(result.status == 1)
    for file in ["a.yaml", "sub/b.yaml", "sub/deeper/c.yml"] {
      #expect(result.stderr.contains("\(file):4:3: error[T102]"), "\(result.stderr)")
    }
    #expect(!result.stderr.contains("_drafts"))
  }

  @Test func failingBuildLeavesOutputUntouched() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let out = temp.appendingPathComponent("out")
    #expect(try skuc(["build", Paths.catalogs, "--out", out.path]).status == 0)
    let before = try snapshot(out)
    try writeTree(["bad/p.yaml": "skuc: 1\nproduct: [1, 2\n"], at: temp)
    let result = try skuc(["build", temp.appendingPathComponent("bad").path, "--out", out.path])
    #expect(result.status == 1)
    #expect(try snapshot(out) == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: temp.path).filter {
      $0.contains("staging")
    }
    #expect(leftovers.isEmpty)
  }

  @Test func foreignDirectoryIsRefused() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    try writeTree(["out/notes.txt": "mine"], at: temp)
    let result = try skuc([
      "build", Paths.catalogs, "--out", temp.appendingPathComponent("out").path,
    ])
    #expect(result.status == 2)
    #expect(try snapshot(temp.appendingPathComponent("out")) == ["notes.txt": Data("mine".utf8)])
  }

  @Test func jsonDiagnosticsGoToStandardOutput() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    try writeTree(["p.yaml": "skuc: 1\nproduct:\n  id: x\n  prcie: 1\n"], at: temp)
    let result = try skuc(["check", temp.path, "--format", "json"])
    #expect(result.status == 1)
    let parsed =
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
    let unknownKey = parsed?.first { $0["code"] as? String == "T102" }
    #expect(unknownKey?["line"] as? Int == 4)
    #expect(unknownKey?["column"] as? Int == 3)
    #expect(unknownKey?["file"] as? String == temp.path + "/p.yaml")
  }

  @Test func githubAnnotations() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    try writeTree(["p.yaml": "skuc: 1\nproduct:\n  id: x\n  prcie: 1\n"], at: temp)
    let result = try skuc(["check", "p.yaml", "--format", "github"], in: temp)
    #expect(result.status == 1)
    #expect(result.stdout.contains("::error file=p.yaml,line=4,col=3"))
  }

  @Test func usageErrorsExitTwo() throws {
    #expect(try skuc(["check", "--no-such-flag"]).status == 2)
    #expect(try skuc(["build", Paths.catalogs]).status == 2)
    #expect(try skuc(["check", "/nonexistent/catalogs"]).status == 2)
  }

  @Test func helpTeaches() throws {
    let help = try skuc(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("Examples:"))
    let check = try skuc(["help", "check"])
    #expect(check.status == 0)
    #expect(check.stdout.contains("skuc check"))
    let version = try skuc(["--version"])
    #expect(version.stdout.contains("catalog-v1"))
  }

  @Test func warningsAsErrorsFailTheCheck() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    try writeTree(
      [
        "p.yaml": try String(contentsOfFile: Paths.catalogs + "/api/ocr.yaml", encoding: .utf8)
          .replacingOccurrences(
            of: "    rules:\n",
            with: "    rules:\n      - forbid: {model: invoice, package: calls_1m}\n")
      ],
      at: temp)
    let lenient = try skuc(["check", temp.path])
    #expect(lenient.status == 0)
    #expect(lenient.stderr.contains("warning[R305]"))
    let strict = try skuc(["check", temp.path, "--warnings-as-errors"])
    #expect(strict.status == 1)
  }
}
