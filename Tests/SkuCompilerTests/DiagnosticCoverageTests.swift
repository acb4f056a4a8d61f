import Foundation
import Testing

@testable import SkuCompiler

/// One catalog per diagnostic code that produces it. A new code without a case here fails
/// `everyCodeHasACase`, so no diagnostic ships untested.
@Suite struct DiagnosticCoverageTests {
  /// A valid catalog with slots to break. `edition` has three values, `users` is a quantity.
  static func base(
    product: String = "", attributes: String = "", spec: String = "",
    specAttributes: String = "[edition, users]",
    pricing: String = "      - add: {by: edition, table: {basic: 10, pro: 20, max: 30}}",
    billing: String = "billing: period\n    periods: [month, year]",
    top: String = ""
  ) -> String {
    """
    skuc: 1
    product:
      id: p
      type: saas
      name: {zh-CN: 产品, en-US: Product}
      currency: CNY
    \(product)
    attributes:
      edition:
        type: enum
        name: {zh-CN: 版本类型, en-US: Edition}
        values:
          basic: {zh-CN: 基础版, en-US: Basic}
          pro: {zh-CN: 专业版, en-US: Pro}
          max: {zh-CN: 旗舰版, en-US: Max}
      users:
        type: quantity
        name: {zh-CN: 用户数, en-US: Users}
        min: 1
        max: 100
    \(attributes)
    specs:
      s:
        name: {zh-CN: 规格, en-US: Spec}
        \(billing)
        attributes: \(specAttributes)
    \(spec)
        pricing:
    \(pricing)
    \(top)
    """
  }

  /// Codes proven by tests elsewhere, because they need files, trees or bytes that a string
  /// catalog cannot carry.
  static let coveredElsewhere: Set<DiagnosticCode> = [
    .fileTooLarge, .invalidUTF8, .unsupportedEncoding, .legacyChineseEncoding,
    .misplacedByteOrderMark,
    .forbiddenCharacter, .unreadableFile, .emptyCatalogTree, .nestingTooDeep, .skuCodeCollision,
    .linkLeavesRoot, .directoryReachedTwice, .tooManyTreeEntries, .catalogTooLarge,
  ]

  static let cases: [DiagnosticCode: String] = [
    .syntaxError: "skuc: 1\nproduct: [1, 2\n",
    .tabIndentation: "skuc: 1\nproduct:\n\tid: p\n",
    .emptyDocument: "# nothing here\n",
    .multipleDocuments: base() + "\n---\n",
    .anchorOrAlias: base(top: "x: &a 1"),
    .tag: base(top: "x: !!float 1"),
    .mergeKey: base(top: "x: {<<: {a: 1}}"),
    .directive: "%YAML 1.1\n---\n" + base(),
    .duplicateKey: base(product: "  currency: USD"),
    .nonScalarKey: base(top: "[a, b]: c"),
    .keyTooLong: base(top: String(repeating: "k", count: 1100) + ": 1"),
    .wrongNodeKind: base().replacingOccurrences(
      of: "attributes:\n  edition:", with: "attributes: red\nunused:\n  edition:"),
    .unknownKey: base(product: "  prcie: 1"),
    .missingKey: base().replacingOccurrences(of: "  currency: CNY\n", with: ""),
    .invalidID: base().replacingOccurrences(of: "id: p\n", with: "id: Bad Id\n"),
    .invalidInteger: base().replacingOccurrences(of: "max: 100", with: "max: 012"),
    .invalidDecimal: base(pricing: "      - add: 1e3"),
    .tooManyDecimals: base(pricing: "      - add: 1.234"),
    .invalidLocalizedText: base().replacingOccurrences(
      of: "name: {zh-CN: 产品, en-US: Product}", with: "name: {zh-CN: 产品}"),
    .invisibleCharacter: base().replacingOccurrences(of: "id: p\n", with: "id: p\u{200B}q\n"),
    .reservedProductID: base().replacingOccurrences(of: "id: p\n", with: "id: manifest\n"),
    .invisibleCharacterInName: base().replacingOccurrences(
      of: "pro: {zh-CN: 专业版", with: "pro: {zh-CN: 专业\u{202E}版"),
    .valueOutOfRange: base(product: "  precision: 7"),
    .invalidChoice: base(product: "  rounding: nearest"),
    .unknownCurrency: base().replacingOccurrences(of: "currency: CNY", with: "currency: RMB"),
    .invalidLocale: base(product: "  locales: [zh_CN!]"),
    .emptyList: base(spec: "    rules: [{forbid: {edition: []}}]"),
    .duplicateListItem: base(specAttributes: "[edition, edition, users]"),
    .unsupportedLanguageVersion: base().replacingOccurrences(of: "skuc: 1", with: "skuc: 2"),
    .duplicateProductID: "",
    .reservedName: base(
      attributes:
        "  mode:\n    type: enum\n    name: {zh-CN: 模式a, en-US: M}\n    values: {a: {zh-CN: 甲, en-US: A}}"
    ),
    .enumValueCount: base(
      attributes: "  empty:\n    type: enum\n    name: {zh-CN: 空, en-US: Empty}\n    values: {}"),
    .duplicateValueName: base().replacingOccurrences(
      of: "pro: {zh-CN: 专业版, en-US: Pro}", with: "pro: {zh-CN: 基础版, en-US: Pro}"),
    .invalidQuantityRange: base().replacingOccurrences(of: "max: 100", with: "max: 0"),
    .billingNotAllowed: base().replacingOccurrences(of: "type: saas", with: "type: hardware"),
    .periodsMisuse: base(billing: "billing: period"),
    .trialNotAllowed: base(billing: "billing: one-time\n    trial_days: 7"),
    .usageUnitMisuse: base(billing: "billing: on-demand"),
    .unknownAttribute: base(specAttributes: "[edition, user]"),
    .noSpecs:
      "skuc: 1\nproduct:\n  id: p\n  type: saas\n  name: {zh-CN: 产品, en-US: Product}\n  currency: CNY\nattributes: {}\nspecs: {}\n",
    .unknownLimit: base(product: "  limits: {max_sku: 5}"),
    .periodNotAvailable: base(
      pricing: "      - when: {period: month}\n        add: 1", billing: "billing: one-time"),
    .unknownValue: base(spec: "    rules: [{forbid: {edition: basci}}]"),
    .periodInRule: base(spec: "    rules: [{forbid: {period: month}}]"),
    .whenOnForbid: base(spec: "    rules: [{when: {edition: basic}, forbid: {edition: pro}}]"),
    .invalidRule: base(spec: "    rules: [{because: nothing}]"),
    .ruleHasNoEffect: base(
      spec: "    rules: [{forbid: {edition: basic}}, {forbid: {edition: basic}}]"),
    .rulesRemoveEverything: base(spec: "    rules: [{forbid: {edition: [basic, pro, max]}}]"),
    .valueNeverUsed: base(
      spec: "    rules: [{forbid: {edition: basic}}]",
      pricing: "      - add: {by: edition, table: {pro: 20, max: 30}}"),
    .invalidLimitRange: base(spec: "    rules: [{limit: {users: {min: 50, max: 40}}}]"),
    .limitMatchesNothing: base(
      spec:
        "    rules: [{forbid: {edition: basic}}, {when: {edition: basic}, limit: {users: {max: 50}}}]",
      pricing: "      - add: {by: edition, table: {pro: 20, max: 30}}"),
    .limitOnNonQuantity: base(spec: "    rules: [{limit: {edition: {max: 2}}}]"),
    .tooManySkus: base(product: "  limits: {max_skus_per_spec: 2}"),
    .matrixTooLarge: "",
    .attributeNotInSpec: base(
      specAttributes: "[users]",
      pricing: "      - when: {edition: basic}\n        add: 1\n      - add: 1"),
    .invalidStep: base(pricing: "      - add: 1\n        multiply: 2"),
    .perNotQuantity: base(pricing: "      - add: 1\n      - per: edition\n        add: 1"),
    .modelMisuse: base(pricing: "      - add: 1\n        model: volume"),
    .invalidTiers: base(
      pricing:
        "      - add: 1\n      - per: users\n        model: graduated\n        tiers: [{upto: 10, unit: 1}, {upto: 5, unit: 1}, {unit: 1}]"
    ),
    .invalidTableKey: base(
      pricing: "      - add: {by: edition, table: {basic: 10, pro: 20, max: 30, mega: 40}}"),
    .tableShape: base(pricing: "      - add: {by: [edition, period], table: {basic: 10}}"),
    .tableNoMatch: base(pricing: "      - add: {by: edition, table: {basic: 10, pro: 20}}"),
    .tableEntryUnused: base(
      pricing: "      - add: {by: edition, table: {basic: 10, pro: 20, max: 30, \"*\": 5}}"),
    .negativeAmount: base(pricing: "      - add: -5"),
    .freeListing: base(
      specAttributes: "[edition]",
      pricing: "      - add: {by: edition, table: {basic: 0, pro: 20, max: 30}}"),
    .exactRangeExceeded: base(
      pricing: "      - add: 1\n"
        + String(repeating: "      - multiply: \"1.000000001\"\n", count: 120)),
    .tierNeverApplies: base(
      spec: "    rules: [{when: {edition: basic}, limit: {users: {max: 10}}}]",
      pricing:
        "      - add: 1\n      - per: users\n        model: graduated\n        tiers: [{upto: 20, unit: 2}, {unit: 1}]"
    ),
    .monotonicViolated: base(
      pricing: "      - add: {by: edition, table: {basic: 30, pro: 20, max: 30}}", top: "",
    ).replacingOccurrences(
      of: "    pricing:", with: "    checks: [{monotonic: edition}]\n    pricing:"),
    .ratioViolated: base().replacingOccurrences(
      of: "    pricing:",
      with:
        "    checks: [{ratio: {attribute: period, numerator: year, denominator: month, min: 10}}]\n    pricing:"
    ),
    .boundsViolated: base().replacingOccurrences(
      of: "    pricing:", with: "    checks: [{bounds: {min: \"15\"}}]\n    pricing:"),
    .ratioZeroDenominator: base(
      pricing:
        "      - add: {by: edition, table: {basic: 10, pro: 20, max: 30}}\n      - when: {period: month}\n        multiply: 0"
    ).replacingOccurrences(
      of: "    pricing:",
      with:
        "    checks: [{ratio: {attribute: period, numerator: year, denominator: month}}]\n    pricing:"
    ),
    .invalidCheck: base().replacingOccurrences(
      of: "    pricing:", with: "    checks: [{bounds: {min: 5}, monotonic: edition}]\n    pricing:"
    ),
  ]

  @Test func everyCodeHasACase() {
    for code in DiagnosticCode.allCases where !Self.coveredElsewhere.contains(code) {
      #expect(Self.cases[code] != nil, "no coverage case for \(code.rawValue) (\(code))")
    }
  }

  @Test(arguments: DiagnosticCode.allCases.filter { !coveredElsewhere.contains($0) })
  func codeIsProduced(_ code: DiagnosticCode) {
    guard let yaml = Self.cases[code], !yaml.isEmpty else {
      // Codes whose fixture needs more than one file or a generated catalog are covered by
      // their own tests below.
      return
    }
    let result = compile(yaml)
    #expect(
      codes(result).contains(code.rawValue),
      "\(code.rawValue): got \(result.diagnostics.map { "\($0.code.rawValue) \($0.message)" })")
  }

  @Test func duplicateProductIDAcrossFiles() {
    let result = compileFiles(["a.yaml": Self.base(), "b.yaml": Self.base()])
    #expect(codes(result) == ["M202"])
    #expect(result.diagnostics.first?.range?.file == "b.yaml")
    #expect(result.diagnostics.first?.notes.first?.range?.file == "a.yaml")
  }

  @Test func matrixGuardBeforeExpansion() {
    var attributes = ""
    var ids: [String] = []
    for index in 0..<20 {
      let values = (0..<10).map { "v\($0): {zh-CN: 值\(index)-\($0), en-US: V\($0)}" }.joined(
        separator: ", ")
      attributes +=
        "  a\(index):\n    type: enum\n    name: {zh-CN: 属性\(index), en-US: A\(index)}\n    values: {\(values)}\n"
      ids.append("a\(index)")
    }
    let yaml = Self.base(
      attributes: attributes, specAttributes: "[\(ids.joined(separator: ", "))]",
      pricing: "      - add: 1")
    let result = compile(yaml)
    #expect(codes(result) == ["R312"])
    #expect(result.diagnostics.first?.message.contains("10^20") == true)
    // At the spec's id, not its first line.
    #expect(result.diagnostics.first?.range?.start.line == 103)
    #expect(result.diagnostics.first?.range?.start.column == 3)
  }

  @Test func codeCollisionsPairEqualCodes() {
    let found = Pricer.collisions([1, 2, 1, 3, 2])
    #expect(found.map { [$0.0, $0.1] } == [[0, 2], [1, 4]])
    #expect(Pricer.collisions([5, 6, 7]).isEmpty)
    #expect(SkuIdentity.code(value: 0x00A) == "S00000000000000A")
    #expect(
      SkuIdentity.code(forKey: "yunke-crm/subscription/edition=basic,support=standard")
        == "S8861A06941A08F1")
  }
}
