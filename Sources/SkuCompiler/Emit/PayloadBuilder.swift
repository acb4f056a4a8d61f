/// Writes the publishing payload of one product (spec §11, `skuc-payload/1`).
///
/// Keys follow the order of the spec's example so that payloads read the same way the
/// contract does; amounts are strings with exactly `precision` decimals. SKUs are priced as
/// they are written (`PricedSpec.skus`), so a payload of a million SKUs is never in memory
/// as a whole: `afterSku` lets a streaming caller hand full buffers to the file. Each SKU is
/// one compact line inside the indented document (whitespace is free in §11): the payload is
/// about half the size, and one changed price is one changed line in its `git diff`.
public enum PayloadBuilder {
  public static let format = "skuc-payload/1"

  /// The payload as a value, for readers that compare rather than publish (`skuc diff`).
  public static func payload(_ priced: PricedProduct) -> JSONValue {
    var builder = JSONTreeBuilder()
    encode(priced, into: &builder) { _ in }
    return builder.root ?? .null
  }

  public static func encode<Sink: JSONSink, Failure: Error>(
    _ priced: PricedProduct, into sink: inout Sink,
    afterSku: (inout Sink) throws(Failure) -> Void
  ) throws(Failure) {
    let product = priced.product
    sink.beginObject()
    sink.key("format")
    sink.string(format)
    sink.key("product")
    sink.value(
      .object([
        ("id", .string(product.id.value)),
        ("type", .string(product.type.rawValue)),
        ("name", localized(product.name)),
        ("currency", .string(product.currency)),
        ("precision", .integer(product.precision)),
        ("rounding", .string(product.rounding.rawValue)),
      ]))
    sink.key("attributes")
    sink.value(.array(product.attributes.map(attribute)))
    sink.key("specs")
    sink.beginArray()
    for spec in priced.specs {
      try encode(spec, precision: product.precision, into: &sink, afterSku: afterSku)
    }
    sink.endArray()
    sink.endObject()
  }

  public static func localized(_ text: LocalizedText) -> JSONValue {
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
          .array(
            values.map { .object([("id", .string($0.id.value)), ("name", localized($0.name))]) })
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

  static func encode<Sink: JSONSink, Failure: Error>(
    _ priced: PricedSpec, precision: Int, into sink: inout Sink,
    afterSku: (inout Sink) throws(Failure) -> Void
  ) throws(Failure) {
    let spec = priced.resolved.spec
    sink.beginObject()
    for (key, value) in [
      ("id", JSONValue.string(spec.id.value)),
      ("name", localized(spec.name)),
      ("billing", .string(spec.billing.value.rawValue)),
      ("chargingMode", .string(spec.billing.value.chargingMode)),
      ("periods", spec.periods.map { .array($0.map { .string($0.rawValue) }) } ?? .null),
      ("trialDays", spec.trialDays.map { .integer($0.value) } ?? .null),
      ("usageUnit", spec.usageUnit.map(localized) ?? .null),
      ("attributes", .array(spec.attributes.map { .string($0.value) })),
    ] {
      sink.key(key)
      sink.value(value)
    }
    sink.key("skus")
    sink.beginArray()
    if priced.skuCount >= SkuLines.parallelThreshold && sink.acceptsEncodedLines {
      try SkuLines.write(priced, precision: precision, into: &sink, afterSku: afterSku)
    } else {
      var skus = priced.skus.cursor()
      var encodings = PriceEncodings()
      while let sku = skus.next() {
        encode(sku, spec: priced.resolved, precision: precision, into: &sink, reusing: &encodings)
        try afterSku(&sink)
      }
    }
    sink.endArray()
    sink.endObject()
  }

  static func encode<Sink: JSONSink>(
    _ sku: PricedSku, spec: ResolvedSpec, precision: Int, into sink: inout Sink,
    reusing encodings: inout PriceEncodings
  ) {
    sink.beginLine()
    sink.beginObject()
    sink.key("key")
    sink.string(sku.key)
    sink.key("code")
    sink.string(sku.code)
    sink.key("selection")
    sink.beginObject()
    for (attribute, value) in sku.selection.enumerated() {
      sink.key(spec.enums[attribute].id.value)
      sink.string(spec.values(attribute)[value].id.value)
    }
    sink.endObject()
    sink.key("name")
    sink.value(localized(SkuNaming.name(of: sku.selection, spec: spec)))
    sink.key("quantities")
    sink.beginObject()
    for (index, quantity) in spec.quantities.enumerated() {
      let range = sku.ranges[index]
      sink.key(quantity.attribute.id.value)
      sink.beginObject()
      sink.key("min")
      sink.integer(range.min)
      sink.key("max")
      sink.integer(range.max)
      sink.key("step")
      sink.integer(range.step)
      sink.endObject()
    }
    sink.endObject()
    sink.key("prices")
    sink.beginArray()
    for priced in sku.prices {
      if let bytes = encodings.bytes(of: priced, spec: spec, precision: precision),
        sink.appendEncoded(bytes)
      {
        continue
      }
      encode(priced, spec: spec, precision: precision, into: &sink)
    }
    sink.endArray()
    sink.endObject()
  }

  static func encode<Sink: JSONSink>(
    _ priced: PricedPeriod, spec: ResolvedSpec, precision: Int, into sink: inout Sink
  ) {
    sink.beginObject()
    sink.key("period")
    if let period = priced.period { sink.string(period.rawValue) } else { sink.null() }
    sink.key("price")
    sink.string(priced.price.formatted(places: precision))
    sink.key("from")
    sink.string(priced.from.formatted(places: precision))
    sink.key("quantities")
    sink.beginObject()
    for (index, quantity) in spec.quantities.enumerated() {
      let schedule = priced.schedules[index]
      sink.key(quantity.attribute.id.value)
      sink.beginObject()
      sink.key("model")
      sink.string(schedule.model.rawValue)
      sink.key("tiers")
      sink.beginArray()
      for tier in schedule.tiers {
        sink.beginObject()
        sink.key("upto")
        if let upto = tier.upto { sink.integer(upto) } else { sink.null() }
        sink.key("unit")
        sink.string(tier.unit.formatted(places: precision))
        sink.endObject()
      }
      sink.endArray()
      sink.endObject()
    }
    sink.endObject()
    sink.endObject()
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
