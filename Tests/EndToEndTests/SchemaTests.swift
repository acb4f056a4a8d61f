import Foundation
import Testing

/// The JSON Schemas in `Schemas/` against the compiler they describe: editors must flag the
/// structural mistakes skuc rejects, accept what skuc accepts, and the payloads skuc writes
/// must match the payload and manifest schemas.
@Suite(.serialized, .tags(.slow)) struct SchemaTests {
  static let modelinePrefix = "# yaml-language-server: $schema="

  @Test func schemasAreValidJSONSchema() throws {
    let result = try SchemaValidator.run(["schemas"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
  }

  @Test func exampleCatalogsMatchTheCatalogSchema() throws {
    let verdicts = try SchemaValidator.verdicts(["catalog", "--json", Paths.catalogs])
    #expect(verdicts.count == 5, "expected the 5 example catalogs, found \(verdicts.keys.sorted())")
    for verdict in verdicts.values.sorted(by: { $0.file < $1.file }) {
      #expect(
        verdict.valid, "\(verdict.file) does not match the catalog schema:\n\(verdict.explanation)")
    }
  }

  /// Each example starts with the modeline that points yaml-language-server at the schema, by
  /// a path relative to the file, so that the examples work in an editor as they are.
  @Test func exampleCatalogsNameTheSchemaInTheirFirstLine() throws {
    let root = URL(fileURLWithPath: Paths.catalogs)
    let files = try catalogFiles(below: root)
    #expect(!files.isEmpty)
    for relative in files {
      let text = try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
      let firstLine = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
      let depth = relative.split(separator: "/").count
      let expected =
        Self.modelinePrefix + String(repeating: "../", count: depth) + "Schemas/catalog.schema.json"
      #expect(firstLine == expected, "Catalogs/\(relative) should start with '\(expected)'")
      let target = root.appendingPathComponent(relative).deletingLastPathComponent()
        .appendingPathComponent(String(firstLine.dropFirst(Self.modelinePrefix.count))).standardized
      #expect(
        FileManager.default.fileExists(atPath: target.path),
        "the modeline of Catalogs/\(relative) names \(target.path), which does not exist")
    }
  }

  @Test func builtPayloadsAndManifestMatchTheirSchemas() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let out = temp.appendingPathComponent("payloads")
    let build = try skuc(["build", Paths.catalogs, "--out", out.path])
    try #require(build.status == 0, "\(build.stderr)")
    let verdicts = try SchemaValidator.verdicts(["output", "--json", out.path])
    #expect(
      verdicts.count == 6, "expected 5 payloads and the manifest, found \(verdicts.keys.sorted())")
    for verdict in verdicts.values.sorted(by: { $0.file < $1.file }) {
      #expect(verdict.valid, "\(verdict.file) does not match its schema:\n\(verdict.explanation)")
    }
  }

  /// The payload and manifest schemas are not vacuous: tampering that breaks the contract of
  /// spec §11 is caught. Each change rewrites the first match of a pattern in the built file.
  @Test func payloadSchemasRejectTamperedOutput() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let out = temp.appendingPathComponent("payloads")
    try #require(try skuc(["build", Paths.catalogs, "--out", out.path]).status == 0)
    let tampered: [(name: String, file: String, pattern: String, template: String)] = [
      ("amount as a number", "yunke-crm.json", #""price": ?"([0-9.]+)""#, #""price":$1"#),
      (
        "amount without decimals", "yunke-crm.json", #""from": ?"([0-9]+)\.[0-9]+""#,
        #""from":"$1""#
      ),
      ("unknown key", "yunke-crm.json", #""format": "skuc-payload/1","#, #"$0 "extra": 1,"#),
      ("lower-case SKU code", "ocr-api.json", #""code": ?"S([0-9A-F]{15})""#, #""code":"s$1""#),
      ("charging mode of another billing", "yunke-crm.json", #""PERIOD""#, #""ONE_TIME""#),
      ("price without a period", "yunke-crm.json", #""period": ?"month""#, #""period":null"#),
      ("wrong format", "ocr-api.json", "skuc-payload/1", "skuc-payload/2"),
      (
        "upper-case digest", "manifest.json", #""sha256": "([0-9a-f]{63})[0-9a-f]""#,
        #""sha256": "$1F""#
      ),
      ("SKU count as text", "manifest.json", #""skus": ([0-9]+)"#, #""skus": "$1""#),
    ]
    var changes: [String: (name: String, schema: String)] = [:]
    for (index, change) in tampered.enumerated() {
      let original = try String(
        contentsOf: out.appendingPathComponent(change.file), encoding: .utf8)
      let match = try #require(
        original.range(of: change.pattern, options: .regularExpression),
        "\(change.name): no match for \(change.pattern) in \(change.file)")
      let edited = original.replacingOccurrences(
        of: change.pattern, with: change.template, options: .regularExpression, range: match)
      let url = temp.appendingPathComponent("\(index)-\(change.file)")
      try Data(edited.utf8).write(to: url)
      changes[url.path] = (change.name, change.file == "manifest.json" ? "manifest" : "payload")
    }
    for schema in ["payload", "manifest"] {
      let paths = changes.filter { $0.value.schema == schema }.map(\.key).sorted()
      let verdicts = try SchemaValidator.verdicts(["json", "--json", "--schema", schema] + paths)
      for path in paths {
        #expect(
          verdicts[path]?.rejectedBySchema == true,
          "the \(schema) schema accepts: \(changes[path]?.name ?? path)")
      }
    }
  }

  /// Every structural mistake that skuc rejects is flagged by the schema as well, so an author
  /// sees it while typing. A mutation that skuc stops rejecting, or rejects for another reason,
  /// fails here too, so the list keeps meaning what it says.
  @Test func schemaRejectsTheStructuralMistakesSkucRejects() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let root = URL(fileURLWithPath: Paths.catalogs)
    var written: [(mutation: CatalogMutation, path: String)] = []
    for (index, mutation) in CatalogMutation.all.enumerated() {
      let original = try String(
        contentsOf: root.appendingPathComponent(mutation.catalog), encoding: .utf8)
      guard original.components(separatedBy: mutation.find).count == 2 else {
        Issue.record("\(mutation): '\(mutation.find)' should occur exactly once in the catalog")
        continue
      }
      let url = temp.appendingPathComponent(String(format: "%02d.yaml", index))
      try Data(original.replacingOccurrences(of: mutation.find, with: mutation.replace).utf8).write(
        to: url)
      written.append((mutation, url.path))
    }
    let verdicts = try SchemaValidator.verdicts(["catalog", "--json"] + written.map(\.path))
    for (mutation, path) in written {
      let compiler = try SkucVerdict(checking: path)
      #expect(compiler.status == 1, "skuc check accepts '\(mutation)'")
      #expect(
        compiler.codes.contains(mutation.code),
        "skuc should reject '\(mutation)' with \(mutation.code), but reports:\n  \(compiler.messages.joined(separator: "\n  "))"
      )
      guard let verdict = verdicts[path] else {
        Issue.record("no schema verdict for '\(mutation)'")
        continue
      }
      #expect(
        verdict.rejectedBySchema,
        "the catalog schema accepts '\(mutation)', which skuc rejects:\n  \(compiler.messages.joined(separator: "\n  "))"
      )
    }
  }

  /// The schema does not flag what skuc accepts, in the spellings that YAML 1.2 editors type
  /// differently from skuc's text-only reading.
  @Test func schemaAcceptsTheValidVariantsSkucAccepts() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    var written: [(variant: CatalogVariant, path: String)] = []
    for (index, variant) in CatalogVariant.all.enumerated() {
      let url = temp.appendingPathComponent("variant-\(index).yaml")
      try Data(variant.yaml.utf8).write(to: url)
      written.append((variant, url.path))
    }
    let verdicts = try SchemaValidator.verdicts(["catalog", "--json"] + written.map(\.path))
    for (variant, path) in written {
      let compiler = try SkucVerdict(checking: path)
      #expect(
        compiler.status == 0 && compiler.codes.isEmpty,
        "skuc should accept '\(variant)' cleanly:\n  \(compiler.messages.joined(separator: "\n  "))"
      )
      #expect(
        verdicts[path]?.valid == true,
        "the catalog schema rejects '\(variant)':\n\(verdicts[path]?.explanation ?? "no verdict")")
    }
  }

  /// A report that names the file, the line and column, the place in the document and the
  /// problem, as skuc's own diagnostics do.
  @Test func validatorExplainsFailuresClearly() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let yaml = "skuc: 1\nproduct:\n  id: x\n  type: saas\n  name: X\n  curency: CNY\n"
    let url = temp.appendingPathComponent("p.yaml")
    try Data(yaml.utf8).write(to: url)
    let result = try SchemaValidator.run(["catalog", url.path])
    #expect(result.status == 1)
    let expected = [
      "\(url.path):3:3: /product: 'currency' is a required property",
      "\(url.path):6:3: /product/curency: unknown key 'curency' (expected one of: id, type, name,",
      "\(url.path):1:1: /: 'attributes' is a required property",
    ]
    for line in expected {
      #expect(result.stdout.contains(line), "missing '\(line)' in:\n\(result.stdout)")
    }
  }

  private func catalogFiles(below root: URL) throws -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
    return enumerator.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
      .filter { !$0.split(separator: "/").contains { $0.hasPrefix("_") || $0.hasPrefix(".") } }
      .sorted()
  }
}
