extension SpecResolver {
  // MARK: Pricing steps (spec §8)

  mutating func resolveStep(_ step: PricingStep) -> ResolvedStep? {
    var when: ResolvedSelector?
    if let source = step.when {
      guard let resolved = selector(source, allowsPeriod: true, role: "a pricing step's when")
      else { return nil }
      when = resolved
    }
    var quantity: Int?
    if let per = step.per {
      guard let position = quantityPosition(per.value) else {
        let isEnum = product.attribute(per.value)?.enumValues != nil
        diagnostics.error(
          .perNotQuantity,
          isEnum
            ? "'per' must name a quantity attribute, but '\(per.value)' is an enum"
            : "'per' names '\(per.value)', which is not a quantity attribute of \(context)",
          at: per.range,
          hint: isEnum
            ? "use a table ('by: \(per.value)') to price by enum value"
            : Suggestions.closest(to: per.value, among: quantities.map(\.attribute.id.value))
              .map { "did you mean '\($0)'?" })
        return nil
      }
      quantity = position
    }
    let action: ResolvedAction
    switch step.action {
    case .add(let amount):
      guard let resolved = resolveAmount(amount) else { return nil }
      action = quantity.map { .addPerUnit(quantity: $0, resolved) } ?? .add(resolved)
    case .multiply(let factor):
      guard let resolved = resolveAmount(factor) else { return nil }
      action = quantity.map { .multiplyPerUnit(quantity: $0, resolved) } ?? .multiply(resolved)
    case .tiers(let model, let tiers):
      guard let quantity else { return nil }
      let minimum = quantities[quantity].range.min
      var resolvedTiers: [ResolvedTier] = []
      for tier in tiers {
        if let upto = tier.upto, upto.value < minimum {
          diagnostics.error(
            .invalidTiers,
            "upto \(upto.value) is below the minimum quantity \(minimum) of '\(quantities[quantity].attribute.id.value)'",
            at: upto.range, hint: "a tier must be able to hold at least the minimum quantity")
        }
        guard let unit = resolveAmount(tier.unit) else { return nil }
        resolvedTiers.append(ResolvedTier(upto: tier.upto?.value, unit: unit))
      }
      action = .replaceSchedule(quantity: quantity, model, resolvedTiers)
    }
    return ResolvedStep(when: when, action: action, source: step)
  }

  mutating func resolveAmount(_ amount: AmountExpression) -> ResolvedAmount? {
    switch amount {
    case .literal(let value, _):
      return .literal(value)
    case .table(let table):
      var dimensions: [Dimension] = []
      for reference in table.by {
        guard let dimension = dimension(reference, allowsPeriod: true, role: "a table's 'by'")
        else {
          return nil
        }
        if dimensions.contains(dimension) {
          diagnostics.error(
            .invalidTableKey, "'by' names '\(reference.value)' twice", at: reference.range)
          return nil
        }
        dimensions.append(dimension)
      }
      var leaves: [ResolvedTable.Leaf] = []
      guard
        let root = resolveLevel(
          table.root, depth: 0, dimensions: dimensions, path: [], leaves: &leaves)
      else { return nil }
      return .table(
        ResolvedTable(dimensions: dimensions, root: root, leaves: leaves, source: table))
    }
  }

  private mutating func resolveLevel(
    _ branches: [TableBranch], depth: Int, dimensions: [Dimension], path: [String],
    leaves: inout [ResolvedTable.Leaf]
  ) -> ResolvedTable.Level? {
    var level = ResolvedTable.Level(exact: [:], wildcard: nil)
    var ok = true
    for branch in branches {
      let node: ResolvedTable.Node
      switch branch.node {
      case .leaf(let value, let range):
        leaves.append(
          ResolvedTable.Leaf(value: value, range: range, path: path + [branch.key.value]))
        node = .leaf(leaves.count - 1)
      case .branch(let children):
        guard
          let next = resolveLevel(
            children, depth: depth + 1, dimensions: dimensions, path: path + [branch.key.value],
            leaves: &leaves)
        else {
          ok = false
          continue
        }
        node = .level(next)
      }
      if branch.key.value == "*" {
        level.wildcard = node
      } else if let position = tableKey(branch.key, of: dimensions[depth]) {
        level.exact[position] = node
      } else {
        ok = false
      }
    }
    return ok ? level : nil
  }

  /// A table key must be a value of its level's dimension (or `"*"`).
  private mutating func tableKey(_ key: Located<String>, of dimension: Dimension) -> Int? {
    if let index = position(of: key.value, in: dimension) { return index }
    diagnostics.error(
      .invalidTableKey, "table key '\(key.value)' is not a value of \(owner(of: dimension))",
      at: key.range,
      hint: unknownValueHint(key.value, in: dimension, listing: "keys", plus: ["\"*\""]))
    return nil
  }

  // MARK: Checks (spec §10)

  mutating func resolveCheck(_ check: PricingCheck) -> ResolvedCheck? {
    var when: ResolvedSelector?
    if let source = check.when {
      guard let resolved = selector(source, allowsPeriod: true, role: "a check's when") else {
        return nil
      }
      when = resolved
    }
    let kind: ResolvedCheckKind
    switch check.kind {
    case .monotonic(let reference):
      guard let dimension = dimension(reference, allowsPeriod: false, role: "monotonic") else {
        return nil
      }
      guard case .attribute(let position) = dimension else { return nil }
      kind = .monotonic(attribute: position)
    case .ratio(let reference, let numerator, let denominator, let min, let max):
      guard let dimension = dimension(reference, allowsPeriod: true, role: "ratio") else {
        return nil
      }
      guard let top = value(numerator, of: dimension),
        let bottom = value(denominator, of: dimension)
      else { return nil }
      if top == bottom {
        diagnostics.error(
          .invalidCheck, "ratio compares '\(numerator.value)' with itself", at: denominator.range)
        return nil
      }
      kind = .ratio(dimension: dimension, numerator: top, denominator: bottom, min: min, max: max)
    case .bounds(let min, let max):
      kind = .bounds(min: min, max: max)
    }
    return ResolvedCheck(when: when, kind: kind, source: check)
  }
}
