/// `skuc diff --format json` (`skuc-diff/1`, spec §14; schema in `Schemas/diff.schema.json`).
///
/// Entries carry exactly the members §14 shows for their kind, in its key order: `product`,
/// `spec` and `key` where they apply, `period` on repricings and schedule changes, amounts as
/// strings with the product's precision.
public enum DiffJSONFormat {
  public static let format = "skuc-diff/1"

  public static func render(_ result: DiffResult, gates: [GateOutcome]) -> [UInt8] {
    JSONWriter.serialize(document(result, gates: gates))
  }

  public static func document(_ result: DiffResult, gates: [GateOutcome]) -> JSONValue {
    let summary = result.summary
    return .object([
      ("format", .string(format)),
      (
        "summary",
        .object([
          ("productsAdded", .integer(summary.productsAdded)),
          ("productsRemoved", .integer(summary.productsRemoved)),
          ("specsAdded", .integer(summary.specsAdded)),
          ("specsRemoved", .integer(summary.specsRemoved)),
          ("skusAdded", .integer(summary.skusAdded)),
          ("skusRemoved", .integer(summary.skusRemoved)),
          ("skusRepriced", .integer(summary.skusRepriced)),
        ])
      ),
      ("changes", .array(result.changes.map(entry))),
      (
        "gates",
        .array(
          gates.map {
            .object([
              ("gate", .string($0.gate.name)), ("tripped", .bool($0.tripped)),
              ("because", .string($0.because)),
            ])
          })
      ),
    ])
  }

  static func entry(_ change: DiffChange) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("kind", .string(change.kind.rawValue)), ("product", .string(change.product)),
    ]
    if let spec = change.spec { members.append(("spec", .string(spec))) }
    if let key = change.key { members.append(("key", .string(key))) }
    switch change.detail {
    case .added, .removed:
      if let prices = change.prices {
        members.append(("prices", .array(prices.prices.map { price($0, places: prices.places) })))
      }
    case .productChanged(let field, let old, let new):
      members += [("field", .string(field.rawValue)), ("old", value(old)), ("new", value(new))]
    case .attributeChanged(let attribute):
      members += [
        ("attribute", .string(attribute.attribute)), ("field", .string(attribute.field.rawValue)),
      ]
      if let id = attribute.value { members.append(("value", .string(id))) }
      members += [("old", value(attribute.old)), ("new", value(attribute.new))]
    case .specChanged(let field, let old, let new):
      members += [("field", .string(field.rawValue)), ("old", value(old)), ("new", value(new))]
    case .repriced(let repricing):
      let places = repricing.places
      members += [
        ("period", period(repricing.period)),
        ("field", .string(repricing.field.rawValue)),
      ]
      if repricing.field == .unit {
        members += [
          ("quantity", .string(repricing.quantity ?? "")), ("tier", .integer(repricing.tier ?? 0)),
        ]
      }
      members += [
        ("old", .amount(repricing.old, places: places)),
        ("new", .amount(repricing.new, places: places)),
        ("delta", .amount(repricing.delta, places: places)),
        ("percent", repricing.percent.map { .amount($0, places: 1) } ?? .null),
      ]
    case .skuChanged(let field, let old, let new):
      if case .schedule(let schedulePeriod) = field {
        members.append(("period", period(schedulePeriod)))
      }
      members += [("field", .string(field.fieldName)), ("old", value(old)), ("new", value(new))]
    }
    return .object(members)
  }

  static func period(_ period: Period?) -> JSONValue {
    period.map { .string($0.rawValue) } ?? .null
  }

  /// Values look as they do in the payload (spec §11), so tools can reuse their payload readers.
  static func value(_ value: DiffValue) -> JSONValue {
    switch value {
    case .null: .null
    case .integer(let number): .integer(number)
    case .billing(let billing): .string(billing.rawValue)
    case .periods(let periods): .array(periods.map { .string($0.rawValue) })
    case .localized(let text): PayloadBuilder.localized(text)
    case .quantities(let quantities):
      .object(
        quantities.map {
          (
            $0.id,
            .object([
              ("min", .integer($0.range.min)), ("max", .integer($0.range.max)),
              ("step", .integer($0.range.step)),
            ])
          )
        })
    case .schedules(let schedules, let places):
      .object(schedules.map { ($0.id, schedule($0.schedule, places: places)) })
    case .text(let text): .string(text)
    case .texts(let texts): .array(texts.map { .string($0) })
    }
  }

  /// One entry of a SKU's `prices`, as in the payload (spec §11).
  static func price(_ price: DiffPrice, places: Int) -> JSONValue {
    .object([
      ("period", period(price.period)),
      ("price", .amount(price.price, places: places)),
      ("from", .amount(price.from, places: places)),
      ("quantities", value(.schedules(price.schedules, places: places))),
    ])
  }

  static func schedule(_ schedule: Schedule, places: Int) -> JSONValue {
    .object([
      ("model", .string(schedule.model.rawValue)),
      (
        "tiers",
        .array(
          schedule.tiers.map {
            .object([
              ("upto", .integer(orNull: $0.upto)), ("unit", .amount($0.unit, places: places)),
            ])
          })
      ),
    ])
  }
}
