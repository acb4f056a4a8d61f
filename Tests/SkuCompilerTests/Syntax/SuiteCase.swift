import Foundation

@testable import SkuCompiler

/// One case of the yaml-test-suite data (`in.yaml`, `test.event`, maybe `error`), with what
/// skuc must do with it.
struct SuiteCase {
  var id: String
  var input: [UInt8]
  /// The expected events, normalized to what skuc's tree can express: no `---` / `...`
  /// markers and no flow-style markers.
  var events: [String]
  var expectsError: Bool
  /// Why the case lies outside skuc's YAML subset, as the codes skuc may reject it with;
  /// empty when the case is inside the subset.
  var outsideSubset: Set<DiagnosticCode>
  /// Codes skuc may reject an otherwise valid case with: Y011 when a line's leading
  /// whitespace holds a tab, which YAML sometimes allows and skuc never does outside block
  /// scalars.
  var mayRejectWith: Set<DiagnosticCode>

  /// Every case directory (`ID` or `ID/NN`, sorted; see `YAMLTestSuite.caseIDs`).
  static func loadAll(from root: URL) throws -> [SuiteCase] {
    try YAMLTestSuite.caseIDs(in: root).map {
      try SuiteCase(id: $0, directory: root.appendingPathComponent($0))
    }
  }

  init(id: String, directory: URL) throws {
    self.id = id
    input = [UInt8](try Data(contentsOf: directory.appendingPathComponent("in.yaml")))
    let eventText = try String(
      contentsOf: directory.appendingPathComponent("test.event"), encoding: .utf8)
    let raw = eventText.split(separator: "\n").map(String.init)
    events = raw.map(Self.normalize)
    expectsError = FileManager.default.fileExists(
      atPath: directory.appendingPathComponent("error").path)
    outsideSubset = Self.classify(raw, input: input)
    let lines = String(decoding: input, as: UTF8.self).split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" })
    let tabIndented = lines.contains { $0.prefix { $0 == " " || $0 == "\t" }.contains("\t") }
    mayRejectWith = tabIndented ? [.tabIndentation] : []
  }

  private static func normalize(_ line: String) -> String {
    switch line {
    case "+DOC ---": "+DOC"
    case "-DOC ...": "-DOC"
    case "+MAP {}": "+MAP"
    case "+SEQ []": "+SEQ"
    default: line
    }
  }

  /// Reads the expected events as a tree and lists the subset rules the case breaks.
  private static func classify(_ events: [String], input: [UInt8]) -> Set<DiagnosticCode> {
    var codes: Set<DiagnosticCode> = []
    var documents = 0
    var roots: [String] = []
    // Per open collection: is it a mapping, is a key expected next, the keys seen so far.
    var stack: [(isMapping: Bool, expectsKey: Bool, keys: [String])] = []
    for line in events {
      let head = String(line.prefix(4))
      let rest = line.dropFirst(4)
      if head == "+DOC" { documents += 1 }
      let isNode = head == "+MAP" || head == "+SEQ" || head == "=VAL" || head == "=ALI"
      let properties = head == "=VAL" ? valueProperties(rest) : rest
      if head == "=ALI" || (isNode && properties.contains("&")) { codes.insert(.anchorOrAlias) }
      if isNode && head != "=ALI" && properties.contains("<") { codes.insert(.tag) }
      if isNode {
        if stack.isEmpty { roots.append(line) }
        if let top = stack.indices.last, stack[top].isMapping {
          if stack[top].expectsKey {
            if head == "=VAL" {
              let written = scalarText(rest)
              let key = String(written.dropFirst())
              if stack[top].keys.contains(key) { codes.insert(.duplicateKey) }
              if written == ":<<" { codes.insert(.mergeKey) }
              if key.unicodeScalars.count > 1024 { codes.insert(.keyTooLong) }
              stack[top].keys.append(key)
            } else if head != "=ALI" {
              codes.insert(.nonScalarKey)
            }
          }
          stack[top].expectsKey.toggle()
        }
      }
      if head == "+MAP" || head == "+SEQ" {
        stack.append((head == "+MAP", true, []))
        if stack.count > YAMLFrontEnd.maximumDepth { codes.insert(.nestingTooDeep) }
      }
      if head == "-MAP" || head == "-SEQ" { stack.removeLast() }
    }
    if documents > 1 { codes.insert(.multipleDocuments) }
    if documents == 0 || roots.first.map({ scalarText($0.dropFirst(4)) == ":" }) == true {
      codes.insert(.emptyDocument)
    }
    if hasDirective(input) { codes.insert(.directive) }
    codes.formUnion(preScanCodes(input))
    return codes
  }

  /// The text after `=VAL ` with its style indicator, without anchor and tag.
  private static func scalarText(_ rest: Substring) -> String {
    var text = rest.drop { $0 == " " }
    while let first = text.first, first == "&" || first == "<" {
      let close: Character = first == "<" ? ">" : " "
      text = text.drop { $0 != close }.dropFirst().drop { $0 == " " }
    }
    return String(text)
  }

  private static func valueProperties(_ rest: Substring) -> Substring {
    let text = rest.drop { $0 == " " }
    return text.prefix(text.count - scalarText(rest).count)
  }

  /// A `%` line before the first `---`.
  private static func hasDirective(_ input: [UInt8]) -> Bool {
    let text = String(decoding: input, as: UTF8.self)
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("---") { return false }
      if line.hasPrefix("%") { return true }
    }
    return false
  }

  /// What the byte pre-scan refuses, found independently of it: the line-separating
  /// characters, controls and byte order marks after the start.
  private static func preScanCodes(_ input: [UInt8]) -> Set<DiagnosticCode> {
    var codes: Set<DiagnosticCode> = []
    let text = String(decoding: input, as: UTF8.self)
    for (index, scalar) in text.unicodeScalars.enumerated() {
      switch scalar.value {
      case 0x09, 0x0A, 0x0D: continue
      case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0xFFFE, 0xFFFF:
        codes.insert(.forbiddenCharacter)
      case 0xFEFF where index > 0:
        codes.insert(.misplacedByteOrderMark)
      default: continue
      }
    }
    return codes
  }
}
