/// Decodes the expression-like parts of a spec: selectors, rules, pricing steps, amounts and
/// tables, tiers and checks (spec §7, §8, §10).
struct ExpressionDecoder {
  var reader: NodeReader
  let header: ProductHeader

  /// What the leaves of an amount are: money obeys the product's precision, factors take up to
  /// nine decimals (spec §8.1).
  enum LeafKind {
    case money
    case factor
  }

  // MARK: Selectors and rules

  mutating func selector(_ node: YAMLNode, _ what: String) -> Selector? {
    guard let mapping = reader.mapping(node, what) else { return nil }
    var terms: [SelectorTerm] = []
    var ok = true
    for entry in mapping.entries {
      let attribute = Located(entry.key.text, at: entry.key.range)
      let values = reader.list(entry.value, "\(what) '\(entry.key.text)'", acceptsSingle: true) {
        reader, item in reader.text(item, "a value id")
      }
      guard let values else {
        ok = false
        continue
      }
      if values.isEmpty {
        ok = false
        reader.diagnostics.error(
          .emptyList, "\(what) '\(entry.key.text)' lists no values", at: entry.value.range)
        continue
      }
      var seen: [Located<String>] = []
      for value in values {
        if let first = seen.first(where: { $0.value == value.value }) {
          ok = false
          reader.diagnostics.error(
            .duplicateListItem, "\(what) '\(entry.key.text)' lists '\(value.value)' twice",
            at: value.range, notes: [DiagnosticNote("first listed here", at: first.range)])
        }
        seen.append(value)
      }
      terms.append(SelectorTerm(attribute: attribute, values: values))
    }
    return ok ? Selector(terms: terms, range: mapping.range) : nil
  }

  mutating func rule(_ node: YAMLNode) -> Rule? {
    guard let mapping = reader.mapping(node, "a rule") else { return nil }
    let fields = reader.fields(
      mapping, "a rule", known: ["forbid", "require", "limit", "when", "because"])
    guard
      let actionKey = reader.exactlyOne(
        of: ["forbid", "require", "limit"], in: fields, .invalidRule, "a rule",
        hint: "split it into one rule per action")
    else { return nil }
    if actionKey == "forbid", let whenRange = fields.keyRange("when") {
      reader.diagnostics.error(
        .whenOnForbid, "'when' is not allowed on a forbid rule", at: whenRange,
        hint: "put the conditions into the forbid selector itself")
      return nil
    }
    var when: Selector?
    if let node = reader.present(fields, "when") {
      guard let selector = selector(node, "when") else { return nil }
      when = selector
    }
    let because = reader.present(fields, "because").flatMap { reader.text($0, "because") }
    if fields.has("because") && because == nil { return nil }
    guard let actionNode = reader.present(fields, actionKey) else { return nil }
    let action: RuleAction
    switch actionKey {
    case "forbid":
      guard let selector = selector(actionNode, "forbid") else { return nil }
      action = .forbid(selector)
    case "require":
      guard let selector = selector(actionNode, "require") else { return nil }
      action = .require(selector)
    default:
      guard let terms = limitTerms(actionNode) else { return nil }
      action = .limit(terms)
    }
    return Rule(when: when, action: action, because: because?.value, range: mapping.range)
  }

  private mutating func limitTerms(_ node: YAMLNode) -> [LimitTerm]? {
    guard let mapping = reader.mapping(node, "limit") else { return nil }
    var terms: [LimitTerm] = []
    var ok = true
    for entry in mapping.entries {
      let what = "limit '\(entry.key.text)'"
      guard let bounds = reader.mapping(entry.value, what) else {
        ok = false
        continue
      }
      let fields = reader.fields(bounds, what, known: ["min", "max"])
      let min = reader.present(fields, "min").flatMap { reader.integer($0, "\(what) min") }
      let max = reader.present(fields, "max").flatMap { reader.integer($0, "\(what) max") }
      if (fields.has("min") && min == nil) || (fields.has("max") && max == nil) {
        ok = false
        continue
      }
      terms.append(
        LimitTerm(attribute: Located(entry.key.text, at: entry.key.range), min: min, max: max))
    }
    return ok ? terms : nil
  }

  // MARK: Pricing steps

  mutating func step(_ node: YAMLNode) -> PricingStep? {
    guard let mapping = reader.mapping(node, "a pricing step") else { return nil }
    let fields = reader.fields(
      mapping, "a pricing step", known: ["when", "per", "add", "multiply", "tiers", "model"])
    guard
      let actionKey = reader.exactlyOne(
        of: ["add", "multiply", "tiers"], in: fields, .invalidStep, "a pricing step",
        hint: "split it into one step per action")
    else { return nil }
    var when: Selector?
    if let node = reader.present(fields, "when") {
      guard let selector = selector(node, "when") else { return nil }
      when = selector
    }
    var per: Located<String>?
    if let node = reader.present(fields, "per") {
      guard let text = reader.text(node, "per") else { return nil }
      per = text
    }
    if actionKey != "tiers", let modelRange = fields.keyRange("model") {
      reader.diagnostics.error(
        .modelMisuse, "'model' belongs to a step with tiers", at: modelRange,
        hint: "remove 'model', or replace '\(actionKey)' with 'tiers'")
      return nil
    }
    guard let actionNode = reader.present(fields, actionKey) else { return nil }
    let action: StepAction
    switch actionKey {
    case "add":
      guard let amount = amount(actionNode, "add", .money) else { return nil }
      action = .add(amount)
    case "multiply":
      guard let factor = amount(actionNode, "multiply", .factor) else { return nil }
      action = .multiply(factor)
    default:
      if per == nil {
        reader.diagnostics.error(
          .perNotQuantity, "a step with tiers needs 'per' naming the quantity it prices",
          at: mapping.range, hint: "add 'per: <quantity attribute>'")
      }
      guard let modelNode = fields["model"] else {
        reader.diagnostics.error(
          .modelMisuse, "a step with tiers needs 'model: graduated' or 'model: volume'",
          at: mapping.range)
        return nil
      }
      guard let model = reader.choice(modelNode, "model", TierModelName.self),
        let tiers = tiers(actionNode), per != nil
      else { return nil }
      action = .tiers(model.value.scheduleModel, tiers)
    }
    return PricingStep(when: when, per: per, action: action, range: mapping.range)
  }

  private mutating func tiers(_ node: YAMLNode) -> [TierDefinition]? {
    guard let sequence = reader.sequence(node, "tiers") else { return nil }
    guard !sequence.items.isEmpty else {
      reader.diagnostics.error(
        .invalidTiers, "tiers must list at least one tier", at: sequence.range)
      return nil
    }
    var tiers: [TierDefinition] = []
    var ok = true
    for (index, item) in sequence.items.enumerated() {
      let isLast = index == sequence.items.count - 1
      guard let mapping = reader.mapping(item, "a tier") else {
        ok = false
        continue
      }
      let fields = reader.fields(mapping, "a tier", known: ["upto", "unit"], required: ["unit"])
      let unit = reader.present(fields, "unit").flatMap { amount($0, "tier unit", .money) }
      var upto: Located<Int>?
      if let uptoNode = fields["upto"] {
        if isLast {
          ok = false
          reader.diagnostics.error(
            .invalidTiers, "the last tier must not have 'upto': it covers every larger quantity",
            at: fields.keyRange("upto") ?? mapping.range, hint: "remove 'upto' from the last tier")
        } else if let value = reader.integer(uptoNode, "upto") {
          if let previous = tiers.last?.upto, value.value <= previous.value {
            ok = false
            reader.diagnostics.error(
              .invalidTiers,
              "upto \(value.value) does not increase: the tier before ends at \(previous.value)",
              at: value.range,
              notes: [DiagnosticNote("the previous tier ends here", at: previous.range)],
              hint: "list tiers in increasing order of upto, each once")
          }
          upto = value
        } else {
          ok = false
        }
      } else if !isLast {
        ok = false
        reader.diagnostics.error(
          .invalidTiers, "every tier but the last needs 'upto'", at: mapping.range,
          hint: "give this tier an inclusive upper bound, e.g. 'upto: 10'")
      }
      guard let unit else {
        ok = false
        continue
      }
      tiers.append(TierDefinition(upto: upto, unit: unit, range: mapping.range))
    }
    return ok ? tiers : nil
  }

  // MARK: Amounts and tables

  mutating func amount(_ node: YAMLNode, _ what: String, _ kind: LeafKind) -> AmountExpression? {
    switch node {
    case .scalar(let scalar):
      guard let value = leaf(.scalar(scalar), what, kind) else { return nil }
      return .literal(value.value, value.range)
    case .sequence:
      reader.wrongKind(node, expected: "an amount or a table", what)
      return nil
    case .mapping(let mapping):
      let fields = reader.fields(
        mapping, "\(what) table", known: ["by", "table"], required: ["by", "table"])
      guard let byNode = reader.present(fields, "by"),
        let tableNode = reader.present(fields, "table")
      else { return nil }
      let by = reader.list(byNode, "by", acceptsSingle: true) { reader, item in
        reader.text(item, "an attribute id")
      }
      guard let by else { return nil }
      guard !by.isEmpty else {
        reader.diagnostics.error(
          .emptyList, "'by' must name at least one attribute", at: byNode.range)
        return nil
      }
      guard let root = tableLevel(tableNode, depth: 0, by: by, what, kind) else { return nil }
      return .table(AmountTable(by: by, root: root, range: mapping.range))
    }
  }

  private mutating func tableLevel(
    _ node: YAMLNode, depth: Int, by: [Located<String>], _ what: String, _ kind: LeafKind
  ) -> [TableBranch]? {
    guard case .mapping(let mapping) = node else {
      reader.diagnostics.error(
        .tableShape,
        "\(what) table: expected a mapping keyed by '\(by[depth].value)' values, found \(node.kindDescription)",
        at: node.range,
        hint: "'by' has \(by.count) attribute(s), so the table nests \(by.count) level(s) deep")
      return nil
    }
    var branches: [TableBranch] = []
    var ok = true
    for entry in mapping.entries {
      let key = Located(entry.key.text, at: entry.key.range)
      if depth == by.count - 1 {
        guard case .scalar = entry.value else {
          ok = false
          reader.diagnostics.error(
            .tableShape,
            "\(what) table: expected an amount under '\(entry.key.text)', found \(entry.value.kindDescription)",
            at: entry.value.range,
            hint: "'by' has \(by.count) attribute(s), so the table nests \(by.count) level(s) deep")
          continue
        }
        guard let value = leaf(entry.value, "\(what) table entry '\(entry.key.text)'", kind) else {
          ok = false
          continue
        }
        branches.append(TableBranch(key: key, node: .leaf(value.value, value.range)))
      } else {
        guard let children = tableLevel(entry.value, depth: depth + 1, by: by, what, kind) else {
          ok = false
          continue
        }
        branches.append(TableBranch(key: key, node: .branch(children)))
      }
    }
    return ok ? branches : nil
  }

  private mutating func leaf(
    _ node: YAMLNode, _ what: String, _ kind: LeafKind
  ) -> Located<ExactDecimal>? {
    switch kind {
    case .money:
      reader.money(node, what, precision: header.precision, currency: header.currency)
    case .factor:
      reader.decimal(node, what)
    }
  }

  // MARK: Checks

  mutating func check(_ node: YAMLNode) -> PricingCheck? {
    guard let mapping = reader.mapping(node, "a check") else { return nil }
    let fields = reader.fields(mapping, "a check", known: ["monotonic", "ratio", "bounds", "when"])
    guard
      let kindKey = reader.exactlyOne(
        of: ["monotonic", "ratio", "bounds"], in: fields, .invalidCheck, "a check",
        hint: "split it into one check per kind")
    else { return nil }
    var when: Selector?
    if let node = reader.present(fields, "when") {
      guard let selector = selector(node, "when") else { return nil }
      when = selector
    }
    guard let kindNode = reader.present(fields, kindKey) else { return nil }
    let kind: CheckKind
    switch kindKey {
    case "monotonic":
      guard let attribute = reader.text(kindNode, "monotonic") else { return nil }
      kind = .monotonic(attribute)
    case "ratio":
      guard let ratio = reader.mapping(kindNode, "ratio") else { return nil }
      let ratioFields = reader.fields(
        ratio, "ratio", known: ["attribute", "numerator", "denominator", "min", "max"],
        required: ["attribute", "numerator", "denominator"])
      let attribute = reader.present(ratioFields, "attribute").flatMap {
        reader.text($0, "ratio attribute")
      }
      let numerator = reader.present(ratioFields, "numerator").flatMap {
        reader.text($0, "ratio numerator")
      }
      let denominator = reader.present(ratioFields, "denominator").flatMap {
        reader.text($0, "ratio denominator")
      }
      guard let bounds = decimalBounds(ratioFields, "ratio"), let attribute, let numerator,
        let denominator
      else { return nil }
      kind = .ratio(
        attribute: attribute, numerator: numerator, denominator: denominator, min: bounds.min,
        max: bounds.max)
    default:
      guard let boundsMapping = reader.mapping(kindNode, "bounds") else { return nil }
      let boundsFields = reader.fields(boundsMapping, "bounds", known: ["min", "max"])
      guard let bounds = decimalBounds(boundsFields, "bounds") else { return nil }
      kind = .bounds(min: bounds.min, max: bounds.max)
    }
    return PricingCheck(when: when, kind: kind, range: mapping.range)
  }

  private mutating func decimalBounds(
    _ fields: Fields, _ what: String
  ) -> (min: ExactDecimal?, max: ExactDecimal?)? {
    let min = reader.present(fields, "min").flatMap { reader.decimal($0, "\(what) min") }
    let max = reader.present(fields, "max").flatMap { reader.decimal($0, "\(what) max") }
    if (fields.has("min") && min == nil) || (fields.has("max") && max == nil) { return nil }
    if let min, let max, max.value < min.value {
      reader.diagnostics.error(
        .invalidCheck, "\(what) max (\(max.value)) is below its min (\(min.value))", at: max.range,
        notes: [DiagnosticNote("min is set here", at: min.range)])
      return nil
    }
    return (min?.value, max?.value)
  }
}

/// The tier models an author may write; `linear` is only what an untouched schedule is.
enum TierModelName: String, CaseIterable {
  case graduated
  case volume

  var scheduleModel: ScheduleModel {
    switch self {
    case .graduated: .graduated
    case .volume: .volume
    }
  }
}
