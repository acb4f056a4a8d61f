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
    case .productChanged(let field, let old, let new):
      return "\(place) \(field.rawValue) \(value(old)) -> \(value(new))"
    case .attributeChanged(let change):
      return "\(place) \(attributeText(change)) \(value(change.old)) -> \(value(change.new))"
    }
  }

  /// `attribute users unit`, `attribute edition value basic`.
  static func attributeText(_ change: DiffChange.AttributeChange) -> String {
    let what = change.value.map { "value \($0)" } ?? change.field.rawValue
    return "attribute \(change.attribute) \(what)"
  }

  /// What a repriced amount is: `year price`, `month users tier 1 unit`, `month total at
  /// users=21`.
  static func amountLabel(_ repricing: DiffChange.Repricing) -> String {
    let period = repricing.period.map { "\($0.rawValue) " } ?? ""
    switch repricing.field {
    case .price, .from:
      return period + repricing.field.rawValue
    case .unit:
      return "\(period)\(repricing.quantity ?? "") tier \(repricing.tier ?? 0) unit"
    case .total:
      return "\(period)total at \(repricing.quantity ?? "")=\(repricing.units ?? 0)"
    }
  }

  /// `year price 990.00 -> 1089.00 (+99.00, +10.0%)`.
  static func repricingText(_ repricing: DiffChange.Repricing) -> String {
    "\(amountLabel(repricing)) \(amount(repricing.old, repricing.places)) -> \(amount(repricing.new, repricing.places)) (\(change(repricing)))"
  }

  /// `+99.00, +10.0%`, `+99.00, from 0` when the old amount was 0, or the delta alone
  /// across currencies.
  static func change(_ repricing: DiffChange.Repricing) -> String {
    guard repricing.comparable else { return "\(signedAmount(repricing)), other currency" }
    return "\(signedAmount(repricing)), \(signedPercent(repricing) ?? "from 0")"
  }

  /// `month 99.00, from 249.00; year 990.00, from 2490.00`: an added or delisted SKU's prices.
  static func prices(_ prices: DiffChange.Prices) -> String {
    prices.prices.map { price in
      let period = price.period.map { "\($0.rawValue) " } ?? ""
      return
        "\(period)\(amount(price.price, prices.places)), from \(amount(price.from, prices.places))"
    }.joined(separator: "; ")
  }

  /// `users graduated ≤20: 30.00, rest: 20.00` for each quantity of one period, or `nil`.
  static func units(_ price: DiffPrice, places: Int) -> String? {
    price.schedules.isEmpty ? nil : value(.schedules(price.schedules, places: places))
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
    case .text(let text): return quoted(text)
    case .texts(let texts): return "[" + texts.map(quoted).joined(separator: ", ") + "]"
    }
  }

  /// `"基础版"`, or every locale when the first locale's text alone would not show the change.
  static func localized(_ text: LocalizedText) -> String {
    if text.entries.count == 1 { return quoted(text.defaultText) }
    return "{" + text.entries.map { "\($0.locale): \(quoted($0.text))" }.joined(separator: ", ")
      + "}"
  }

  /// A name as the diff prints it: quoted, and with no control character left that could
  /// drive the reader's terminal (names come from pull requests).
  static func quoted(_ text: String) -> String {
    "\""
      + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"").replacing(
        "\n", with: "\\n"
      ).escapingControlCharacters + "\""
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
