import Foundation
import Testing

@testable import SkuCompiler

/// Where each diagnostic points (issue 11): at the key, value or list entry to change, with
/// notes at the related places, never at the first line of the mapping around it. Every code
/// with a case in `DiagnosticCoverageTests` has its first diagnostic's position pinned here as
/// `line:column`, followed by its notes' positions; a new code needs its line here too.
@Suite struct DiagnosticLocationTests {
  static let locations: [String: String] = [
    "C501": "29:14",
    "C502": "29:14",
    "C503": "29:14",
    "C504": "29:14",
    "C505": "29:33, note 29:15",
    "M201": "1:7",
    "M203": "21:3",
    "M204": "24:13",
    "M220": "3:7",
    "M221": "14:20",
    "M205": "14:12, note 13:7",
    "M206": "20:10, note 19:10",
    "M207": "25:14",
    "M208": "25:14",
    "M209": "26:5, note 25:14",
    "M210": "25:14",
    "M211": "27:27",
    "M212": "8:8",
    "M213": "7:12",
    "M214": "29:16",
    "P401": "31:9, note 30:9",
    "P402": "31:14",
    "P403": "31:9",
    "P404": "33:45, note 33:24",
    "P405": "30:65",
    "P406": "30:53",
    "P407": "30:14, note 30:9",
    "P408": "30:70",
    "P409": "30:9",
    "P410": "23:3",
    "P411": "142:9",
    "P412": "33:38",
    "R301": "28:32",
    "R302": "28:23",
    "R303": "28:14",
    "R304": "28:13",
    "R305": "28:41",
    "R306": "23:3, note 28:13",
    "R307": "27:18, note 13:7",
    "R308": "28:13",
    "R309": "28:41",
    "R310": "28:22",
    "R311": "23:3",
    "R313": "30:16",
    "T101": "8:13",
    "T102": "7:3",
    "T103": "2:1",
    "T104": "3:7",
    "T105": "20:10",
    "T106": "30:14",
    "T107": "30:14",
    "T108": "5:9",
    "T109": "3:7",
    "T110": "7:14",
    "T111": "7:13",
    "T112": "6:13",
    "T113": "7:13",
    "T114": "28:32",
    "T115": "27:27, note 27:18",
    "Y010": "3:1, note 2:10",
    "Y011": "3:1",
    "Y012": "1:1",
    "Y013": "32:1",
    "Y014": "31:4",
    "Y015": "31:4",
    "Y016": "31:5",
    "Y017": "1:1",
    "Y018": "7:3, note 6:3",
    "Y019": "31:1",
    "Y021": "31:1",
  ]

  struct Variant: CustomTestStringConvertible, Sendable {
    var name: String
    var yaml: String
    var code: DiagnosticCode
    var location: String
    var testDescription: String { name }
  }

  typealias Coverage = DiagnosticCoverageTests

  /// The other ways to earn a code whose coverage case shows only one.
  static let variants: [Variant] = [
    Variant(
      name: "periods on a one-time spec, at the periods key",
      yaml: Coverage.base(billing: "billing: one-time\n    periods: [month]"),
      code: .periodsMisuse, location: "26:5, note 25:14"),
    Variant(
      name: "usage_unit on a period spec, at the usage_unit key",
      yaml: Coverage.base(
        billing:
          "billing: period\n    periods: [month, year]\n    usage_unit: {zh-CN: 小时, en-US: hour}"),
      code: .usageUnitMisuse, location: "27:5, note 25:14"),
    Variant(
      name: "a step with no action, at the list entry",
      yaml: Coverage.base(pricing: "      - add: 1\n      - when: {edition: basic}"),
      code: .invalidStep, location: "31:9"),
    Variant(
      name: "a rule with two actions, at the second",
      yaml: Coverage.base(
        spec: "    rules: [{forbid: {edition: basic}, require: {edition: pro}}]"),
      code: .invalidRule, location: "28:40, note 28:14"),
    Variant(
      name: "a spec missing pricing, at the spec's id",
      yaml: Coverage.base().replacingOccurrences(
        of: "    pricing:\n      - add: {by: edition, table: {basic: 10, pro: 20, max: 30}}\n",
        with: ""),
      code: .missingKey, location: "23:3"),
    Variant(
      name: "an attribute missing its name, at the attribute's id",
      yaml: Coverage.base(
        attributes: "  tier:\n    type: enum\n    values: {a: {zh-CN: 甲, en-US: A}}"),
      code: .missingKey, location: "21:3"),
    Variant(
      name: "a file missing specs, at its start",
      yaml: Coverage.base().components(separatedBy: "specs:")[0],
      code: .missingKey, location: "1:1"),
    Variant(
      name: "a locale listed twice, with the first",
      yaml: Coverage.base(product: "  locales: [zh-CN, en-US, zh-CN]"),
      code: .duplicateListItem, location: "7:27, note 7:13"),
    Variant(
      name: "a period listed twice, with the first",
      yaml: Coverage.base(billing: "billing: period\n    periods: [month, year, month]"),
      code: .duplicateListItem, location: "26:28, note 26:15"),
    Variant(
      name: "a selector value listed twice, with the first",
      yaml: Coverage.base(spec: "    rules: [{forbid: {edition: [basic, pro, basic]}}]"),
      code: .duplicateListItem, location: "28:45, note 28:33"),
    Variant(
      name: "bounds whose max is below min, with the min",
      yaml: Coverage.base().replacingOccurrences(
        of: "    pricing:", with: "    checks: [{bounds: {min: \"5\", max: \"1\"}}]\n    pricing:"),
      code: .invalidCheck, location: "29:39, note 29:29"),
  ]

  static func location(of code: DiagnosticCode, in compilation: Compilation) -> String? {
    guard let diagnostic = compilation.diagnostics.first(where: { $0.code == code }) else {
      return nil
    }
    let positions = [diagnostic.range] + diagnostic.notes.map(\.range)
    return positions.enumerated().map { index, range in
      let place = range.map { "\($0.start.line):\($0.start.column)" } ?? "none"
      return index == 0 ? place : "note " + place
    }.joined(separator: ", ")
  }

  @Test func everyCoveredCodeHasAPinnedLocation() {
    for (code, yaml) in Coverage.cases where !yaml.isEmpty {
      #expect(Self.locations[code.rawValue] != nil, "no pinned location for \(code.rawValue)")
    }
  }

  @Test(arguments: Coverage.cases.filter { !$0.value.isEmpty }.map(\.key))
  func codePointsWhereItIsPinned(_ code: DiagnosticCode) throws {
    let yaml = try #require(Coverage.cases[code])
    let actual = Self.location(of: code, in: compile(yaml))
    #expect(actual == Self.locations[code.rawValue], "\(code.rawValue)")
  }

  @Test(arguments: variants)
  func variantPointsWhereItIsPinned(_ variant: Variant) {
    let result = compile(variant.yaml)
    #expect(
      Self.location(of: variant.code, in: result) == variant.location,
      "\(result.diagnostics.map { "\($0.code.rawValue) \($0.message)" })")
  }

  /// The byte-level codes that `DiagnosticCoverageTests` leaves to the pre-scan tests, pinned
  /// at the offending byte.
  static let byteCases: [(code: DiagnosticCode, bytes: [UInt8], location: String)] = [
    (.invalidUTF8, Array("skuc: 1\nx: a".utf8) + [0xFF] + Array("b\n".utf8), "2:5"),
    (.unsupportedEncoding, [0xFF, 0xFE] + Array("s\0k\0".utf8), "1:1"),
    (.misplacedByteOrderMark, Array("skuc: 1\nx: a\u{FEFF}b\n".utf8), "2:5"),
    (.forbiddenCharacter, Array("skuc: 1\nx: a\u{7}b\n".utf8), "2:5"),
    (.nestingTooDeep, Array(("x: " + String(repeating: "[", count: 70)).utf8), "1:67"),
  ]

  @Test func byteLevelCodesPointAtTheByte() {
    for (code, bytes, location) in Self.byteCases {
      let result = Pipeline.compile(
        CatalogTreeReading(
          files: [CatalogSourceFile(path: "t.yaml", bytes: bytes)], diagnostics: []),
        options: CompileOptions())
      #expect(Self.location(of: code, in: result) == location, "\(code.rawValue)")
    }
  }

  @Test func aDuplicateProductIDPointsAtTheSecondIDWithTheFirst() {
    let result = compileFiles(["a.yaml": Coverage.base(), "b.yaml": Coverage.base()])
    let diagnostic = result.diagnostics.first { $0.code == .duplicateProductID }
    #expect(diagnostic?.range?.file == "b.yaml")
    #expect(Self.location(of: .duplicateProductID, in: result) == "3:7, note 3:7")
  }
}
