/// Expands each spec's matrix under its rules (spec §6, §7, §9): forbid and require remove
/// selections in rule order, limit narrows quantity ranges, and every rule is accounted for.
public enum Expander {
  public static func expand(
    _ catalog: ValidatedCatalog, into diagnostics: inout DiagnosticCollector
  )
    -> ExpandedCatalog
  {
    guard ExpansionBudget.check(catalog, into: &diagnostics) else {
      return ExpandedCatalog(products: [])
    }
    let products = Parallel.map(catalog.products, into: &diagnostics) { validated, diagnostics in
      let specs = validated.specs.compactMap { spec in
        expand(spec, product: validated.product, into: &diagnostics)
      }
      return ExpandedProduct(product: validated.product, specs: specs)
    }
    return ExpandedCatalog(products: products)
  }

  /// Selections multiply quickly; the guard is checked with overflow-checked arithmetic before
  /// a single selection is made.
  static func matrixSize(_ radices: [Int]) -> Int? {
    var total = 1
    for radix in radices {
      let (product, overflow) = total.multipliedReportingOverflow(by: radix)
      if overflow || product > TargetLimits.expansionGuard { return nil }
      total = product
    }
    return total
  }

  static func expand(
    _ spec: ResolvedSpec, product: Product, into diagnostics: inout DiagnosticCollector
  ) -> ExpandedSpec? {
    let radices = spec.enums.indices.map { spec.valueCount($0) }
    let specName = "spec '\(spec.spec.id.value)'"
    guard let total = matrixSize(radices) else {
      diagnostics.error(
        .matrixTooLarge,
        "\(specName) would expand to \(describeProduct(radices)) SKUs before rules, more than the \(TargetLimits.expansionGuard) skuc expands",
        at: spec.spec.range,
        hint: "split the spec, or use fewer attributes or values per spec")
      return nil
    }
    var expanded = ExpandedSpec(
      resolved: spec, radices: radices, skus: [], limitedRanges: [], removed: [])
    var removals = Array(repeating: 0, count: spec.rules.count)
    var valueUsed = radices.map { Array(repeating: false, count: $0) }
    var selection = Array(repeating: 0, count: radices.count)
    var matcher = RuleMatcher(rules: spec.rules, radices: radices)
    for position in 0..<total {
      let changed = position > 0 ? advance(&selection, radices) : 0
      if let rule = matcher.firstRemovingRule(selection, changedFrom: changed) {
        removals[rule] += 1
        expanded.removed.append(.init(position: position, rule: rule))
        continue
      }
      expanded.skus.append(position)
      for (attribute, value) in selection.enumerated() { valueUsed[attribute][value] = true }
    }
    let errorsBefore = diagnostics.errorCount
    reportRuleEffects(spec, removals: removals, into: &diagnostics)
    guard !expanded.skus.isEmpty else {
      diagnostics.error(
        .rulesRemoveEverything, "the rules of \(specName) remove every SKU", at: spec.spec.range,
        notes: spec.rules.enumerated().filter { removals[$0.offset] > 0 }.map {
          DiagnosticNote(
            "this rule removes \(removals[$0.offset]) selection(s)", at: $0.element.source.range)
        },
        hint: "a spec needs at least one sellable SKU; loosen or remove a rule")
      return nil
    }
    reportUnusedValues(spec, valueUsed: valueUsed, into: &diagnostics)
    if expanded.skus.count > product.limits.maxSkusPerSpec {
      diagnostics.error(
        .tooManySkus,
        "\(specName) has \(expanded.skus.count) SKUs after rules, more than the limit of \(product.limits.maxSkusPerSpec)",
        at: spec.spec.range,
        hint:
          "KooGallery allows \(TargetLimits.koogallery.maxSkusPerSpec) SKUs per spec; split the spec, add rules, or raise product.limits.max_skus_per_spec for other targets"
      )
      return nil
    }
    LimitApplier(spec: spec).apply(to: &expanded, into: &diagnostics)
    return diagnostics.errorCount == errorsBefore ? expanded : nil
  }

  /// Steps a selection to the next one in matrix order (last attribute fastest), and says
  /// which attribute is the first that changed.
  @discardableResult
  static func advance(_ selection: inout [Int], _ radices: [Int]) -> Int {
    var index = radices.count - 1
    while index >= 0 {
      selection[index] += 1
      if selection[index] < radices[index] { return index }
      selection[index] = 0
      index -= 1
    }
    return 0
  }

  /// The first forbid or require rule that removes a selection, in rule order, read straight
  /// from the rules: the reference `RuleMatcher` is tested against.
  static func removingRule(_ rules: [ResolvedRule], _ selection: [Int]) -> Int? {
    for (index, rule) in rules.enumerated() {
      switch rule.action {
      case .forbid(let selector):
        if selector.matches(selection, period: nil) { return index }
      case .require(let selector):
        let applies = rule.when?.matches(selection, period: nil) ?? true
        if applies && !selector.matches(selection, period: nil) { return index }
      case .limit:
        continue
      }
    }
    return nil
  }

  private static func reportRuleEffects(
    _ spec: ResolvedSpec, removals: [Int], into diagnostics: inout DiagnosticCollector
  ) {
    for (index, rule) in spec.rules.enumerated() where removals[index] == 0 {
      let kind: String
      switch rule.action {
      case .forbid: kind = "forbid"
      case .require: kind = "require"
      case .limit: continue
      }
      diagnostics.warning(
        .ruleHasNoEffect,
        "this \(kind) rule has no effect: it removes no selection that earlier rules left",
        at: rule.source.range, hint: "remove it, or check its values")
    }
  }

  private static func reportUnusedValues(
    _ spec: ResolvedSpec, valueUsed: [[Bool]], into diagnostics: inout DiagnosticCollector
  ) {
    for (attribute, used) in valueUsed.enumerated() {
      for (value, isUsed) in used.enumerated() where !isUsed {
        let enumValue = spec.values(attribute)[value]
        let reference = spec.spec.attributes.first { $0.value == spec.enums[attribute].id.value }
        diagnostics.warning(
          .valueNeverUsed,
          "the value '\(enumValue.id.value)' of '\(spec.enums[attribute].id.value)' is in no SKU of spec '\(spec.spec.id.value)'",
          at: reference?.range ?? spec.spec.range,
          notes: [DiagnosticNote("the value is declared here", at: enumValue.id.range)],
          hint: "the rules remove every selection with it")
      }
    }
  }

  static func describeProduct(_ radices: [Int]) -> String {
    var exponents: [Int: Int] = [:]
    for radix in radices { exponents[radix, default: 0] += 1 }
    if exponents.count == 1, let (base, exponent) = exponents.first, exponent > 1 {
      return "\(base)^\(exponent)"
    }
    return radices.map(String.init).joined(separator: " × ")
  }
}
