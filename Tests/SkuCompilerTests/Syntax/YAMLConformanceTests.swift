import Foundation
import Testing

@testable import SkuCompiler

/// The front end against the yaml-test-suite data in `../shared/yaml-test-suite`; skipped,
/// with the reason shown, where a clone has no `shared/` beside it.
///
/// Cases inside skuc's subset must give the suite's events (structure, key order, scalar
/// text and style) or an error where the suite expects one; cases outside it (anchors,
/// tags, several documents, directives, complex or duplicate keys, forbidden characters)
/// must be rejected with a diagnostic of the matching code. No case may crash or hang.
@Suite(.enabled(if: YAMLTestSuite.isPresent, YAMLTestSuite.absentReason))
struct YAMLConformanceTests {
  /// Cases where skuc knowingly differs from the suite, and why. The test fails both for an
  /// unlisted divergence and for a listed case that no longer diverges, so this list stays
  /// exactly the truth.
  ///
  /// Every entry is a libyaml 0.2.5 non-conformance (skuc parses with libyaml and does not
  /// patch its grammar): valid YAML it rejects, or invalid YAML it accepts. Where a case lies
  /// outside skuc's subset anyway, the entry means libyaml's syntax error came first, so the
  /// rejection carries Y010 instead of the subset rule's code.
  static let knownDivergences: [String: String] = [
    "2JQS":
      "libyaml 0.2.5 rejects empty implicit keys (': a'), so the duplicate-key case ends in a syntax error",
    "4ABK":
      "libyaml 0.2.5 rejects a flow key followed by ' :' and a key with an omitted value",
    "4MUZ/00":
      "libyaml 0.2.5 rejects a flow-mapping ':' on the line after its key",
    "4MUZ/01":
      "libyaml 0.2.5 rejects a flow-mapping ':' on the line after its key",
    "4MUZ/02":
      "libyaml 0.2.5 rejects a flow-mapping ':' on the line after its key",
    "58MP":
      "libyaml 0.2.5 rejects a flow value that starts with ':' ({x: :x})",
    "5MUD":
      "libyaml 0.2.5 rejects a flow-mapping ':' on the line after its key",
    "5T43":
      "libyaml 0.2.5 rejects a flow value that starts with ':' after a quoted key",
    "652Z":
      "libyaml 0.2.5 reads '?foo' in a flow mapping as an explicit key and drops the '?'",
    "6BCT":
      "libyaml 0.2.5 rejects a tab after a block indicator ('-\\t'); skuc reports it as tab indentation",
    "7Z25":
      "libyaml 0.2.5 rejects a bare document after '...', before skuc sees the second document",
    "9C9N":
      "libyaml 0.2.5 accepts flow-sequence lines indented less than their block parent",
    "9JBA":
      "libyaml 0.2.5 accepts a comment with no space before it after ']'",
    "9SA2":
      "libyaml 0.2.5 rejects a multi-line double-quoted flow-mapping key",
    "A2M4":
      "libyaml 0.2.5 rejects a tab after a block indicator ('-\\t'); skuc reports it as tab indentation",
    "CFD4":
      "libyaml 0.2.5 rejects empty implicit keys in single-pair flow sequences",
    "CVW2":
      "libyaml 0.2.5 accepts a comment with no space before it after ','",
    "DBG4":
      "libyaml 0.2.5 rejects flow plain scalars that start with '::'",
    "DK3J":
      "libyaml 0.2.5 rejects a zero-indented block scalar after '--- >'",
    "FP8R":
      "libyaml 0.2.5 rejects a zero-indented block scalar after '--- >'",
    "FRK4":
      "libyaml 0.2.5 rejects completely empty flow nodes ('? foo :,')",
    "G5U8":
      "libyaml 0.2.5 accepts a lone '-' as a plain scalar in a flow sequence",
    "HM87/00":
      "libyaml 0.2.5 rejects a flow plain scalar that starts with ':'",
    "HM87/01":
      "libyaml 0.2.5 reads '?x' in a flow sequence as an explicit key",
    "HWV9":
      "libyaml 0.2.5 rejects a stream of only '...', so 'catalog is empty' becomes a syntax error",
    "JEF9/02":
      "libyaml 0.2.5 drops a trailing line of spaces from a keep-chomped literal",
    "K3WX":
      "libyaml 0.2.5 rejects a flow-mapping ':' on a line after a comment",
    "L24T/01":
      "libyaml 0.2.5 drops the final line break of a literal ending in a line of spaces",
    "M2N8/00":
      "libyaml 0.2.5 rejects an empty key inside an explicit key ('? : x') with a syntax error",
    "M7A3":
      "libyaml 0.2.5 rejects a bare document after '...', before skuc sees the second document",
    "NHX8":
      "libyaml 0.2.5 rejects empty implicit keys (a line that starts with ':')",
    "NJ66":
      "libyaml 0.2.5 rejects a multi-line plain flow-mapping key",
    "NKF9":
      "libyaml 0.2.5 rejects empty implicit keys, before skuc sees the second document",
    "QB6E":
      "libyaml 0.2.5 accepts continuation lines of a quoted scalar indented less than its key",
    "QT73":
      "libyaml 0.2.5 rejects a stream of only a comment and '...', so 'catalog is empty' becomes a syntax error",
    "S3PD":
      "libyaml 0.2.5 rejects empty implicit keys (a line that starts with ':')",
    "S98Z":
      "libyaml 0.2.5 accepts leading empty lines more indented than a block scalar's first line",
    "SM9W/01":
      "libyaml 0.2.5 rejects empty implicit keys (a stream of only ':')",
    "SU5Z":
      "libyaml 0.2.5 accepts a comment with no space before it after a quoted scalar",
    "UKK6/00":
      "libyaml 0.2.5 rejects empty implicit keys ('- :')",
    "UT92":
      "libyaml 0.2.5 rejects a flow line that starts with '%', before skuc sees the second document",
    "VJP3/01":
      "libyaml 0.2.5 rejects a flow-mapping ':' on the line after its key",
    "X4QW":
      "libyaml 0.2.5 accepts a comment with no space before it after a block scalar indicator",
    "Y79Y/010":
      "libyaml 0.2.5 rejects a tab after a block indicator ('-\\t'); skuc reports it as tab indentation",
    "YJV2":
      "libyaml 0.2.5 accepts a lone '-' as a plain scalar in a flow sequence",
  ]

  @Test func suiteMatchesExceptKnownDivergences() throws {
    let cases = try SuiteCase.loadAll(from: YAMLTestSuite.root)
    #expect(cases.count >= 350)
    var diverging: [String: String] = [:]
    var comparedEvents = 0
    for suiteCase in cases {
      if let problem = Self.divergence(suiteCase) {
        diverging[suiteCase.id] = problem
      } else if !suiteCase.expectsError && suiteCase.outsideSubset.isEmpty
        && YAMLFrontEnd.parse(suiteCase.input, file: "in.yaml").document != nil
      {
        comparedEvents += 1
      }
    }
    // Guards against a classifier that quietly puts everything outside the subset.
    #expect(comparedEvents >= 150, "only \(comparedEvents) cases were compared event by event")
    for (id, problem) in diverging.sorted(by: { $0.key < $1.key })
    where Self.knownDivergences[id] == nil {
      Issue.record("\(id) diverges and is not listed: \(problem)")
    }
    for id in Self.knownDivergences.keys.sorted() where diverging[id] == nil {
      Issue.record("\(id) is listed as diverging but now conforms; remove it from the list")
    }
  }

  /// What is wrong with skuc's answer to the case, or `nil` when it is right.
  static func divergence(_ suiteCase: SuiteCase) -> String? {
    let result = YAMLFrontEnd.parse(suiteCase.input, file: "in.yaml")
    let codes = Set(result.diagnostics.filter { $0.severity == .error }.map(\.code))
    let summary = result.diagnostics.map { "\($0.code.rawValue) \($0.message)" }
      .joined(separator: "; ")
    if suiteCase.expectsError {
      return codes.isEmpty ? "accepted a case the suite says is invalid" : nil
    }
    if !suiteCase.outsideSubset.isEmpty {
      if codes.isEmpty { return "accepted a case outside the subset \(suiteCase.outsideSubset)" }
      if codes.isDisjoint(with: suiteCase.outsideSubset) {
        return "rejected with \(summary), expected one of \(suiteCase.outsideSubset)"
      }
      return nil
    }
    if !codes.isEmpty && !codes.isSubset(of: suiteCase.mayRejectWith) {
      return "rejected a valid case: \(summary)"
    }
    if !codes.isEmpty { return nil }
    let actual = NodeDump.events(result.document)
    if actual != suiteCase.events {
      return "events differ: got \(actual), expected \(suiteCase.events)"
    }
    if let document = result.document,
      let mismatch = PositionCheck.mismatches(in: document, bytes: suiteCase.input).first
    {
      return "positions disagree: \(mismatch)"
    }
    return nil
  }
}
