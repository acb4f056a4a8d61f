/// Resolves one spec's references against its product (spec §5–§10) and reports every
/// reference that does not resolve, with suggestions.
struct SpecResolver {
  let product: Product
  let spec: Spec
  var diagnostics = DiagnosticCollector()
  private(set) var enums: [Attribute] = []
  private(set) var quantities: [QuantityDimension] = []
  /// Each enum attribute's value positions by id, built on first use (see `position(of:in:)`).
  private var valuePositions: [Int: [String: Int]] = [:]
  /// How many "did you mean" searches over an attribute's values this spec has made.
  private var suggestionsMade = 0

  init(product: Product, spec: Spec) {
    self.product = product
    self.spec = spec
  }

  var context: String { "spec '\(spec.id.value)'" }
  var hasPeriods: Bool { spec.billing.value.hasPeriods }

  mutating func resolve() -> ResolvedSpec? {
    checkBilling()
    resolveAttributes()
    let rules = spec.rules.compactMap { resolveRule($0) }
    let steps = spec.pricing.compactMap { resolveStep($0) }
    let checks = spec.checks.compactMap { resolveCheck($0) }
    guard !diagnostics.hasErrors else { return nil }
    let pricedPeriods: [Period?] = hasPeriods ? (spec.periods ?? []).map { $0 } : [nil]
    return ResolvedSpec(
      spec: spec, enums: enums, quantities: quantities, pricedPeriods: pricedPeriods,
      rules: rules, steps: steps, checks: checks)
  }

  // MARK: Billing

  private mutating func checkBilling() {
    let billing = spec.billing.value
    if !product.type.allowedBilling.contains(billing) {
      diagnostics.error(
        .billingNotAllowed,
        "\(product.type.rawValue) products cannot use '\(billing.rawValue)' billing",
        at: spec.billing.range,
        hint: "\(product.type.rawValue) allows: "
          + product.type.allowedBilling.map {
            "\($0.rawValue) (\(ConsoleTerms.billing($0, productType: product.type)))"
          }.joined(separator: ", ")
      )
    }
    // A key that the billing mode forbids is reported at that key, with a note at the
    // billing; one that it needs but is missing, at the billing value that needs it.
    let billingNote = DiagnosticNote(
      "the billing is '\(billing.rawValue)' here", at: spec.billing.range)
    if billing.hasPeriods && spec.periods == nil {
      diagnostics.error(
        .periodsMisuse, "\(context) has '\(billing.rawValue)' billing, which needs 'periods'",
        at: spec.billing.range, hint: "add 'periods: [month, year]' (or just one of them)")
    }
    if !billing.hasPeriods && spec.periods != nil {
      diagnostics.error(
        .periodsMisuse, "\(context) has '\(billing.rawValue)' billing, which takes no 'periods'",
        at: spec.keyRanges["periods"] ?? spec.range, notes: [billingNote],
        hint: "remove 'periods', or use 'period' billing")
    }
    if let trial = spec.trialDays {
      let key = spec.keyRanges["trial_days"] ?? trial.range
      if product.type == .api {
        diagnostics.error(
          .trialNotAllowed, "api products cannot offer a trial", at: key,
          hint: "remove 'trial_days'")
      } else if billing != .period {
        diagnostics.error(
          .trialNotAllowed, "trial_days is only allowed with 'period' billing", at: key,
          notes: [billingNote], hint: "remove 'trial_days', or use 'period' billing")
      }
    }
    if billing == .onDemand && spec.usageUnit == nil {
      diagnostics.error(
        .usageUnitMisuse, "\(context) has 'on-demand' billing, which needs 'usage_unit'",
        at: spec.billing.range, hint: "add e.g. 'usage_unit: {zh-CN: 小时, en-US: hour}'")
    }
    if billing != .onDemand && spec.usageUnit != nil {
      diagnostics.error(
        .usageUnitMisuse, "'usage_unit' is only allowed with 'on-demand' billing",
        at: spec.keyRanges["usage_unit"] ?? spec.range, notes: [billingNote],
        hint: "remove 'usage_unit'")
    }
  }

  // MARK: Attributes

  private mutating func resolveAttributes() {
    var seen: [Located<String>] = []
    for reference in spec.attributes {
      if let first = seen.first(where: { $0.value == reference.value }) {
        diagnostics.error(
          .duplicateListItem, "\(context) lists the attribute '\(reference.value)' twice",
          at: reference.range, notes: [DiagnosticNote("first listed here", at: first.range)])
        continue
      }
      seen.append(reference)
      guard let attribute = product.attribute(reference.value) else {
        reportUnknownAttribute(reference, among: product.attributes.map(\.id.value))
        continue
      }
      switch attribute.kind {
      case .enumeration: enums.append(attribute)
      case .quantity(let range, _):
        quantities.append(QuantityDimension(attribute: attribute, range: range))
      }
    }
  }

  mutating func reportUnknownAttribute(_ reference: Located<String>, among known: [String]) {
    let hint: String
    if reference.value == periodAttributeID {
      hint = "'period' is not an attribute: list the periods with 'periods: [month, year]'"
    } else if let suggestion = Suggestions.closest(to: reference.value, among: known) {
      hint = "did you mean '\(suggestion)'?"
    } else {
      hint =
        known.isEmpty
        ? "the product declares no attributes" : "attributes: \(known.joined(separator: ", "))"
    }
    diagnostics.error(
      .unknownAttribute, "unknown attribute '\(reference.value)'", at: reference.range, hint: hint)
  }

  /// Resolves a dimension reference: one of the spec's enum attributes, or `period` where
  /// allowed. `role` names the construct for messages ("a rule", "a table's by").
  mutating func dimension(
    _ reference: Located<String>, allowsPeriod: Bool, role: String
  ) -> Dimension? {
    if reference.value == periodAttributeID {
      if !allowsPeriod {
        diagnostics.error(
          .periodInRule, "'period' cannot be used in \(role)", at: reference.range,
          hint: "rules choose SKUs; every SKU is sold in every listed period")
        return nil
      }
      guard hasPeriods else {
        diagnostics.error(
          .periodNotAvailable,
          "\(context) has '\(spec.billing.value.rawValue)' billing, which has no periods to select",
          at: reference.range)
        return nil
      }
      return .period
    }
    if let position = enums.firstIndex(where: { $0.id.value == reference.value }) {
      return .attribute(position)
    }
    if let attribute = product.attribute(reference.value) {
      let isQuantity = attribute.quantityRange != nil
      diagnostics.error(
        .attributeNotInSpec,
        isQuantity
          ? "'\(reference.value)' is a quantity attribute; \(role) can only name enum attributes\(allowsPeriod ? " or period" : "")"
          : "the attribute '\(reference.value)' is not in \(context)'s attributes",
        at: reference.range,
        hint: isQuantity ? nil : "add it to the spec's 'attributes' list, or remove it here")
      return nil
    }
    let candidates = enums.map(\.id.value) + (allowsPeriod && hasPeriods ? [periodAttributeID] : [])
    reportUnknownAttribute(reference, among: candidates)
    return nil
  }

  /// Resolves a value of a dimension to its position; `nil` (reported) for unknown values.
  mutating func value(_ reference: Located<String>, of dimension: Dimension) -> Int? {
    if let index = position(of: reference.value, in: dimension) { return index }
    diagnostics.error(
      .unknownValue, "\(owner(of: dimension)) has no value '\(reference.value)'",
      at: reference.range,
      hint: unknownValueHint(reference.value, in: dimension, listing: "values"))
    return nil
  }

  func owner(of dimension: Dimension) -> String {
    switch dimension {
    case .attribute(let position): "attribute '\(enums[position].id.value)'"
    case .period: "period"
    }
  }

  static let suggestionLimit = 100
  static let listedValueLimit = 20

  /// "did you mean" for an unknown value, else the valid ones.
  ///
  /// Both scale with the attribute, so both are bounded: a "did you mean" compares the name with
  /// every value, and a table of half a million misspelt keys made that quadratic (hours), so
  /// only the first `suggestionLimit` unknown values of a spec get one; lists stop after
  /// `listedValueLimit` entries (docs/robustness.md).
  mutating func unknownValueHint(
    _ text: String, in dimension: Dimension, listing label: String, plus extra: [String] = []
  ) -> String {
    let listed: [String]
    let count: Int
    switch dimension {
    case .attribute(let position):
      let values = enums[position].enumValues ?? []
      if suggestionsMade < Self.suggestionLimit {
        suggestionsMade += 1
        if let close = Suggestions.closest(to: text, among: values.lazy.map(\.id.value)) {
          return "did you mean '\(close)'?"
        }
      }
      listed = values.prefix(Self.listedValueLimit).map(\.id.value)
      count = values.count
    case .period:
      let periods = Period.allCases.map(\.rawValue)
      if let close = Suggestions.closest(to: text, among: periods) {
        return "did you mean '\(close)'?"
      }
      listed = periods
      count = periods.count
    }
    let more = count > listed.count ? ", … (\(count) values in all)" : ""
    return "\(label): \((listed + extra).joined(separator: ", "))\(more)"
  }

  /// The position of a value of a dimension, or nil. A hash lookup: a price table may list
  /// hundreds of thousands of values, and a linear search per key made resolving it take hours
  /// (docs/robustness.md).
  mutating func position(of id: String, in dimension: Dimension) -> Int? {
    guard case .attribute(let attribute) = dimension else {
      return Period.allCases.firstIndex { $0.rawValue == id }
    }
    if let positions = valuePositions[attribute] { return positions[id] }
    var positions: [String: Int] = [:]
    for (index, value) in (enums[attribute].enumValues ?? []).enumerated()
    where positions[value.id.value] == nil {
      positions[value.id.value] = index
    }
    valuePositions[attribute] = positions
    return positions[id]
  }

  func valueCount(_ dimension: Dimension) -> Int {
    switch dimension {
    case .attribute(let position): enums[position].enumValues?.count ?? 0
    case .period: Period.allCases.count
    }
  }

  mutating func selector(
    _ selector: Selector, allowsPeriod: Bool, role: String
  ) -> ResolvedSelector? {
    var terms: [ResolvedSelector.Term] = []
    var ok = true
    for term in selector.terms {
      guard let dimension = dimension(term.attribute, allowsPeriod: allowsPeriod, role: role) else {
        ok = false
        continue
      }
      var allowed = Array(repeating: false, count: valueCount(dimension))
      for value in term.values {
        if let index = self.value(value, of: dimension) {
          allowed[index] = true
        } else {
          ok = false
        }
      }
      terms.append(ResolvedSelector.Term(dimension: dimension, allowed: allowed))
    }
    return ok ? ResolvedSelector(terms: terms, source: selector) : nil
  }

  func quantityPosition(_ id: String) -> Int? {
    quantities.firstIndex { $0.attribute.id.value == id }
  }

  // MARK: Rules

  private mutating func resolveRule(_ rule: Rule) -> ResolvedRule? {
    var when: ResolvedSelector?
    if let source = rule.when {
      guard let resolved = selector(source, allowsPeriod: false, role: "a rule") else { return nil }
      when = resolved
    }
    switch rule.action {
    case .forbid(let source):
      guard let resolved = selector(source, allowsPeriod: false, role: "a rule") else { return nil }
      return ResolvedRule(when: when, action: .forbid(resolved), source: rule)
    case .require(let source):
      guard let resolved = selector(source, allowsPeriod: false, role: "a rule") else { return nil }
      return ResolvedRule(when: when, action: .require(resolved), source: rule)
    case .limit(let terms):
      var limits: [ResolvedLimit] = []
      for term in terms {
        guard let position = quantityPosition(term.attribute.value) else {
          if term.attribute.value == periodAttributeID {
            _ = dimension(term.attribute, allowsPeriod: false, role: "a rule")
          } else if product.attribute(term.attribute.value)?.enumValues != nil {
            diagnostics.error(
              .limitOnNonQuantity,
              "'\(term.attribute.value)' is an enum attribute; limit narrows quantity ranges",
              at: term.attribute.range, hint: "use forbid or require to choose enum values")
          } else if product.attribute(term.attribute.value) != nil {
            diagnostics.error(
              .attributeNotInSpec,
              "the attribute '\(term.attribute.value)' is not in \(context)'s attributes",
              at: term.attribute.range)
          } else {
            reportUnknownAttribute(term.attribute, among: quantities.map(\.attribute.id.value))
          }
          continue
        }
        limits.append(ResolvedLimit(quantity: position, min: term.min?.value, max: term.max?.value))
      }
      guard limits.count == terms.count else { return nil }
      return ResolvedRule(when: when, action: .limit(limits), source: rule)
    }
  }
}
