/// `skuc quote --format json`: the receipt as one object (spec §13 names `key`, `period`,
/// `price`, `quantities` and `total`; the rest says how they came about).
///
/// Published amounts are strings with exactly `precision` decimals, like the payload; the
/// exact values inside `steps` and `rounding` are strings in their shortest exact form, since
/// they are not rounded yet.
enum QuoteJSON {
  static func document(_ quote: Quote) -> JSONValue {
    let places = quote.places
    let priced = quote.traced.priced
    let selection: [(String, JSONValue)] = quote.sku.selection.enumerated().map {
      attribute, value in
      (
        quote.resolved.enums[attribute].id.value,
        .string(quote.resolved.values(attribute)[value].id.value)
      )
    }
    let quantities: [(String, JSONValue)] = quote.resolved.quantities.enumerated().map {
      index, quantity in
      (quantity.attribute.id.value, self.quantity(quote, index))
    }
    return .object([
      ("product", .string(quote.product.id.value)),
      ("spec", .string(quote.resolved.spec.id.value)),
      ("key", .string(quote.sku.key)),
      ("code", .string(quote.sku.code)),
      ("selection", .object(selection)),
      ("period", .string(orNull: quote.period?.rawValue)),
      ("currency", .string(quote.product.currency)),
      ("price", .amount(priced.price, places: places)),
      ("quantities", .object(quantities)),
      ("total", .amount(quote.total, places: places)),
      ("rounding", rounding(quote)),
      ("steps", .array(quote.traced.trace.steps.map { step(quote, $0) })),
    ])
  }

  private static func quantity(_ quote: Quote, _ index: Int) -> JSONValue {
    let schedule = quote.traced.priced.schedules[index]
    let tiers: [JSONValue] = schedule.costByTier(of: quote.quantities[index]).map { part in
      .object([
        ("tier", .integer(part.tier + 1)),
        ("units", .integer(part.units)),
        ("unit", .amount(schedule.tiers[part.tier].unit, places: quote.places)),
        ("cost", .amount(part.cost, places: quote.places)),
      ])
    }
    return .object([
      ("quantity", .integer(quote.quantities[index])),
      ("given", .bool(quote.given[index])),
      ("cost", .amount(quote.cost(ofQuantity: index), places: quote.places)),
      ("schedule", self.schedule(schedule) { $0.formatted(places: quote.places) }),
      ("tiers", .array(tiers)),
    ])
  }

  private static func schedule(
    _ schedule: Schedule, _ amount: (ExactDecimal) -> String
  ) -> JSONValue {
    .object([
      ("model", .string(schedule.model.rawValue)),
      (
        "tiers",
        .array(
          schedule.tiers.map {
            .object([("upto", .integer(orNull: $0.upto)), ("unit", .string(amount($0.unit)))])
          })
      ),
    ])
  }

  private static func rounding(_ quote: Quote) -> JSONValue {
    let units: [(String, JSONValue)] = quote.resolved.quantities.enumerated().map {
      index, quantity in
      (
        quantity.attribute.id.value,
        .object([
          (
            "before",
            .array(quote.traced.trace.schedules[index].tiers.map { .string($0.unit.description) })
          ),
          (
            "after",
            .array(
              quote.traced.priced.schedules[index].tiers.map {
                .amount($0.unit, places: quote.places)
              })
          ),
        ])
      )
    }
    return .object([
      ("mode", .string(quote.product.rounding.rawValue)),
      ("precision", .integer(quote.places)),
      (
        "price",
        .object([
          ("before", .string(quote.traced.trace.price.description)),
          ("after", .amount(quote.traced.priced.price, places: quote.places)),
        ])
      ),
      ("units", .object(units)),
    ])
  }

  private static func step(_ quote: Quote, _ traced: PricingTrace.Step) -> JSONValue {
    let step = quote.resolved.steps[traced.index].source
    let lookups: [JSONValue] = traced.lookups.map { lookup in
      .object([
        ("by", .array(lookup.table.source.by.map { .string($0.value) })),
        ("path", .array(lookup.path.map { .string($0) })),
        ("value", .string(lookup.value.description)),
        ("line", .integer(lookup.table.leaves[lookup.leaf].range.start.line)),
      ])
    }
    var changed: [(String, JSONValue)] = []
    for (index, quantity) in quote.resolved.quantities.enumerated()
    where traced.schedulesBefore[index] != traced.schedulesAfter[index] {
      changed.append(
        (
          quantity.attribute.id.value,
          .object([
            ("before", schedule(traced.schedulesBefore[index], \.description)),
            ("after", schedule(traced.schedulesAfter[index], \.description)),
          ])
        ))
    }
    return .object([
      ("step", .integer(traced.index + 1)),
      ("file", .string(step.range.file)),
      ("line", .integer(step.range.start.line)),
      ("kind", .string(StepText.kind(step))),
      ("per", .string(orNull: step.per?.value)),
      ("when", .string(orNull: step.when.map(StepText.selector))),
      ("applied", .bool(traced.applied)),
      ("lookups", .array(lookups)),
      (
        "price",
        .object([
          ("before", .string(traced.priceBefore.description)),
          ("after", .string(traced.priceAfter.description)),
        ])
      ),
      ("schedules", .object(changed)),
    ])
  }
}
