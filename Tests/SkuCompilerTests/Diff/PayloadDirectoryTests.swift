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
    } catch let error as DiffError {
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

  /// Spec §15 links: a link is followed only inside the directory; one that leaves it is an
  /// error at the link's own path.
  @Test func followsLinksOnlyInsideTheDirectory() throws {
    let directory = try TemporaryDirectory()
    _ = try build(into: directory)
    let payload = try directory.snapshot("out")["p.json"] ?? []
    try directory.write("outside/p.json", bytes: payload)
    try directory.write("out/real/p.json", bytes: payload)
    try FileManager.default.removeItem(atPath: directory.url("out/p.json"))
    try directory.symlink("out/p.json", to: "real/p.json")
    #expect(message { _ = try PayloadDirectory.read(directory.url("out")) } == nil)
    try FileManager.default.removeItem(atPath: directory.url("out/p.json"))
    try directory.symlink("out/p.json", to: "../outside/p.json")
    #expect(
      message { _ = try PayloadDirectory.read(directory.url("out")) }
        == directory.url("out/p.json")
        + " is a symbolic link whose target leaves \(directory.url("out")); payload directories are read without following links out of them"
    )
    let manifest = try directory.snapshot("out")["manifest.json"] ?? []
    try directory.write("outside/manifest.json", bytes: manifest)
    try FileManager.default.removeItem(atPath: directory.url("out/manifest.json"))
    try directory.symlink("out/manifest.json", to: directory.url("outside/manifest.json"))
    #expect(
      message { _ = try PayloadDirectory.probe(directory.url("out")) }?.hasPrefix(
        directory.url("out/manifest.json") + " is a symbolic link whose target leaves") == true)
  }

  @Test func refusesMissingAndMalformedPayloads() throws {
    let directory = try TemporaryDirectory()
    _ = try build(into: directory)
    let payload = try directory.snapshot("out")["p.json"] ?? []
    // Drop one price's "from", then fix the manifest's digest so that only the shape is wrong.
    // The document is edited as JSON: the payload's layout is free (spec §11).
    let text = String(decoding: payload, as: UTF8.self)
    let edited = edit(
      try JSONReader.parse(payload), path: ["specs", 0, "skus", 0, "prices", 0], to: nil,
      dropping: "from")
    let broken = String(decoding: JSONWriter.serialize(edited), as: UTF8.self)
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
    #expect(throws: DiffError.self) {
      try PayloadDecoder.product(document ?? .null, file: "x.json")
    }
    var payload = PayloadBuilder.payload(try #require(compile(yaml).catalog).products[0])
    payload = replacingString("10.00", with: "10.001", in: payload)
    #expect(
      message { _ = try PayloadDecoder.product(payload, file: "p.json") }
        == #"p.json: specs[0].skus[0].prices[0].price is not an amount with exactly 2 decimals (like "12.00"): "10.001""#
    )
  }

  /// Spec §11: exactly `precision` fraction digits, non-negative; any other spelling of an
  /// amount would let two different payloads read alike.
  @Test(arguments: ["10.0000000", "10", "10.0", "-10.00", "+10.00", "010.00", "10.", ".50", "1e1"])
  func refusesAmountSpellings(_ spelling: String) throws {
    var payload = PayloadBuilder.payload(try #require(compile(yaml).catalog).products[0])
    payload = replacingString("10.00", with: spelling, in: payload)
    #expect(
      message { _ = try PayloadDecoder.product(payload, file: "p.json") }?.hasPrefix(
        "p.json: specs[0].skus[0].prices[0].price is not an amount with exactly 2 decimals") == true
    )
  }

  @Test func refusesDerivedFieldsThatDisagree() throws {
    let product = try #require(compile(yaml).catalog).products[0]
    func refused(_ edit: (JSONValue) -> JSONValue) -> String? {
      message {
        _ = try PayloadDecoder.product(
          edit(PayloadBuilder.payload(product)), file: "p.json", verifying: true)
      }
    }
    #expect(refused { $0 } == nil)
    // The SKU name, not the value's name: nothing explains it.
    #expect(
      refused { edit($0, path: ["specs", 0, "skus", 0, "name", "en-US"], to: .string("Basic!")) }?
        .hasPrefix("p.json: specs[0].skus[0].name is not its values' names joined with \" / \"")
        == true)
    #expect(
      refused { edit($0, path: ["specs", 0, "skus", 0, "code"], to: .string("S000000000000000")) }?
        .hasPrefix("p.json: specs[0].skus[0].code is not \"S") == true)
    #expect(
      refused { edit($0, path: ["specs", 0, "skus", 0, "key"], to: .string("p/main/edition=pro")) }
        == #"p.json: specs[0].skus[0].key is not "p/main/edition=basic", the key of its selection"#)
    #expect(
      refused {
        edit($0, path: ["specs", 0, "skus", 0, "prices", 0, "from"], to: .string("11.00"))
      }
        == #"p.json: specs[0].skus[0].prices[0].from is not "10.00", its price plus the cost of each quantity at its minimum"#
    )
    #expect(
      refused { edit($0, path: ["specs", 0, "chargingMode"], to: .string("PERIOD")) }?
        .hasPrefix("p.json: specs[0].chargingMode is not \"ONE_TIME\"") == true)
  }

  /// `value` with the member at `path` replaced, or (with `dropping`) the object at `path`
  /// without that member.
  @Test func refusesMembersThePayloadFormatDoesNotDefine() throws {
    let product = try #require(compile(yaml).catalog).products[0]
    guard case .object(var members) = PayloadBuilder.payload(product),
      let index = members.firstIndex(where: { $0.0 == "product" }),
      case .object(var fields) = members[index].1
    else { throw TestSetupError("no product object") }
    fields.append(("discount", .string("50%")))
    members[index].1 = .object(fields)
    #expect(
      message {
        _ = try PayloadDecoder.product(.object(members), file: "p.json", verifying: true)
      } == "p.json: product has the member 'discount', which skuc-payload/1 does not define")
    fields.removeLast()
    fields.append(("currency", .string("USD")))
    members[index].1 = .object(fields)
    #expect(
      message { _ = try PayloadDecoder.product(.object(members), file: "p.json") }
        == "p.json: product has the member 'currency' twice")
  }

  private func edit(
    _ value: JSONValue, path: [Any], to replacement: JSONValue?, dropping: String? = nil
  ) -> JSONValue {
    guard let head = path.first else {
      if let dropping, case .object(let members) = value {
        return .object(members.filter { $0.0 != dropping })
      }
      return replacement ?? value
    }
    let rest = Array(path.dropFirst())
    switch value {
    case .object(let members):
      return .object(
        members.map {
          (
            $0.0,
            $0.0 == head as? String
              ? edit($0.1, path: rest, to: replacement, dropping: dropping) : $0.1
          )
        })
    case .array(let elements):
      return .array(
        elements.enumerated().map {
          $0.offset == head as? Int
            ? edit($0.element, path: rest, to: replacement, dropping: dropping) : $0.element
        })
    default:
      return value
    }
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
