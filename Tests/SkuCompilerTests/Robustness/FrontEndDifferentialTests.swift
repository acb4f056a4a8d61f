import Foundation
import Testing

@testable import SkuCompiler

/// The YAML front end against an independent parser: PyYAML's pure-Python loader, through
/// `Tests/Scripts/yaml_compose.py`. On every document both accept, the node trees (kinds, key
/// order, scalar text) must be equal; every document skuc refuses must be refused with a
/// diagnostic. Where the two disagree for a reason (PyYAML reads YAML 1.1, skuc a strict
/// subset of 1.2), the case is listed in `knownDivergences` with the reason, and a listed case
/// that stops diverging fails too, so the list stays true.
@Suite("Front end against PyYAML", .serialized, .timeLimit(.minutes(5)), .tags(.slow))
struct FrontEndDifferentialTests {
  /// yaml-test-suite cases where skuc and PyYAML disagree, and why.
  static let knownDivergences: [String: String] = [
    "4ABK": """
    libyaml 0.2.5 refuses `omitted value:,` (an implicit key with an empty value right before
    `,`) in a flow mapping; YAML 1.2 and PyYAML accept it. skuc inherits libyaml's refusal:
    a syntax error with a position, never a wrong tree.
    """,
    "DC7X": """
    YAML 1.2 allows tabs as separating white space after a value; PyYAML (YAML 1.1) refuses a
    tab there. skuc accepts: only tabs used for indentation are refused (checklist A8).
    """,
    "J3BT": "A tab between `block:` and `|`: separating white space in YAML 1.2 (see DC7X).",
    "K54U": "A tab after `---`: separating white space in YAML 1.2 (see DC7X).",
    "JR7V": """
    PyYAML (YAML 1.1) ends a plain scalar at `?` inside flow collections; YAML 1.2 and libyaml
    keep `a?string` whole. skuc gives the YAML 1.2 reading.
    """,
    "X4QW": """
    `block: ># comment`: the suite marks this an error (a comment needs white space before
    it) and PyYAML refuses it; libyaml 0.2.5 accepts it and drops the comment. The reading is
    unambiguous (the text of the scalar is the same either way), so skuc's acceptance cannot
    change a price; reported to the front end's owner.
    """,
  ]

  /// Codes that refuse a document for being outside skuc's subset, not for being bad YAML.
  static let subsetCodes: Set<DiagnosticCode> = [
    .invalidUTF8, .unsupportedEncoding, .misplacedByteOrderMark, .forbiddenCharacter,
    .tabIndentation, .emptyDocument, .multipleDocuments, .anchorOrAlias, .tag, .mergeKey,
    .directive, .duplicateKey, .nonScalarKey, .nestingTooDeep, .keyTooLong,
  ]

  @Test func generatedDocumentsGiveTheSameTree() throws {
    var generator = YAMLCorpusGenerator(seed: 0x59A3_1001)
    var documents: [(name: String, bytes: [UInt8])] = []
    for index in 0..<600 {
      let maxDepth = [1, 2, 3, 4, 6, 8][index % 6]
      documents.append(
        ("generated-\(index).yaml", Array(generator.document(maxDepth: maxDepth).utf8)))
    }
    for depth in [1, 2, 16, 32, 63, 64, 64, 64] {
      documents.append(
        ("deep-\(depth)-\(documents.count).yaml", Array(generator.deepDocument(depth: depth).utf8)))
    }
    let references = try PyYAML.compose(documents)
    var accepted = 0
    for (document, reference) in zip(documents, references) {
      let result = YAMLFrontEnd.parse(document.bytes, file: document.name)
      let text = String(decoding: document.bytes, as: UTF8.self)
      guard let tree = result.document else {
        Issue.record("skuc refused \(document.name): \(result.diagnostics.map(\.message))\n\(text)")
        continue
      }
      let ours = ComposedTree.line(tree)
      #expect(
        ours == reference,
        "\(document.name) differs:\n\(text)\nskuc:   \(ours)\nPyYAML: \(reference)")
      if ours == reference { accepted += 1 }
    }
    #expect(accepted == documents.count)
  }

  @Test(.enabled(if: YAMLTestSuite.isPresent, YAMLTestSuite.absentReason))
  func yamlTestSuiteAgreesOrDivergesForAListedReason() throws {
    let cases = try YAMLTestSuite.cases()
    try #require(cases.count > 300, "only \(cases.count) cases in \(YAMLTestSuite.root.path)")
    let references = try PyYAML.compose(cases.map { ($0.id, $0.bytes) })
    var divergent: Set<String> = []
    var agreedTrees = 0
    for (testCase, reference) in zip(cases, references) {
      let result = YAMLFrontEnd.parse(testCase.bytes, file: "in.yaml")
      expectDiagnosticsPointIntoTheFile(result, bytes: testCase.bytes, name: testCase.id)
      let pyYAMLAccepts = reference.hasPrefix(#"{"tree":"#)
      let verdict: String?
      if let document = result.document {
        let ours = ComposedTree.line(document)
        verdict =
          ours == reference
          ? nil : "skuc accepts with \(ours)\n  PyYAML: \(reference)"
        if verdict == nil { agreedTrees += 1 }
      } else {
        let codes = Set(result.diagnostics.filter { $0.severity == .error }.map(\.code))
        #expect(!codes.isEmpty, "\(testCase.id): refused without an error diagnostic")
        verdict =
          pyYAMLAccepts && !codes.isSubset(of: Self.subsetCodes)
          ? "skuc refuses with \(result.diagnostics.map { "\($0.code.rawValue) \($0.message)" }), PyYAML accepts"
          : nil
      }
      guard let verdict else { continue }
      divergent.insert(testCase.id)
      if Self.knownDivergences[testCase.id] == nil {
        Issue.record(
          "\(testCase.id) (\(testCase.title)): \(verdict)\n\(String(decoding: testCase.bytes, as: UTF8.self))"
        )
      }
    }
    let stale = Set(Self.knownDivergences.keys).subtracting(divergent)
    #expect(stale.isEmpty, "listed as divergent but now agree: \(stale.sorted())")
    #expect(agreedTrees > 150, "only \(agreedTrees) identical trees")
  }
}

/// The diagnostics of a refused document must point into it: the invariant the fuzzer checks,
/// here on the yaml-test-suite's inputs.
func expectDiagnosticsPointIntoTheFile(
  _ result: SyntaxResult, bytes: [UInt8], name: String,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  for diagnostic in result.diagnostics {
    guard let range = diagnostic.range else { continue }
    #expect(
      range.start.line >= 1 && range.start.column >= 1 && range.start.offset <= bytes.count,
      "\(name): \(diagnostic.message) at \(range.start)", sourceLocation: sourceLocation)
  }
}

/// Runs `Tests/Scripts/yaml_compose.py` once over many documents.
enum PyYAML {
  static let script = packageRoot.appendingPathComponent("Tests/Scripts/yaml_compose.py")

  /// One line per document, in order: `{"tree": ...}`, `{"empty": true}` or `{"error": ...}`.
  static func compose(_ documents: [(name: String, bytes: [UInt8])]) throws -> [String] {
    let directory = try TemporaryDirectory()
    var list = ""
    for (index, document) in documents.enumerated() {
      try directory.write("\(index).yaml", bytes: document.bytes)
      list += directory.url("\(index).yaml") + "\n"
    }
    try directory.write("list.txt", list)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script.path, directory.url("out.jsonl")]
    process.standardInput = FileHandle(forReadingAtPath: directory.url("list.txt"))
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let errorText = String(
      decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw TestSetupError(
        "\(script.lastPathComponent) failed (is PyYAML installed? `make deps`): \(errorText)")
    }
    let output = try String(contentsOfFile: directory.url("out.jsonl"), encoding: .utf8)
    let lines = output.split(separator: "\n").map(String.init)
    guard lines.count == documents.count else {
      throw TestSetupError("\(lines.count) results for \(documents.count) documents")
    }
    return lines
  }
}

/// Subset violations spliced into generated catalogs-shaped documents: skuc refuses each with
/// its own code, wherever it lands. Where PyYAML reads the same document differently, the
/// table says so and why; these are skuc's deliberate divergences from YAML.
@Suite("Front end: subset violations", .timeLimit(.minutes(2)), .tags(.slow))
struct SubsetViolationTests {
  struct Violation: CustomTestStringConvertible, Sendable {
    var name: String
    var appended: String
    var code: DiagnosticCode
    /// Whether PyYAML composes the document anyway.
    var pyYAMLAccepts: Bool
    var reason: String

    var testDescription: String { name }
  }

  static let violations: [Violation] = [
    Violation(
      name: "anchor and alias", appended: "ZZanchor: &a x\nZZalias: *a\n", code: .anchorOrAlias,
      pyYAMLAccepts: true, reason: "spec §1: aliases could expand without bound"),
    Violation(
      name: "billion laughs",
      appended: "ZZl0: &l0 [x, x]\n"
        + (1..<9).map { "ZZl\($0): &l\($0) [*l\($0 - 1), *l\($0 - 1)]\n" }.joined(),
      code: .anchorOrAlias, pyYAMLAccepts: true,
      reason: "checklist A13: refused at the first alias, nothing is expanded"),
    Violation(
      name: "tag", appended: "ZZtag: !!float 1\n", code: .tag, pyYAMLAccepts: true,
      reason: "spec §1: no implicit or explicit typing"),
    Violation(
      name: "merge key", appended: "ZZmerge: {<<: {a: 1}}\n", code: .mergeKey,
      pyYAMLAccepts: true, reason: "spec §1: merge keys hide where a value comes from"),
    Violation(
      name: "second document", appended: "---\nx: 1\n", code: .multipleDocuments,
      pyYAMLAccepts: false, reason: "both refuse: compose reads one document"),
    Violation(
      name: "tab indentation", appended: "ZZtab:\n\tx: 1\n", code: .tabIndentation,
      pyYAMLAccepts: false, reason: "both refuse"),
    Violation(
      name: "duplicate key", appended: "ZZdup: 1\nZZdup: 2\n", code: .duplicateKey,
      pyYAMLAccepts: true, reason: "PyYAML's composer keeps both; the constructor keeps the last"),
    Violation(
      name: "canonically equal keys", appended: "ZZnfc: {caf\u{E9}: 1, cafe\u{301}: 2}\n",
      code: .duplicateKey, pyYAMLAccepts: true,
      reason: "NFC and NFD spellings look the same to an author (docs/spec-readings.md)"),
    Violation(
      name: "non-scalar key", appended: "? [a, b]\n: c\n", code: .nonScalarKey,
      pyYAMLAccepts: true, reason: "mapping keys are plain strings in catalogs"),
    Violation(
      name: "control character", appended: "ZZctl: a\u{1}b\n", code: .forbiddenCharacter,
      pyYAMLAccepts: false, reason: "both refuse"),
    Violation(
      name: "NEL", appended: "ZZnel: \"a\u{85}b\"\n", code: .forbiddenCharacter,
      pyYAMLAccepts: true,
      reason:
        "PyYAML and libyaml take U+0085 as a line break (here folded to a space) that editors do not show"
    ),
    Violation(
      name: "LINE SEPARATOR", appended: "ZZls: \"a\u{2028}b\"\n", code: .forbiddenCharacter,
      pyYAMLAccepts: true, reason: "a line break to YAML 1.1, invisible in editors"),
    Violation(
      name: "PARAGRAPH SEPARATOR", appended: "ZZps: \"a\u{2029}b\"\n", code: .forbiddenCharacter,
      pyYAMLAccepts: true, reason: "a line break to YAML 1.1, invisible in editors"),
    Violation(
      name: "byte order mark inside", appended: "ZZbom: a\u{FEFF}b\n",
      code: .misplacedByteOrderMark, pyYAMLAccepts: true,
      reason: "checklist A5: only a leading UTF-8 BOM is allowed"),
    Violation(
      name: "long key", appended: String(repeating: "k", count: 1100) + ": 1\n",
      code: .keyTooLong, pyYAMLAccepts: false, reason: "both refuse (simple keys end at 1024)"),
    Violation(
      name: "65 levels",
      appended: "ZZdeep: " + String(repeating: "[", count: 64)
        + String(repeating: "]", count: 64) + "\n", code: .nestingTooDeep, pyYAMLAccepts: true,
      reason: "spec §1: nesting depth at most 64"),
  ]

  @Test(arguments: violations)
  func violationIsRefusedWithItsCode(violation: Violation) throws {
    var generator = YAMLCorpusGenerator(seed: 0x5B5E_7000 &+ UInt64(violation.name.utf8.count))
    var documents: [(name: String, bytes: [UInt8])] = []
    for index in 0..<20 {
      documents.append(
        (
          "\(violation.name)-\(index).yaml",
          Array((generator.mappingDocument() + violation.appended).utf8)
        ))
    }
    if violation.code != .multipleDocuments {
      documents.append(
        ("\(violation.name)-first.yaml", Array((violation.appended + "ZZlast: 1\n").utf8)))
    }
    let references = try PyYAML.compose(documents)
    for (document, reference) in zip(documents, references) {
      let result = YAMLFrontEnd.parse(document.bytes, file: document.name)
      let text = String(decoding: document.bytes, as: UTF8.self)
      #expect(result.document == nil, "\(document.name) accepted:\n\(text)")
      #expect(
        result.diagnostics.contains { $0.code == violation.code && $0.severity == .error },
        "\(document.name): \(result.diagnostics.map { "\($0.code.rawValue) \($0.message)" })\n\(text)"
      )
      expectDiagnosticsPointIntoTheFile(result, bytes: document.bytes, name: document.name)
      #expect(
        reference.hasPrefix(#"{"tree":"#) == violation.pyYAMLAccepts,
        "PyYAML on \(document.name): \(reference)")
    }
  }

  @Test func aMillionOpenBracketsStopAtTheFirstNodeTooDeep() {
    let bytes = Array(String(repeating: "[", count: 1_000_000).utf8)
    let clock = ContinuousClock()
    let start = clock.now
    let result = YAMLFrontEnd.parse(bytes, file: "deep.yaml")
    #expect(clock.now - start < .seconds(2))
    #expect(result.diagnostics.map(\.code) == [.nestingTooDeep])
    #expect(result.diagnostics.first?.range?.start.column == 65)
  }
}
