/// Turns `quote`'s `--select`, `--period` and `--quantity` into one sellable configuration.
///
/// Every refusal is a `QuoteError` (the driver's usage error, exit 2) that says what would be
/// accepted instead: the
/// values the rules leave, the nearest quantities on the grid, the rule that removed a
/// selection and where it is written (spec §13).
struct QuoteResolver {
  let product: Product
  let spec: PricedSpec

  var resolved: ResolvedSpec { spec.resolved }
  var specName: String { "spec '\(resolved.spec.id.value)'" }

  // MARK: Selection

  /// The SKU the `ATTR=VALUE` arguments select.
  func sku(_ arguments: [String]) throws(QuoteError) -> PricedSku {
    var chosen: [Int?] = Array(repeating: nil, count: resolved.enums.count)
    for argument in arguments {
      let (attributeID, valueID) = try Self.split(
        argument, option: "--select", example: selectExample)
      let attribute = try enumPosition(attributeID)
      let values = resolved.values(attribute)
      guard let value = values.firstIndex(where: { $0.id.value == valueID }) else {
        throw QuoteError(
          lookup: CatalogLookup.unknown(
            "value", valueID, among: values.map(\.id.value), context: " of '\(attributeID)'"))
      }
      if let earlier = chosen[attribute], earlier != value {
        throw QuoteError(
          "'\(attributeID)' is selected twice ('\(values[earlier].id.value)' and '\(valueID)'); select one value"
        )
      }
      chosen[attribute] = value
    }
    let missing = chosen.indices.filter { chosen[$0] == nil }
    guard missing.isEmpty else { throw missingSelections(missing, chosen: chosen) }
    let selection = chosen.map { $0 ?? 0 }
    if let index = selections.firstIndex(of: selection) { return spec.skus[index] }
    throw removedSelection(selection)
  }

  /// The sellable selections, in SKU order, without pricing any SKU.
  private var selections: [[Int]] {
    (0..<spec.skuCount).map { spec.selection(ofSku: $0) }
  }

  /// An example from this spec, so the hint can be copied: `edition=basic`.
  private var selectExample: String {
    guard let attribute = resolved.enums.first, let value = attribute.enumValues?.first else {
      return "ATTR=VALUE (spec '\(resolved.spec.id.value)' has no enum attribute)"
    }
    return "\(attribute.id.value)=\(value.id.value)"
  }

  private func quantityExample(_ sku: PricedSku) -> String {
    guard let quantity = resolved.quantities.first, let range = sku.ranges.first else {
      return "ATTR=N (spec '\(resolved.spec.id.value)' has no quantity attribute)"
    }
    return "\(quantity.attribute.id.value)=\(range.min)"
  }

  private func enumPosition(_ id: String) throws(QuoteError) -> Int {
    if let position = resolved.enums.firstIndex(where: { $0.id.value == id }) { return position }
    if resolved.quantities.contains(where: { $0.attribute.id.value == id }) {
      throw QuoteError("'\(id)' is a quantity of \(specName); give it with --quantity \(id)=N")
    }
    let choices = resolved.enums.map(\.id.value)
    if product.attribute(id) != nil {
      let which =
        choices.isEmpty
        ? "it has no enum attribute" : "its enum attributes: \(choices.joined(separator: ", "))"
      throw QuoteError("'\(id)' is not an attribute of \(specName) (\(which))")
    }
    throw QuoteError(
      lookup: CatalogLookup.unknown("attribute", id, among: choices, context: " of \(specName)"))
  }

  /// Lists, for each attribute not selected, the values still possible with what was given.
  private func missingSelections(_ missing: [Int], chosen: [Int?]) -> QuoteError {
    let compatible = selections.filter { sellable in
      chosen.enumerated().allSatisfy { attribute, value in
        value.map { sellable[attribute] == $0 } ?? true
      }
    }
    let options = missing.map { attribute in
      let possible = Set((compatible.isEmpty ? selections : compatible).map { $0[attribute] })
      let values = resolved.values(attribute).enumerated().filter { possible.contains($0.offset) }
      let id = resolved.enums[attribute].id.value
      return "--select \(id)=" + values.map(\.element.id.value).joined(separator: "|")
    }
    return QuoteError(
      "\(specName) needs one value for each of its enum attributes; add \(options.joined(separator: " "))"
    )
  }

  /// Names the rule that removed the selection and the sellable selections closest to it.
  private func removedSelection(_ selection: [Int]) -> QuoteError {
    let described = SelectionText.describe(selection, spec: resolved)
    var message = "\(described) is not sold"
    let position = selection.indices.reduce(0) { $0 * resolved.valueCount($1) + selection[$1] }
    if let removal = spec.expanded.removed.first(where: { $0.position == position }) {
      let rule = resolved.rules[removal.rule].source
      message =
        "\(described) is removed by the \(RuleText.kind(rule)) rule at \(RuleText.location(rule))"
      if let because = rule.because { message += " (\(because))" }
    }
    let distances = selections.map { sellable in zip(sellable, selection).filter { $0 != $1 }.count
    }
    if let nearest = distances.min() {
      let closest = selections.indices.filter { distances[$0] == nearest }.map {
        SelectionText.describe(selections[$0], spec: resolved)
      }
      message += "; nearest valid: \(CatalogLookup.list(closest, limit: 4, separator: "; "))"
    }
    return QuoteError(message)
  }

  // MARK: Period

  /// The period to price: the one asked for, or the spec's first (spec §13).
  func period(_ text: String?) throws(QuoteError) -> Int {
    let periods = resolved.pricedPeriods
    guard let text else { return 0 }
    guard let listed = resolved.spec.periods else {
      throw QuoteError(
        "\(specName) is billed \(resolved.spec.billing.value.rawValue) and has no periods; leave out --period"
      )
    }
    let names = listed.map(\.rawValue)
    guard let period = Period(rawValue: text) else {
      throw QuoteError(
        lookup: CatalogLookup.unknown("period", text, among: names, context: " for \(specName)"))
    }
    guard let index = periods.firstIndex(of: period) else {
      throw QuoteError(
        "\(specName) is not sold by the \(period.rawValue); choose from: \(names.joined(separator: ", "))"
      )
    }
    return index
  }

  // MARK: Quantities

  /// One quantity per quantity attribute of the spec: the one asked for, or the SKU's
  /// (limited) minimum; `given` says which were asked for.
  func quantities(
    _ arguments: [String], sku: PricedSku
  ) throws(QuoteError) -> (values: [Int], given: [Bool]) {
    var values = sku.ranges.map(\.min)
    var given = Array(repeating: false, count: values.count)
    for argument in arguments {
      let (id, text) = try Self.split(argument, option: "--quantity", example: quantityExample(sku))
      let index = try quantityPosition(id)
      guard let value = Int(text) else {
        throw QuoteError(
          "\(id)=\(text): a quantity is a whole number, as in --quantity \(id)=\(sku.ranges[index].min)"
        )
      }
      if given[index] && values[index] != value {
        throw QuoteError(
          "'\(id)' is given twice (\(values[index]) and \(value)); give one quantity")
      }
      try check(value, quantity: index, sku: sku)
      values[index] = value
      given[index] = true
    }
    return (values, given)
  }

  private func quantityPosition(_ id: String) throws(QuoteError) -> Int {
    if let index = resolved.quantities.firstIndex(where: { $0.attribute.id.value == id }) {
      return index
    }
    if resolved.enums.contains(where: { $0.id.value == id }) {
      throw QuoteError(
        "'\(id)' is an enum attribute of \(specName); choose its value with --select \(id)=VALUE")
    }
    let choices = resolved.quantities.map(\.attribute.id.value)
    if choices.isEmpty {
      throw QuoteError("\(specName) has no quantity attribute; leave out --quantity")
    }
    throw QuoteError(
      lookup: CatalogLookup.unknown("quantity", id, among: choices, context: " of \(specName)"))
  }

  /// A quantity must lie in the SKU's limited range and on the declared step grid.
  private func check(_ value: Int, quantity index: Int, sku: PricedSku) throws(QuoteError) {
    let id = resolved.quantities[index].attribute.id.value
    let declared = resolved.quantities[index].range
    let range = sku.ranges[index]
    if value < range.min {
      throw QuoteError(
        "\(id)=\(value) is below the minimum \(range.min)\(limitNote(index, sku: sku, bound: .min)): nearest valid \(range.min)"
      )
    }
    if value > range.max {
      throw QuoteError(
        "\(id)=\(value) is above the maximum \(range.max)\(limitNote(index, sku: sku, bound: .max)): nearest valid \(range.max)"
      )
    }
    guard !range.isOnGrid(value, anchor: declared.min) else { return }
    let lower = declared.min + (value - declared.min) / declared.step * declared.step
    throw QuoteError(
      "\(id)=\(value) is off the grid (step \(declared.step) from \(declared.min)): nearest valid \(lower) or \(lower + declared.step)"
    )
  }

  private enum Bound { case min, max }

  /// ` for edition=basic (limited by the rule at crm.yaml:43)` when a limit rule set the bound.
  private func limitNote(_ quantity: Int, sku: PricedSku, bound: Bound) -> String {
    let declared = resolved.quantities[quantity].range
    let limited = sku.ranges[quantity]
    guard bound == .min ? limited.min != declared.min : limited.max != declared.max else {
      return ""
    }
    let rules = resolved.rules.filter { rule in
      guard case .limit(let limits) = rule.action,
        rule.when?.matches(sku.selection, period: nil) ?? true
      else { return false }
      return limits.contains {
        $0.quantity == quantity && (bound == .min ? $0.min != nil : $0.max != nil)
      }
    }
    let locations = rules.map { RuleText.location($0.source) }.joined(separator: " and ")
    let selection = SelectionText.describe(sku.selection, spec: resolved)
    return " for \(selection)" + (locations.isEmpty ? "" : " (limited by the rule at \(locations))")
  }

  // MARK: Arguments

  /// Splits `ATTR=VALUE` at its first `=`.
  static func split(
    _ argument: String, option: String, example: String
  ) throws(QuoteError) -> (String, String) {
    guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex,
      argument.index(after: equals) != argument.endIndex
    else {
      throw QuoteError("\(option) takes ATTR=VALUE, as in \(option) \(example); got '\(argument)'")
    }
    return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
  }
}

/// How receipts and messages name a rule.
enum RuleText {
  static func kind(_ rule: Rule) -> String {
    switch rule.action {
    case .forbid: "forbid"
    case .require: "require"
    case .limit: "limit"
    }
  }

  /// `Catalogs/saas/crm.yaml:41`.
  static func location(_ rule: Rule) -> String {
    "\(rule.range.file):\(rule.range.start.line)"
  }
}
