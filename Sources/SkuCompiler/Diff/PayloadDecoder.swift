/// Turns one `skuc-payload/1` document (spec §11) into the diff model.
///
/// Catalog sides go through here too (`PayloadBuilder.payload`), so the two kinds of side can
/// never disagree about what a version contains. A payload read from disk may have been edited
/// or written by another tool, so every member is checked and a problem names its place in
/// the document (`specs[1].skus[4].prices[0].from`).
public enum PayloadDecoder {
  public static func product(_ document: JSONValue, file: String) throws(UsageError) -> DiffProduct
  {
    let root = Node(value: document, path: "", file: file)
    guard try root.member("format").string() == PayloadBuilder.format else {
      throw try root.member("format").failure("is not \"\(PayloadBuilder.format)\"")
    }
    let product = try root.member("product")
    let precision = try product.member("precision").integer()
    guard (0...6).contains(precision) else {
      throw try product.member("precision").failure("is not 0 to 6")
    }
    let specs = try root.member("specs").elements().map { node throws(UsageError) in
      try spec(node, precision: precision)
    }
    if let twice = firstDuplicate(specs.map(\.id)) {
      throw root.failure("lists spec '\(twice)' twice")
    }
    return DiffProduct(id: try product.member("id").string(), precision: precision, specs: specs)
  }

  private static func spec(_ node: Node, precision: Int) throws(UsageError) -> DiffSpec {
    let billingNode = try node.member("billing")
    guard let billing = Billing(rawValue: try billingNode.string()) else {
      throw billingNode.failure("is not a billing mode")
    }
    let periodsNode = try node.member("periods")
    let periods: [Period]? =
      periodsNode.value == .null
      ? nil : try periodsNode.elements().map { node throws(UsageError) in try period(node) }
    let trialNode = try node.member("trialDays")
    let unitNode = try node.member("usageUnit")
    let skus = try node.member("skus").elements().map { node throws(UsageError) in
      try sku(node, precision: precision)
    }
    if let twice = firstDuplicate(skus.map(\.key)) {
      throw node.failure("lists SKU '\(twice)' twice")
    }
    return DiffSpec(
      id: try node.member("id").string(), name: try node.member("name").localized(),
      billing: billing,
      periods: periods, trialDays: trialNode.value == .null ? nil : try trialNode.integer(),
      usageUnit: unitNode.value == .null ? nil : try unitNode.localized(), skus: skus)
  }

  private static func sku(_ node: Node, precision: Int) throws(UsageError) -> DiffSku {
    let quantities = try node.member("quantities").members().map {
      (id, range) throws(UsageError) -> DiffQuantity in
      DiffQuantity(
        id: id,
        range: QuantityRange(
          min: try range.member("min").integer(), max: try range.member("max").integer(),
          step: try range.member("step").integer()))
    }
    let prices = try node.member("prices").elements().map { node throws(UsageError) in
      try price(node, precision: precision)
    }
    return DiffSku(
      key: try node.member("key").string(), name: try node.member("name").localized(),
      quantities: quantities, prices: prices)
  }

  private static func price(_ node: Node, precision: Int) throws(UsageError) -> DiffPrice {
    let periodNode = try node.member("period")
    let schedules = try node.member("quantities").members().map {
      (id, schedule) throws(UsageError) -> DiffSchedule in
      let modelNode = try schedule.member("model")
      guard let model = ScheduleModel(rawValue: try modelNode.string()) else {
        throw modelNode.failure("is not a schedule model")
      }
      let tiers = try schedule.member("tiers").elements().map { tier throws(UsageError) in
        let upto = try tier.member("upto")
        return ScheduleTier(
          upto: upto.value == .null ? nil : try upto.integer(),
          unit: try tier.member("unit").amount(precision: precision))
      }
      return DiffSchedule(id: id, schedule: Schedule(model: model, tiers: tiers))
    }
    return DiffPrice(
      period: periodNode.value == .null ? nil : try period(periodNode),
      price: try node.member("price").amount(precision: precision),
      from: try node.member("from").amount(precision: precision), schedules: schedules)
  }

  private static func firstDuplicate(_ ids: [String]) -> String? {
    var seen: Set<String> = []
    return ids.first { !seen.insert($0).inserted }
  }

  private static func period(_ node: Node) throws(UsageError) -> Period {
    guard let period = Period(rawValue: try node.string()) else {
      throw node.failure("is not a period (month or year)")
    }
    return period
  }
}

/// A value inside a payload document, with its path for messages.
private struct Node {
  var value: JSONValue
  var path: String
  var file: String

  func failure(_ problem: String) -> UsageError {
    UsageError("\(file): \(path.isEmpty ? "the document" : path) \(problem)")
  }

  func member(_ name: String) throws(UsageError) -> Node {
    guard case .object(let members) = value else { throw failure("is not an object") }
    guard let found = members.first(where: { $0.0 == name }) else {
      throw failure("has no member '\(name)'")
    }
    return Node(value: found.1, path: path.isEmpty ? name : "\(path).\(name)", file: file)
  }

  func members() throws(UsageError) -> [(String, Node)] {
    guard case .object(let members) = value else { throw failure("is not an object") }
    return members.map { ($0.0, Node(value: $0.1, path: "\(path).\($0.0)", file: file)) }
  }

  func elements() throws(UsageError) -> [Node] {
    guard case .array(let elements) = value else { throw failure("is not an array") }
    return elements.enumerated().map { Node(value: $1, path: "\(path)[\($0)]", file: file) }
  }

  func string() throws(UsageError) -> String {
    guard case .string(let text) = value else { throw failure("is not a string") }
    return text
  }

  func integer() throws(UsageError) -> Int {
    guard case .integer(let number) = value else { throw failure("is not an integer") }
    return number
  }

  /// An amount string with at most `precision` decimals, read exactly.
  func amount(precision: Int) throws(UsageError) -> ExactDecimal {
    let text = try string()
    guard let amount = ExactDecimal(exactly: text), amount.fractionDigitCount <= precision else {
      throw failure("is not an amount with at most \(precision) decimals: \"\(text)\"")
    }
    return amount
  }

  func localized() throws(UsageError) -> LocalizedText {
    let entries = try members().map { (locale, text) throws(UsageError) in
      LocalizedText.Entry(locale: locale, text: try text.string())
    }
    return LocalizedText(entries: entries)
  }
}

extension DiffSide {
  /// The side a compiled catalog publishes: each product's payload, read back as a model.
  public init(_ catalog: CheckedCatalog) throws(UsageError) {
    // Products are independent, so they are read back on every core.
    let decoded = Parallel.map(catalog.products) { priced in
      Result { () throws(UsageError) in
        try PayloadDecoder.product(PayloadBuilder.payload(priced), file: priced.product.file)
      }
    }
    var products: [DiffProduct] = []
    for result in decoded { products.append(try result.get()) }
    self.init(products: products)
  }
}
