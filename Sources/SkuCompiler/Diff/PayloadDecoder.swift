/// Turns one `skuc-payload/1` document (spec §11) into the diff model.
///
/// Catalog sides go through here too (`PayloadBuilder.payload`), so the two kinds of side can
/// never disagree about what a version contains. A payload read from disk may have been edited
/// or written by another tool, so every member is checked and a problem names its place in
/// the document (`specs[1].skus[4].prices[0].from`); with `verifying`, so is every derived
/// field (`PayloadConsistency`): a payload whose names, codes, keys or `from` amounts
/// disagree with the rest would let two different payloads compare as equal.
public enum PayloadDecoder {
  public static func product(
    _ document: JSONValue, file: String, verifying: Bool = false
  ) throws(DiffError) -> DiffProduct {
    let root = PayloadNode(value: document, file: file, strict: verifying)
    try root.allowing(["format", "product", "attributes", "specs"])
    guard try root.member("format").string() == PayloadBuilder.format else {
      throw try root.member("format").failure("is not \"\(PayloadBuilder.format)\"")
    }
    let product = try root.member("product")
    try product.allowing(["id", "type", "name", "currency", "precision", "rounding"])
    let precisionNode = try product.member("precision")
    let precision = try precisionNode.integer()
    guard (0...6).contains(precision) else { throw precisionNode.failure("is not 0 to 6") }
    let typeNode = try product.member("type")
    _ = try typeNode.enumeration(ProductType.self, "a product type")
    let attributes = try root.member("attributes").elements().map {
      node throws(DiffError) in try attribute(node)
    }
    if let twice = firstDuplicate(attributes.map(\.id)) {
      throw try root.member("attributes").failure("lists attribute '\(twice)' twice")
    }
    var decoded = DiffProduct(
      id: try product.member("id").string(), type: try typeNode.string(),
      name: try product.member("name").localized(),
      currency: try product.member("currency").string(), precision: precision,
      rounding: try product.member("rounding").enumeration(RoundingMode.self, "a rounding mode"),
      attributes: attributes, specs: [])
    let consistency = verifying ? PayloadConsistency(product: decoded) : nil
    decoded.specs = try root.member("specs").elements().map { node throws(DiffError) in
      try spec(node, precision: precision, consistency: consistency)
    }
    if let twice = firstDuplicate(decoded.specs.map(\.id)) {
      throw try root.member("specs").failure("lists spec '\(twice)' twice")
    }
    return decoded
  }

  private static func attribute(_ node: PayloadNode) throws(DiffError) -> DiffAttribute {
    let id = try node.member("id").string()
    let name = try node.member("name").localized()
    switch try node.member("type").string() {
    case "enum":
      try node.allowing(["id", "type", "name", "values"])
      let values = try node.member("values").elements().map {
        value throws(DiffError) in
        try value.allowing(["id", "name"])
        return DiffEnumValue(
          id: try value.member("id").string(), name: try value.member("name").localized())
      }
      if let twice = firstDuplicate(values.map(\.id)) {
        throw try node.member("values").failure("lists value '\(twice)' twice")
      }
      return DiffAttribute(id: id, name: name, kind: .enumeration(values))
    case "quantity":
      try node.allowing(["id", "type", "name", "unit", "min", "max", "step"])
      let range = QuantityRange(
        min: try node.member("min").nonNegativeInteger(),
        max: try node.member("max").nonNegativeInteger(),
        step: try node.member("step").nonNegativeInteger())
      return DiffAttribute(
        id: id, name: name,
        kind: .quantity(unit: try node.member("unit").localizedOrNull(), range: range))
    default:
      throw try node.member("type").failure("is not \"enum\" or \"quantity\"")
    }
  }

  private static func spec(
    _ node: PayloadNode, precision: Int, consistency: PayloadConsistency?
  ) throws(DiffError) -> DiffSpec {
    try node.allowing([
      "id", "name", "billing", "chargingMode", "periods", "trialDays", "usageUnit", "attributes",
      "skus",
    ])
    let billingNode = try node.member("billing")
    let billing = try billingNode.enumeration(Billing.self, "a billing mode")
    let modeNode = try node.member("chargingMode")
    guard try modeNode.string() == billing.chargingMode else {
      throw modeNode.failure(
        "is not \"\(billing.chargingMode)\", the charging mode of billing \(billing.rawValue)")
    }
    let periodsNode = try node.member("periods")
    let periods: [Period]? =
      periodsNode.isNull
      ? nil : try periodsNode.elements().map { node throws(DiffError) in try period(node) }
    let trialNode = try node.member("trialDays")
    let attributes = try node.member("attributes").elements().map {
      node throws(DiffError) in try node.string()
    }
    var spec = DiffSpec(
      id: try node.member("id").string(), name: try node.member("name").localized(),
      billing: billing, periods: periods,
      trialDays: trialNode.isNull ? nil : try trialNode.integer(),
      usageUnit: try node.member("usageUnit").localizedOrNull(), attributes: attributes, skus: [])
    let checker = try consistency?.spec(spec, at: node)
    spec.skus = try node.member("skus").elements().map { node throws(DiffError) in
      let sku = try sku(node, precision: precision)
      try checker?.check(sku, at: node)
      return sku
    }
    if let twice = firstDuplicate(spec.skus.map(\.key)) {
      throw try node.member("skus").failure("lists SKU '\(twice)' twice")
    }
    return spec
  }

  private static func sku(_ node: PayloadNode, precision: Int) throws(DiffError) -> DiffSku {
    try node.allowing(["key", "code", "selection", "name", "quantities", "prices"])
    let quantities = try node.member("quantities").members().map {
      (id, range) throws(DiffError) -> DiffQuantity in
      try range.allowing(["min", "max", "step"])
      return DiffQuantity(
        id: id,
        range: QuantityRange(
          min: try range.member("min").nonNegativeInteger(),
          max: try range.member("max").nonNegativeInteger(),
          step: try range.member("step").nonNegativeInteger()))
    }
    let selection = try node.member("selection").members().map {
      (attribute, value) throws(DiffError) in
      DiffSelection(attribute: attribute, value: try value.string())
    }
    let prices = try node.member("prices").elements().map { node throws(DiffError) in
      try price(node, precision: precision)
    }
    return DiffSku(
      key: try node.member("key").string(), selection: selection,
      name: try node.member("name").localized(), quantities: quantities, prices: prices)
  }

  private static func price(_ node: PayloadNode, precision: Int) throws(DiffError) -> DiffPrice {
    try node.allowing(["period", "price", "from", "quantities"])
    let periodNode = try node.member("period")
    let schedules = try node.member("quantities").members().map {
      (id, schedule) throws(DiffError) -> DiffSchedule in
      try schedule.allowing(["model", "tiers"])
      let model = try schedule.member("model").enumeration(ScheduleModel.self, "a schedule model")
      let tiersNode = try schedule.member("tiers")
      let tiers = try tiersNode.elements().map { tier throws(DiffError) in
        try tier.allowing(["upto", "unit"])
        let upto = try tier.member("upto")
        return ScheduleTier(
          upto: upto.isNull ? nil : try upto.nonNegativeInteger(),
          unit: try tier.member("unit").amount(precision: precision))
      }
      guard !tiers.isEmpty else { throw tiersNode.failure("is empty") }
      return DiffSchedule(id: id, schedule: Schedule(model: model, tiers: tiers))
    }
    return DiffPrice(
      period: periodNode.isNull ? nil : try period(periodNode),
      price: try node.member("price").amount(precision: precision),
      from: try node.member("from").amount(precision: precision), schedules: schedules)
  }

  static func firstDuplicate(_ ids: [String]) -> String? {
    var seen: Set<String> = []
    return ids.first { !seen.insert($0).inserted }
  }

  private static func period(_ node: PayloadNode) throws(DiffError) -> Period {
    try node.enumeration(Period.self, "a period (month or year)")
  }
}

extension DiffSide {
  /// The side a compiled catalog publishes: each product's payload, read back as a model.
  public init(_ catalog: CheckedCatalog) throws(DiffError) {
    // Products are independent, so they are read back on every core.
    let decoded = Parallel.map(catalog.products) { priced in
      Result { () throws(DiffError) in
        try PayloadDecoder.product(PayloadBuilder.payload(priced), file: priced.product.file)
      }
    }
    var products: [DiffProduct] = []
    for result in decoded { products.append(try result.get()) }
    self.init(products: products)
  }
}
