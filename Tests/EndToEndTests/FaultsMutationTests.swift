import Foundation
import SkuCompiler
import Testing

/// Property tests over random catalogs (reliability checklist, "never a trap, a signal or a
/// hang"): every generated catalog builds, and every single mutation of one (a deleted line, a
/// changed scalar, a swapped node kind, a duplicated key, a tab, a control character, a
/// truncation at any byte, ...) either builds or fails with errors that point into the file.
/// All mutants run in-process; a share also runs through the built `skuc` under a watchdog,
/// where the exit status must be 0 or 1 and agree with the in-process result.
@Suite(
  "Faults: random catalogs and mutations", .serialized, .timeLimit(.minutes(5)), .tags(.slow))
struct FaultsMutationTests {
  static let catalogCount = 200
  static let mutantsPerCatalog = 8
  /// Every n-th mutant also runs through the binary.
  static let binaryShare = 10

  enum Mutation: CaseIterable {
    case deleteLine, changeScalar, swapNodeKind, duplicateKey, insertTab, insertControl
    case truncate, flipByte, swapLines, reindent, insertDocumentStart, insertBytes
  }

  @Test func randomCatalogsBuild() throws {
    var generator = RandomCatalog(seed: 0xCA7A_1000)
    var built = 0
    for index in 0..<Self.catalogCount {
      let text = generator.yaml(productID: "p\(index)")
      let compilation = compileInProcess(Array(text.utf8))
      #expect(
        compilation.errorCount == 0,
        "catalog \(index):\n\(text)\n\(compilation.diagnostics.map { "\($0.code.rawValue) \($0.message)" })"
      )
      if let catalog = compilation.catalog {
        expectPayloadsAreJSON(Emitter.emit(catalog))
        built += 1
      }
    }
    #expect(built == Self.catalogCount)
    // A few through the binary, all at once as one tree: product ids are distinct.
    let root = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    var again = RandomCatalog(seed: 0xCA7A_1000)
    for index in 0..<20 {
      try writeTree(["cat/p\(index).yaml": again.yaml(productID: "p\(index)")], at: root)
    }
    let run = try watchedSkuc([
      "build", root.appendingPathComponent("cat").path, "--out",
      root.appendingPathComponent("out").path,
    ])
    #expect(run.status == 0, "\(run.summary)")
    #expect(try snapshot(root.appendingPathComponent("out")).count == 21)
  }

  @Test func mutantsBuildOrFailWithDiagnosticsNeverCrash() throws {
    var generator = RandomCatalog(seed: 0xCA7A_2000)
    var random = CatalogRandom(state: 0x3D7A_7E00)
    let root = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    var outcomes: [Mutation: (built: Int, failed: Int)] = [:]
    var mutantIndex = 0
    for index in 0..<Self.catalogCount {
      let original = Array(generator.yaml(productID: "p\(index)").utf8)
      for _ in 0..<Self.mutantsPerCatalog {
        let mutation = random.pick(Mutation.allCases)
        let bytes = mutate(original, mutation, &random)
        let name = "mutant-\(mutantIndex).yaml"
        let compilation = compileInProcess(bytes, path: name)
        let failed = compilation.errorCount > 0
        outcomes[mutation, default: (0, 0)].built += failed ? 0 : 1
        outcomes[mutation, default: (0, 0)].failed += failed ? 1 : 0
        let context = "\(name) (\(mutation)):\n\(String(decoding: bytes, as: UTF8.self))"
        if failed {
          #expect(compilation.catalog == nil, "\(context)")
          for diagnostic in compilation.diagnostics {
            guard let range = diagnostic.range else { continue }
            #expect(
              range.start.line >= 1 && range.start.column >= 1 && range.start.offset <= bytes.count,
              "\(context)")
          }
        } else if let catalog = compilation.catalog {
          expectPayloadsAreJSON(Emitter.emit(catalog))
        }
        if mutantIndex % Self.binaryShare == 0 {
          try runThroughBinary(bytes, name: name, expectFailure: failed, in: root, context: context)
        }
        mutantIndex += 1
      }
    }
    // Each kind of mutation was tried and most of them break the catalog.
    for mutation in Mutation.allCases {
      #expect(
        (outcomes[mutation]?.failed ?? 0) > 0, "\(mutation) never broke a catalog: \(outcomes)")
    }
  }

  private func runThroughBinary(
    _ bytes: [UInt8], name: String, expectFailure: Bool, in root: URL, context: String
  ) throws {
    let tree = root.appendingPathComponent(name + ".d")
    try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
    try Data(bytes).write(to: tree.appendingPathComponent("catalog.yaml"))
    let out = root.appendingPathComponent(name + ".out")
    let run = try watchedSkuc(["build", tree.path, "--out", out.path], timeout: 30)
    #expect(run.endedCleanly, "\(run.summary)\n\(context)")
    #expect(run.status == (expectFailure ? 1 : 0), "\(run.summary)\n\(context)")
    if expectFailure {
      #expect(!errorLines(run).isEmpty, "no positioned error:\n\(run.stderr)\n\(context)")
      #expect(!FileManager.default.fileExists(atPath: out.path), "output written on failure")
    } else {
      #expect(
        FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.json").path))
    }
  }

  /// One mutation of `bytes`. Text mutations work on lines; the byte mutations may leave
  /// invalid UTF-8 behind, which is the point.
  func mutate(_ bytes: [UInt8], _ mutation: Mutation, _ random: inout CatalogRandom) -> [UInt8] {
    var lines = String(decoding: bytes, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .map(String.init)
    let line = Int.random(in: 0..<max(1, lines.count - 1), using: &random)
    func joined() -> [UInt8] { Array(lines.joined(separator: "\n").utf8) }
    switch mutation {
    case .deleteLine:
      lines.remove(at: line)
      return joined()
    case .changeScalar:
      guard let colon = lines[line].range(of: ": ") else {
        return mutate(bytes, .flipByte, &random)
      }
      let replacement = random.pick([
        "", "~", "null", "-1", "0", "1e3", "yes", "0x1F", "99999999999999999999999",
        "1.23456789012",
        "\"\"", "é", "[", "{", "*a", "&a x", "!!int 1", "'", "\"", "a: b", "- x", "|", ">", "#",
        "\"\\u0000\"", "10000000", "-0.005", "１２",
      ])
      lines[line] = String(lines[line][..<colon.upperBound]) + replacement
      return joined()
    case .swapNodeKind:
      guard let colon = lines[line].range(of: ":") else {
        return mutate(bytes, .deleteLine, &random)
      }
      lines[line] =
        String(lines[line][..<colon.upperBound]) + " "
        + random.pick(["[]", "{}", "[a, b]", "{a: b}", "x"])
      return joined()
    case .duplicateKey:
      lines.insert(lines[line], at: line)
      return joined()
    case .insertTab:
      lines[line] =
        random.chance(2)
        ? "\t" + lines[line] : lines[line].replacingOccurrences(of: "  ", with: "\t")
      return joined()
    case .insertControl:
      let character = random.pick([
        "\u{0}", "\u{1}", "\u{7F}", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{202E}",
        "\u{200B}", "\r",
      ])
      var text = lines[line]
      let offset = Int.random(in: 0...text.count, using: &random)
      text.insert(contentsOf: character, at: text.index(text.startIndex, offsetBy: offset))
      lines[line] = text
      return joined()
    case .truncate:
      return Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
    case .flipByte:
      var copy = bytes
      let index = Int.random(in: 0..<copy.count, using: &random)
      copy[index] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
      return copy
    case .swapLines:
      let other = Int.random(in: 0..<lines.count, using: &random)
      lines.swapAt(line, other)
      return joined()
    case .reindent:
      lines[line] = random.chance(2) ? " " + lines[line] : String(lines[line].dropFirst())
      return joined()
    case .insertDocumentStart:
      lines.insert(random.pick(["---", "...", "--- x", "%YAML 1.2"]), at: line)
      return joined()
    case .insertBytes:
      var copy = bytes
      let junk = (0..<Int.random(in: 1...8, using: &random)).map { _ in
        UInt8.random(in: 0...255, using: &random)
      }
      copy.insert(contentsOf: junk, at: Int.random(in: 0...copy.count, using: &random))
      return copy
    }
  }
}

/// Compiles one in-memory file through the whole pipeline, as `skuc check` does.
func compileInProcess(_ bytes: [UInt8], path: String = "catalog.yaml") -> Compilation {
  Pipeline.compile(
    CatalogTreeReading(files: [CatalogSourceFile(path: path, bytes: bytes)], diagnostics: []))
}

func expectPayloadsAreJSON(
  _ payloads: PayloadSet, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  for file in payloads.files {
    #expect(
      (try? JSONSerialization.jsonObject(with: Data(file.bytes))) != nil,
      "\(file.name) is not JSON",
      sourceLocation: sourceLocation)
  }
}
