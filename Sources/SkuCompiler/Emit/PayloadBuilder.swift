/// Builds the publishing payload of one product (spec §11, `skuc-payload/1`).
///
/// Keys follow the order of the spec's example so that payloads read the same way the
/// contract does; amounts are strings with exactly `precision` decimals.
public enum PayloadBuilder {
  public static let format = "skuc-payload/1"

  public static func payload(_ priced: PricedProduct) -> JSONValue {
    let product = priced.product
    return .object([
      ("format", .string(format)),
      (
        "product",
        .object([
          ("id", .string(product.id.value)),
          ("type", .string(product.type.rawValue)),
          ("name", localized(product.name)),
          ("currency", .string(product.currency)),
          ("precision", .integer(product.precision)),
          ("rounding", .string(product.rounding.rawValue)),
        ])
      ),
      ("attributes", .array(product.attributes.map(attribute))),
      ("specs", .array(priced.specs.map { spec($0, product: product) })),
    ])
  }

  static func localized(_ text: LocalizedText) -> JSONValue {
    .object(text.entries.map { ($0.locale, .string($0.text)) })
  }

  static func attribute(_ attribute: Attribute) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("id", .string(attribute.id.value))
    ]
    switch attribute.kind {
    case .enumeration(let values):
      members += [
        ("type", .string("enum")),
        ("name", localized(attribute.name)),
        (
          "values",
          .array(values.map { .object([("id", .string($0.id.value)), ("name", localized($0.name))]) })
        ),
      ]
    case .quantity(let range, let unit):
      members += [
        ("type", .string("quantity")),
        ("name", localized(attribute.name)),
        ("unit", unit.entries.isEmpty ? .null : localized(unit)),
        ("min", .integer(range.min)),
        ("max", .integer(range.max)),
        ("step", .integer(range.step)),
      ]
    }
    return .object(members)
  }

  static func spec(_ priced: PricedSpec, product: Product) -> JSONValue {
    let spec = priced.resolved.spec
    return .object([
      ("id", .string(spec.id.value)),
      ("name", localized(spec.name)),
      ("billing", .string(spec.billing.value.rawValue)),
      ("chargingMode", .string(spec.billing.value.chargingMode)),
      ("periods", spec.periods.map { .array($0.map { .string($0.rawValue) }) } ?? .null),
      ("trialDays", spec.trialDays.map { .integer($0.value) } ?? .null),
      ("usageUnit", spec.usageUnit.map(localized) ?? .null),
      ("attributes", .array(spec.attributes.map { .string($0.value) })),
      ("skus", .array(priced.skus.map { sku($0, spec: priced.resolved, precision: product.precision) })),
    ])
  }

  static func sku(_ sku: PricedSku, spec: ResolvedSpec, precision: Int) -> JSONValue {
    let selection: [(String, JSONValue)] = sku.selection.enumerated().map { attribute, value in
      (spec.enums[attribute].id.value, .string(spec.values(attribute)[value].id.value))
    }
    let quantities: [(String, JSONValue)] = spec.quantities.enumerated().map { index, quantity in
      let range = sku.ranges[index]
      return (
        quantity.attribute.id.value,
        .object([("min", .integer(range.min)), ("max", .integer(range.max)), ("step", .integer(range.step))])
      )
    }
    return .object([
      ("key", .string(sku.key)),
      ("code", .string(sku.code)),
      ("selection", .object(selection)),
      ("name", localized(SkuNaming.name(of: sku.selection, spec: spec))),
      ("quantities", .object(quantities)),
      ("prices", .array(sku.prices.map { price($0, spec: spec, precision: precision) })),
    ])
  }

  static func price(_ priced: PricedPeriod, spec: ResolvedSpec, precision: Int) -> JSONValue {
    let schedules: [(String, JSONValue)] = spec.quantities.enumerated().map { index, quantity in
      let schedule = priced.schedules[index]
      let tiers: [JSONValue] = schedule.tiers.map {
        .object([
          ("upto", $0.upto.map { .integer($0) } ?? .null),
          ("unit", .string($0.unit.formatted(places: precision))),
        ])
      }
      return (
        quantity.attribute.id.value,
        .object([("model", .string(schedule.model.rawValue)), ("tiers", .array(tiers))])
      )
    }
    return .object([
      ("period", priced.period.map { .string($0.rawValue) } ?? .null),
      ("price", .string(priced.price.formatted(places: precision))),
      ("from", .string(priced.from.formatted(places: precision))),
      ("quantities", .object(schedules)),
    ])
  }
}

/// SKU display names (spec §11): the values' names joined with " / " in the spec's attribute
/// order, per locale; the single SKU of a spec without enum attributes takes the spec's name.
public enum SkuNaming {
  public static func name(of selection: [Int], spec: ResolvedSpec) -> LocalizedText {
    guard !selection.isEmpty else { return spec.spec.name }
    let locales = spec.spec.name.entries.map(\.locale)
    return LocalizedText(
      entries: locales.map { locale in
        let parts = selection.enumerated().map { attribute, value in
          spec.values(attribute)[value].name.text(for: locale) ?? ""
        }
        return LocalizedText.Entry(locale: locale, text: parts.joined(separator: " / "))
      })
  }
}
