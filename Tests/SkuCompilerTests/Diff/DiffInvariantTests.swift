import Foundation
import Testing

@testable import SkuCompiler

/// The invariant of spec §15: two payload directories that differ in content never give "no
/// changes". Random leaves of real payloads (the example catalogs and generated ones) are
/// mutated and the manifest re-hashed; the diff must then report a change (so `--fail-on any`
/// trips) or refuse the directory. A copy rewritten in other whitespace must still give no
/// changes. Everything runs in-process through the library and is seeded, so a failure is
/// reproduced by its seed.
@Suite struct DiffInvariantTests {
  static let mutationsPerCatalog = 50

  static func catalogs() throws -> [(String, CheckedCatalog)] {
    var found: [(String, CheckedCatalog)] = [("Catalogs", try QuoteTests.exampleCatalog())]
    for seed in 1...3 {
      var generator = DiffCatalogGenerator(seed: UInt64(seed))
      let compilation = compile(generator.yaml())
      let catalog = try #require(compilation.catalog, "seed \(seed): \(compilation.diagnostics)")
      found.append(("generated \(seed)", catalog))
    }
    return found
  }

  @Test func mutatedPayloadsNeverCompareAsUnchanged() throws {
    var mutations = 0
    var refused = 0
    for (index, (name, catalog)) in try Self.catalogs().enumerated() {
      let directory = try TemporaryDirectory()
      let files = Emitter.emit(catalog).files
      let baseline = try DiffSide(catalog)
      var random = SeededGenerator(state: UInt64(100 + index))
      let payloads = files.filter { $0.name != Emitter.manifestName }
      // Rewritten compactly and re-hashed: other bytes, the same content.
      try write(files, into: directory, pretty: false)
      let rewritten = try PayloadDirectory.read(directory.url("out"))
      #expect(DiffEngine.compare(old: baseline, new: rewritten).changes.isEmpty, "\(name)")
      for round in 0..<Self.mutationsPerCatalog {
        let target = payloads[Int.random(in: 0..<payloads.count, using: &random)]
        let document = try JSONReader.parse(target.bytes)
        var leaves = 0
        countLeaves(document, into: &leaves)
        let chosen = Int.random(in: 0..<leaves, using: &random)
        var position = 0
        var description = ""
        let mutated = mutate(
          document, at: chosen, position: &position, random: &random, path: "",
          description: &description)
        var edited = files
        for (slot, file) in edited.enumerated() where file.name == target.name {
          edited[slot].bytes = JSONWriter.serialize(mutated)
        }
        try write(edited, into: directory, pretty: true)
        mutations += 1
        do {
          let side = try PayloadDirectory.read(directory.url("out"))
          let result = DiffEngine.compare(old: baseline, new: side)
          let any = DiffGate.any.evaluate(result)
          #expect(
            any.tripped,
            "\(name) mutation \(round): \(target.name) \(description) compared as no change")
        } catch {
          refused += 1
        }
      }
    }
    #expect(mutations == 4 * Self.mutationsPerCatalog)
    #expect(refused < mutations, "some mutations must be reported rather than refused")
    #expect(refused > 0, "some mutations must be refused as inconsistent")
  }

  /// Writes `files` into `out/`, payloads re-serialized (`pretty` or compact) and the
  /// manifest's hashes recomputed from the bytes written.
  private func write(
    _ files: [EmittedFile], into directory: TemporaryDirectory, pretty: Bool
  )
    throws
  {
    var hashes: [String: String] = [:]
    for file in files where file.name != Emitter.manifestName {
      let bytes = JSONWriter.serialize(try JSONReader.parse(file.bytes), pretty: pretty)
      hashes[file.name] = SHA256Digest.hex(of: bytes)
      try directory.write("out/" + file.name, bytes: bytes)
    }
    guard let manifest = files.first(where: { $0.name == Emitter.manifestName }),
      case .object(var members) = try JSONReader.parse(manifest.bytes),
      let index = members.firstIndex(where: { $0.0 == "products" }),
      case .array(let products) = members[index].1
    else { throw TestError("no manifest") }
    members[index].1 = .array(
      products.map { entry in
        guard case .object(var fields) = entry,
          case .string(let file)? = fields.first(where: { $0.0 == "file" })?.1,
          let hash = hashes[file], let slot = fields.firstIndex(where: { $0.0 == "sha256" })
        else { return entry }
        fields[slot].1 = .string(hash)
        return .object(fields)
      })
    try directory.write(
      "out/" + Emitter.manifestName, bytes: JSONWriter.serialize(.object(members)))
  }

  private func countLeaves(_ value: JSONValue, into count: inout Int) {
    switch value {
    case .array(let elements): for element in elements { countLeaves(element, into: &count) }
    case .object(let members): for (_, member) in members { countLeaves(member, into: &count) }
    default: count += 1
    }
  }

  /// The document with its `target`-th leaf (depth first) changed to a different value.
  private func mutate(
    _ value: JSONValue, at target: Int, position: inout Int, random: inout SeededGenerator,
    path: String, description: inout String
  ) -> JSONValue {
    switch value {
    case .array(let elements):
      return .array(
        elements.enumerated().map { index, element in
          mutate(
            element, at: target, position: &position, random: &random, path: "\(path)[\(index)]",
            description: &description)
        })
    case .object(let members):
      return .object(
        members.map { name, member in
          (
            name,
            mutate(
              member, at: target, position: &position, random: &random, path: "\(path).\(name)",
              description: &description)
          )
        })
    default:
      defer { position += 1 }
      guard position == target else { return value }
      let changed = Self.changed(value, random: &random)
      description = "\(path): \(value) -> \(changed)"
      return changed
    }
  }

  static func changed(_ value: JSONValue, random: inout SeededGenerator) -> JSONValue {
    switch value {
    case .integer(let number):
      return .integer(Bool.random(using: &random) || number == 0 ? number + 1 : number - 1)
    case .string(let text):
      // An amount: another digit in the last place, or the same amount written otherwise.
      if let last = text.last, let digit = Int(String(last)), Bool.random(using: &random) {
        let replacement = (digit + Int.random(in: 1...9, using: &random)) % 10
        return .string(String(text.dropLast()) + String(replacement))
      }
      if Bool.random(using: &random), text.contains(".") { return .string(text + "0") }
      return .string(text + "x")
    case .bool(let flag): return .bool(!flag)
    case .null: return Bool.random(using: &random) ? .integer(1) : .string("x")
    default: return .null
    }
  }
}

private struct TestError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
