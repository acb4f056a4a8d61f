import Foundation
import Testing

@testable import SkuCompiler

/// Payload directories as diff sides: read back exactly, and refused when they are not what
/// `skuc build` wrote.
@Suite struct PayloadDirectoryTests {
  private let yaml = catalog(
    attributes: """
        edition:
          type: enum
          name: {zh-CN: 版本类型, en-US: Edition}
          values:
            basic: {zh-CN: 基础, en-US: Basic}
            pro: {zh-CN: 专业, en-US: Pro}
      """,
    specs: """
        main:
          name: {zh-CN: 主, en-US: Main}
          billing: one-time
          attributes: [edition]
          pricing:
            - add: {by: edition, table: {basic: 10, pro: "20.50"}}
      """)

  /// Writes the payloads of `yaml` into `directory/out`, returning the checked catalog.
  private func build(into directory: TemporaryDirectory) throws -> CheckedCatalog {
    let catalog = try #require(compile(yaml).catalog)
    for file in Emitter.emit(catalog).files {
      try directory.write("out/" + file.name, bytes: file.bytes)
    }
    return catalog
  }

  private func message(_ body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch let error as UsageError {
      return error.message
    } catch {
      return "unexpected \(error)"
    }
  }

  @Test func readsBackTheCatalogsSide() throws {
    let directory = try TemporaryDirectory()
    let catalog = try build(into: directory)
    #expect(try PayloadDirectory.probe(directory.url("out")) == .payloads)
    #expect(try PayloadDirectory.read(directory.url("out")) == DiffSide(catalog))
  }

  @Test func otherManifestsLeaveTheDirectoryACatalog() throws {
    let directory = try TemporaryDirectory()
    try directory.write("a/manifest.json", #"{"format": "something-else"}"#)
    #expect(try PayloadDirectory.probe(directory.url("a")) == .notPayloads)
    try directory.makeDirectory("b")
    #expect(try PayloadDirectory.probe(directory.url("b")) == .notPayloads)
    try directory.write("c/manifest.json", #"{"format": "skuc-manifest/2", "products": []}"#)
    #expect(
      message { _ = try PayloadDirectory.probe(directory.url("c")) }?.contains("skuc-manifest/2")
        == true)
    try directory.write("d/manifest.json", "{\"format\": ")
    #expect(
      message { _ = try PayloadDirectory.probe(directory.url("d")) }?.contains("not valid JSON")
        == true)
  }

  @Test func refusesFilesOutsideTheDirectory() throws {
    let directory = try TemporaryDirectory()
    try directory.write(
      "out/manifest.json",
      #"{"format": "skuc-manifest/1", "products": [{"id": "p", "file": "../p.json", "skus": 1, "sha256": "00"}]}"#
    )
    #expect(
      message { _ = try PayloadDirectory.read(directory.url("out")) }?.contains("not a file name")
        == true)
  }

  @Test func refusesMissingAndMalformedPayloads() throws {
    let directory = try TemporaryDirectory()
    _ = try build(into: directory)
    let payload = try directory.snapshot("out")["p.json"] ?? []
    // Drop one price's "from", then fix the manifest's digest so that only the shape is wrong.
    let text = String(decoding: payload, as: UTF8.self)
    let broken = text.replacingOccurrences(of: "\"from\":\"10.00\",", with: "")
    #expect(broken != text)
    try directory.write("out/p.json", broken)
    let manifest = String(
      decoding: try directory.snapshot("out")["manifest.json"] ?? [], as: UTF8.self)
    try directory.write(
      "out/manifest.json",
      manifest.replacingOccurrences(
        of: SHA256Digest.hex(of: payload), with: SHA256Digest.hex(of: Array(broken.utf8))))
    #expect(
      message { _ = try PayloadDirectory.read(directory.url("out")) }
        == directory.url("out/p.json") + ": specs[0].skus[0].prices[0] has no member 'from'")
    try directory.write("out/manifest.json", manifest)
    #expect(
      message { _ = try PayloadDirectory.read(directory.url("out")) }?.contains(
        "does not match its SHA-256") == true)
  }

  @Test func refusesAmountsBeyondThePrecision() throws {
    let document = try? JSONReader.parse(Array(#"{"format": "skuc-payload/1"}"#.utf8))
    #expect(throws: UsageError.self) {
      try PayloadDecoder.product(document ?? .null, file: "x.json")
    }
    var payload = PayloadBuilder.payload(try #require(compile(yaml).catalog).products[0])
    payload = replacingString("10.00", with: "10.001", in: payload)
    #expect(
      message { _ = try PayloadDecoder.product(payload, file: "p.json") }?.contains(
        "at most 2 decimals") == true)
  }

  private func replacingString(_ old: String, with new: String, in value: JSONValue) -> JSONValue {
    switch value {
    case .string(let text): .string(text == old ? new : text)
    case .array(let elements): .array(elements.map { replacingString(old, with: new, in: $0) })
    case .object(let members):
      .object(members.map { ($0.0, replacingString(old, with: new, in: $0.1)) })
    default: value
    }
  }
}
