/// How changes read in text, markdown and gate explanations, so every format words a change
/// the same way.
public enum DiffWording {
  /// One self-contained sentence: where, what, old → new.
  public static func sentence(_ change: DiffChange) -> String {
    let place =
      change.key ?? [change.product, change.spec].compactMap { $0 }.joined(separator: "/")
    switch change.detail {
    case .added(let specs, let skus):
      return "\(noun(change)) \(place) added\(contents(specs: specs, skus: skus))"
    case .removed(let specs, let skus):
      return "\(noun(change)) \(place) delisted\(contents(specs: specs, skus: skus))"
    case .specChanged(let field, let old, let new):
      return "\(place) \(field.rawValue) \(value(old)) -> \(value(new))"
    case .repriced(let repricing):
      return "\(place) \(repricingText(repricing))"
    case .skuChanged(let field, let old, let new):
      return "\(place) \(skuFieldText(field)) \(value(old)) -> \(value(new))"
    }
  }

  /// `year price 990.00 -> 1089.00 (+99.00, +10.0%)`.
  static func repricingText(_ repricing: DiffChange.Repricing) -> String {
    let period = repricing.period.map { "\($0.rawValue) " } ?? ""
    return
      "\(period)\(repricing.field.rawValue) \(amount(repricing.old, repricing.places)) -> \(amount(repricing.new, repricing.places)) (\(change(repricing)))"
  }

  /// `+99.00, +10.0%`, or `+99.00, from 0` when the old amount was 0.
  static func change(_ repricing: DiffChange.Repricing) -> String {
    "\(signedAmount(repricing)), \(signedPercent(repricing) ?? "from 0")"
  }

  static func skuFieldText(_ field: DiffChange.SkuField) -> String {
    switch field {
    case .name, .quantities: field.fieldName
    case .schedule(let period): period.map { "\($0.rawValue) schedule" } ?? "schedule"
    }
  }

  static func noun(_ change: DiffChange) -> String {
    change.key != nil ? "SKU" : change.spec != nil ? "spec" : "product"
  }

  static func contents(specs: Int?, skus: Int?) -> String {
    let parts = [specs.map { counted($0, "spec") }, skus.map { counted($0, "SKU") }].compactMap {
      $0
    }
    return parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
  }

  /// Amounts fit their side's precision (`PayloadDecoder` checks), so they and their deltas
  /// fit `places`, the wider of the two.
  static func amount(_ value: ExactDecimal, _ places: Int) -> String {
    value.formatted(places: places)
  }

  /// The delta with its sign: `+99.00`, `-3.50`.
  static func signedAmount(_ repricing: DiffChange.Repricing) -> String {
    let text = amount(repricing.delta, repricing.places)
    return repricing.delta.isNegative ? text : "+" + text
  }

  /// The percent with a sign that follows the delta, so that a fall too small to show still
  /// reads as a fall: `+10.0%`, `-0.0%`; `nil` when the old amount was 0.
  static func signedPercent(_ repricing: DiffChange.Repricing) -> String? {
    guard let percent = repricing.percent else { return nil }
    let magnitude = (percent.isNegative ? -percent : percent).formatted(places: 1)
    return (repricing.delta.isNegative ? "-" : "+") + magnitude + "%"
  }

  /// A short human reading of an old or new value.
  public static func value(_ value: DiffValue) -> String {
    switch value {
    case .null: return "none"
    case .integer(let number): return String(number)
    case .billing(let billing): return billing.rawValue
    case .periods(let periods): return "[" + periods.map(\.rawValue).joined(separator: ", ") + "]"
    case .localized(let text): return localized(text)
    case .quantities(let quantities):
      guard !quantities.isEmpty else { return "none" }
      return quantities.map { "\($0.id) \($0.range.min)..\($0.range.max) step \($0.range.step)" }
        .joined(separator: "; ")
    case .schedules(let schedules, let places):
      guard !schedules.isEmpty else { return "none" }
      return schedules.map { "\($0.id) \(schedule($0.schedule, places: places))" }.joined(
        separator: "; ")
    }
  }

  /// `"基础版"`, or every locale when the first locale's text alone would not show the change.
  static func localized(_ text: LocalizedText) -> String {
    if text.entries.count == 1 { return quoted(text.defaultText) }
    return "{" + text.entries.map { "\($0.locale): \(quoted($0.text))" }.joined(separator: ", ")
      + "}"
  }

  static func quoted(_ text: String) -> String {
    "\""
      + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"").replacing(
        "\n", with: "\\n") + "\""
  }

  /// `graduated ≤20: 30.00, ≤40: 25.00, rest: 20.00`.
  static func schedule(_ schedule: Schedule, places: Int) -> String {
    let tiers = schedule.tiers.map { tier in
      (tier.upto.map { "≤\($0): " } ?? (schedule.tiers.count > 1 ? "rest: " : ""))
        + amount(tier.unit, places)
    }
    return "\(schedule.model.rawValue) \(tiers.joined(separator: ", "))"
  }
}
