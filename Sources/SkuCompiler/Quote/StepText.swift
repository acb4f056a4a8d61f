/// How receipts describe pricing steps, selectors, table lookups and schedules, in the
/// catalog's own words (ids, not display names), so a receipt line leads back to the YAML.
enum StepText {
  /// `Catalogs/saas/crm.yaml:45`.
  static func location(_ step: PricingStep) -> String {
    "\(step.range.file):\(step.range.start.line)"
  }

  /// `add 200`, `add by edition, period`, `per users: multiply by 1.35`,
  /// `per users: graduated tiers`.
  static func action(_ step: PricingStep) -> String {
    let per = step.per.map { "per \($0.value): " } ?? ""
    switch step.action {
    case .add(let amount): return per + "add " + amountText(amount)
    case .multiply(let amount): return per + "multiply by " + amountText(amount)
    case .tiers(let model, let tiers): return per + "\(model.rawValue) tiers (\(tiers.count))"
    }
  }

  /// The step's kind, as the JSON receipt names it.
  static func kind(_ step: PricingStep) -> String {
    switch step.action {
    case .add: "add"
    case .multiply: "multiply"
    case .tiers: "tiers"
    }
  }

  private static func amountText(_ amount: AmountExpression) -> String {
    switch amount {
    case .literal(let value, _): value.description
    case .table(let table): "a table by " + table.by.map(\.value).joined(separator: ", ")
    }
  }

  /// `support=premium`, `edition=basic|enterprise, period=year`.
  static func selector(_ selector: Selector) -> String {
    selector.terms.map { term in
      "\(term.attribute.value)=" + term.values.map(\.value).joined(separator: "|")
    }.joined(separator: ", ")
  }

  /// The values the selection and period actually have for the selector's attributes, to say
  /// why a `when` did not match: `edition=enterprise`.
  static func actual(
    _ selector: Selector, spec: ResolvedSpec, selection: [Int], period: Period?
  ) -> String {
    selector.terms.map { term in
      "\(term.attribute.value)="
        + value(of: term.attribute.value, spec: spec, selection: selection, period: period)
    }.joined(separator: ", ")
  }

  static func value(of id: String, spec: ResolvedSpec, selection: [Int], period: Period?) -> String
  {
    if id == periodAttributeID { return period?.rawValue ?? "none" }
    guard let position = spec.enums.firstIndex(where: { $0.id.value == id }) else { return "?" }
    return spec.values(position)[selection[position]].id.value
  }

  /// `edition=enterprise → period=year`, and `model=* (general)` where the fallback was taken.
  static func path(
    _ lookup: PricingTrace.Lookup, spec: ResolvedSpec, selection: [Int], period: Period?
  ) -> String {
    zip(lookup.table.source.by, lookup.path).map { dimension, key in
      let text = "\(dimension.value)=\(key)"
      guard key == "*" else { return text }
      return text
        + " (\(value(of: dimension.value, spec: spec, selection: selection, period: period)))"
    }.joined(separator: " → ")
  }

  /// For each table a tiers step looks up, the tier it prices (lookups come in the order of
  /// `SpecPricer.tables(of:)`: the tier units that are tables, in tier order).
  static func tierOfLookup(_ step: PricingStep) -> [Int] {
    guard case .tiers(_, let tiers) = step.action else { return [] }
    return tiers.indices.filter { index in
      if case .table = tiers[index].unit { return true }
      return false
    }
  }

  /// `1–20`, `21–40`, `41+`: the quantities tier `index` covers (the first tier starts at 1).
  static func tierRange(_ tiers: [ScheduleTier], _ index: Int) -> String {
    let first = index == 0 ? 1 : (tiers[index - 1].upto ?? 0) + 1
    guard let upto = tiers[index].upto else { return "\(first)+" }
    if upto < first { return "≤\(upto)" }
    return upto == first ? "\(upto)" : "\(first)–\(upto)"
  }

  /// `linear at 0`, `graduated 1–20 at 30, 21–40 at 25, 41+ at 20`; `places` nil shows exact values.
  static func schedule(_ schedule: Schedule, places: Int?) -> String {
    func amount(_ value: ExactDecimal) -> String {
      places.map { value.formatted(places: $0) } ?? value.description
    }
    if schedule.model == .linear {
      return "linear at \(amount(schedule.tiers.first?.unit ?? .zero))"
    }
    let tiers = schedule.tiers.indices.map {
      "\(tierRange(schedule.tiers, $0)) at \(amount(schedule.tiers[$0].unit))"
    }
    return "\(schedule.model.rawValue) " + tiers.joined(separator: ", ")
  }
}
