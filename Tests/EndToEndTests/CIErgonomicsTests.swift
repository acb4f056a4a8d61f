import Foundation
import Testing

/// What a CI job and a pre-commit hook need: several paths in one run, warnings acknowledged
/// in the CI configuration, and one clear error for a file in another encoding.
@Suite struct CIErgonomicsTests {
  static let warningCatalog = """
    skuc: 1
    product:
      id: p
      type: saas
      name: {zh-CN: 产品, en-US: Product}
      currency: CNY
    attributes:
      users:
        type: quantity
        name: {zh-CN: 用户数, en-US: Users}
        min: 1
        max: 10
    specs:
      s:
        name: {zh-CN: 规格, en-US: Spec}
        billing: one-time
        attributes: [users]
        pricing:
          - per: users
            model: graduated
            tiers: [{upto: 20, unit: 2}, {unit: 1}]
    """

  static func broken(_ id: String) -> String {
    "skuc: 1\nproduct:\n  id: \(id)\n  prcie: 1\n"
  }

  @Test func checkReportsEveryPathInOneRun() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    try writeTree(["a.yaml": Self.broken("a"), "tree/b.yaml": Self.broken("b")], at: temp)
    let result = try skuc(["check", "a.yaml", "tree", "a.yaml"], in: temp)
    #expect(result.status == 1)
    #expect(result.stderr.contains("a.yaml:4:3: error[T102]"))
    #expect(result.stderr.contains("tree/b.yaml:4:3: error[T102]"))
    // a.yaml given twice is read once
    #expect(result.stderr.contains("2 errors generated"))
    let missing = try skuc(["check", "a.yaml", "nosuch.yaml"], in: temp)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("'nosuch.yaml' does not exist"))
  }

  @Test func buildWritesThePayloadsOfEveryPath() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let out = temp.appendingPathComponent("out").path
    let result = try skuc(
      [
        "build", "Catalogs/saas/crm.yaml", "Catalogs/api", "--out", out,
      ], in: Paths.packageRoot)
    #expect(result.status == 0, "\(result.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    #expect(files == ["manifest.json", "ocr-api.json", "yunke-crm.json"])
  }

  @Test func allowAcknowledgesAWarningCode() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    try writeTree(["p.yaml": Self.warningCatalog], at: temp)
    let strict = try skuc(["check", temp.path, "--warnings-as-errors"])
    #expect(strict.status == 1)
    #expect(strict.stderr.contains("error[P412]"))
    let allowed = try skuc(["check", temp.path, "--warnings-as-errors", "--allow", "P412"])
    #expect(allowed.status == 0, "\(allowed.stderr)")
    #expect(!allowed.stderr.contains("P412"))
    #expect(allowed.stderr == "no errors or warnings; 1 warning acknowledged\n")
    let json = try skuc(["check", temp.path, "--allow", "p412", "--format", "json"])
    #expect(json.status == 0)
    #expect(json.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    let report = try skuc([
      "report", temp.path, "--out", temp.appendingPathComponent("r.html").path,
      "--warnings-as-errors", "--allow", "P412",
    ])
    #expect(report.status == 0, "\(report.stderr)")
    #expect(report.stderr.contains("1 warning acknowledged"))
    let plain = try skuc(["check", temp.path, "--allow", "R305"])
    #expect(plain.stderr.contains("warning[P412]"))
    #expect(plain.stderr.contains("1 warning generated"))
  }

  @Test(arguments: [
    ("P999", "unknown diagnostic code 'P999'"),
    ("T102", "T102 is an error, not a warning"),
  ])
  func allowRefusesUnknownAndErrorCodes(code: String, message: String) throws {
    let result = try skuc(["check", "Catalogs", "--allow", code], in: Paths.packageRoot)
    #expect(result.status == 2)
    #expect(result.stderr.contains(message))
  }

  @Test func aGBKFileGetsOneErrorNamingItsEncoding() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    // 名称: 云客CRM in GBK, then a comment of GBK characters
    let bytes: [UInt8] =
      Array("skuc: 1\nname: ".utf8) + [0xD4, 0xC6, 0xBF, 0xCD] + Array("CRM\n# ".utf8)
      + [0xBB, 0xF9, 0xB4, 0xA1, 0xB0, 0xE6, 0xA1, 0xA2, 0xC6, 0xF3, 0xD2, 0xB5, 0xB0, 0xE6]
      + Array("\n".utf8)
    try Data(bytes).write(to: temp.appendingPathComponent("crm.yaml"))
    let result = try skuc(["check", "crm.yaml"], in: temp)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "crm.yaml:1:1: error[Y006]: the file is not UTF-8 but reads as GB18030 (GBK)"))
    #expect(
      result.stderr.contains(
        "iconv -f GB18030 -t UTF-8 crm.yaml > crm.yaml.utf8 && mv crm.yaml.utf8 crm.yaml"))
    #expect(!result.stderr.contains("Y002"))
    #expect(result.stderr.contains("1 error generated"))
  }

  @Test func aUTF16FileNamesItsEncodingAndTheConversion() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let text = "skuc: 1\n"
    let bytes: [UInt8] =
      [0xFF, 0xFE]
      + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    try Data(bytes).write(to: temp.appendingPathComponent("my crm.yaml"))
    let result = try skuc(["check", "my crm.yaml"], in: temp)
    #expect(result.status == 1)
    #expect(result.stderr.contains("error[Y003]: the file is encoded as UTF-16 (little-endian)"))
    #expect(
      result.stderr.contains(
        "iconv -f UTF-16LE -t UTF-8 'my crm.yaml' > 'my crm.yaml.utf8' && mv 'my crm.yaml.utf8' 'my crm.yaml'"
      ))
  }

  /// `.pre-commit-hooks.yaml` runs its entry on the staged files: several paths at once.
  @Test func thePreCommitEntryChecksStagedFiles() throws {
    let hooks = try String(
      contentsOf: Paths.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"),
      encoding: .utf8)
    let entry = try #require(
      hooks.split(separator: "\n").first { $0.hasPrefix("  entry: ") }?.dropFirst(9))
    let words = entry.split(separator: " ").map(String.init)
    #expect(words.prefix(2) == ["skuc", "check"])
    #expect(hooks.contains("pass_filenames: true"))
    let staged = ["Catalogs/saas/crm.yaml", "Catalogs/api/ocr.yaml"]
    let result = try skuc(Array(words.dropFirst()) + staged, in: Paths.packageRoot)
    #expect(result.status == 0, "\(result.stderr)")
  }
}
