/// SplitMix64: seeded, the same on every platform, so a failing catalog is reproduced by its
/// seed and index.
struct CatalogRandom: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func chance(_ oneIn: Int) -> Bool {
    Int.random(in: 0..<oneIn, using: &self) == 0
  }

  mutating func pick<T>(_ choices: [T]) -> T {
    choices[Int.random(in: 0..<choices.count, using: &self)]
  }
}

/// Random valid catalogs (spec §3–§10): every product type with an allowed billing mode,
/// currencies with and without minor units, explicit precisions and rounding modes, one or
/// three locales, enum and quantity attributes, rules, tables (by enum value, by period, with
/// `"*"`), linear, graduated and volume schedules, factors, and `bounds` checks. Amounts stay
/// positive and factors at least 1, so every SKU has a price and every catalog builds.
struct RandomCatalog {
  var random: CatalogRandom

  private static let billings: [(type: String, billing: [String])] = [
    ("saas", ["period", "one-time", "on-demand", "on-demand-package"]),
    ("license", ["period", "one-time"]), ("image", ["period", "on-demand"]),
    ("manual-service", ["period", "one-time"]), ("hardware", ["one-time"]),
    ("api", ["one-time", "on-demand", "on-demand-package"]), ("ai-asset", ["one-time"]),
    ("data-asset", ["period", "one-time"]),
  ]

  private struct Attribute {
    var id: String
    var values: [String]  // empty for a quantity
    var min = 0
    var max = 0
    var step = 1
    var isQuantity: Bool { values.isEmpty }
  }

  private var locales: [String] = []
  private var precision = 2

  init(seed: UInt64) {
    random = CatalogRandom(state: seed)
  }

  private func name(_ text: String) -> String {
    if locales.count == 1 { return text }
    return "{" + locales.map { "\($0): \(text) \($0)" }.joined(separator: ", ") + "}"
  }

  /// A positive amount with at most `precision` decimals.
  private mutating func amount() -> String {
    let whole = Int.random(in: 1...999, using: &random)
    guard precision > 0, random.chance(2) else { return String(whole) }
    let places = Int.random(in: 1...precision, using: &random)
    var fraction = String(Int.random(in: 0..<Int(pow10(places)), using: &random))
    fraction = String(repeating: "0", count: places - fraction.count) + fraction
    return "\"\(whole).\(fraction)\""
  }

  private func pow10(_ exponent: Int) -> Int64 {
    (0..<exponent).reduce(Int64(1)) { value, _ in value * 10 }
  }

  mutating func yaml(productID: String) -> String {
    let (type, billings) = random.pick(Self.billings)
    let (currency, minorUnits) = random.pick([
      ("CNY", 2), ("USD", 2), ("EUR", 2), ("HKD", 2), ("JPY", 0),
    ])
    locales = random.pick([["zh-CN", "en-US"], ["en-US"], ["zh-CN", "en-US", "ja-JP"]])
    precision = random.chance(3) ? Int.random(in: 0...6, using: &random) : minorUnits
    var text = "skuc: 1\nproduct:\n  id: \(productID)\n  type: \(type)\n"
    text += "  name: \(name("Product \(productID)"))\n  currency: \(currency)\n"
    if locales != ["zh-CN", "en-US"] {
      text += "  locales: [\(locales.joined(separator: ", "))]\n"
    }
    if precision != minorUnits || random.chance(4) { text += "  precision: \(precision)\n" }
    if random.chance(2) {
      text += "  rounding: \(random.pick(["half-up", "half-even", "down", "up"]))\n"
    }
    if random.chance(4) { text += "  limits: {max_skus_per_spec: 1000, max_enum_values: 10}\n" }

    var attributes: [Attribute] = []
    for index in 0..<Int.random(in: 0...3, using: &random) {
      attributes.append(
        Attribute(
          id: "e\(index)", values: (0..<Int.random(in: 1...4, using: &random)).map { "v\($0)" }))
    }
    for index in 0..<Int.random(in: 0...2, using: &random) {
      let min = Int.random(in: 0...5, using: &random)
      let step = Int.random(in: 1...5, using: &random)
      attributes.append(
        Attribute(
          id: "q\(index)", values: [], min: min,
          max: min + step * Int.random(in: 0...20, using: &random), step: step))
    }
    attributes.shuffle(using: &random)
    text += attributes.isEmpty ? "attributes: {}\n" : "attributes:\n"
    for attribute in attributes {
      text += "  \(attribute.id):\n"
      if attribute.isQuantity {
        text += "    type: quantity\n    name: \(name("Quantity \(attribute.id)"))\n"
        if random.chance(2) { text += "    unit: \(name("unit"))\n" }
        text += "    min: \(attribute.min)\n    max: \(attribute.max)\n"
        if attribute.step != 1 || random.chance(2) { text += "    step: \(attribute.step)\n" }
      } else {
        text += "    type: enum\n    name: \(name("Enum \(attribute.id)"))\n    values:\n"
        for value in attribute.values {
          text += "      \(value): \(name("Value \(attribute.id) \(value)"))\n"
        }
      }
    }
    text += "specs:\n"
    for index in 0..<Int.random(in: 1...3, using: &random) {
      text += spec(
        id: "s\(index)", billing: random.pick(billings), type: type, attributes: attributes)
    }
    return text
  }

  private mutating func spec(
    id: String, billing: String, type: String, attributes: [Attribute]
  )
    -> String
  {
    var text = "  \(id):\n    name: \(name("Spec \(id)"))\n    billing: \(billing)\n"
    let hasPeriods = billing == "period" || billing == "on-demand-package"
    let periods = random.pick([["month"], ["year"], ["month", "year"], ["year", "month"]])
    if hasPeriods { text += "    periods: [\(periods.joined(separator: ", "))]\n" }
    if billing == "period" && type != "api" && random.chance(2) {
      text += "    trial_days: \(Int.random(in: 1...365, using: &random))\n"
    }
    if billing == "on-demand" { text += "    usage_unit: \(name("hour"))\n" }
    let chosen = attributes.filter { _ in random.chance(2) }.shuffled(using: &random)
    if !chosen.isEmpty || random.chance(2) {
      text += "    attributes: [\(chosen.map(\.id).joined(separator: ", "))]\n"
    }
    let enums = chosen.filter { !$0.isQuantity }
    let quantities = chosen.filter(\.isQuantity)

    var rules: [String] = []
    if let attribute = enums.first(where: { $0.values.count > 1 }), random.chance(2) {
      rules.append(
        "      - forbid: {\(attribute.id): \(random.pick(attribute.values))}\n        because: not sold"
      )
    }
    if let quantity = quantities.first, random.chance(2) {
      let max =
        quantity.min + quantity.step
        * Int.random(in: 0...((quantity.max - quantity.min) / quantity.step), using: &random)
      let when = enums.first.map { "when: {\($0.id): \(random.pick($0.values))}, " } ?? ""
      rules.append("      - {\(when)limit: {\(quantity.id): {max: \(max)}}}")
    }
    if !rules.isEmpty { text += "    rules:\n" + rules.joined(separator: "\n") + "\n" }

    text += "    pricing:\n      - add: \(amount())\n"
    if let attribute = enums.first, random.chance(2) {
      var entries = attribute.values.filter { _ in !random.chance(3) }.map { "\($0): \(amount())" }
      if entries.count < attribute.values.count { entries.append("\"*\": \(amount())") }
      text += "      - add: {by: \(attribute.id), table: {\(entries.joined(separator: ", "))}}\n"
    }
    if hasPeriods && random.chance(2) {
      text += "      - add: {by: period, table: {month: \(amount()), year: \(amount())}}\n"
    }
    for quantity in quantities {
      switch Int.random(in: 0..<3, using: &random) {
      case 0:
        text += "      - per: \(quantity.id)\n        add: \(amount())\n"
      default:
        let first = quantity.min + Int.random(in: 0...10, using: &random)
        let second = first + Int.random(in: 1...10, using: &random)
        text +=
          "      - per: \(quantity.id)\n        model: \(random.pick(["graduated", "volume"]))\n"
        text +=
          "        tiers: [{upto: \(first), unit: \(amount())}, {upto: \(second), unit: \(amount())}, {unit: \(amount())}]\n"
      }
    }
    if random.chance(3) {
      text +=
        "      - multiply: \"\(random.pick(["1", "1.1", "1.5", "2", "1.000000001", "3.333333333"]))\"\n"
    }
    if hasPeriods && periods.contains("year") && random.chance(2) {
      text += "      - when: {period: year}\n        multiply: 10\n"
    }
    if random.chance(3) {
      text += "    checks:\n      - bounds: {min: \"0\"}\n"
    }
    return text
  }
}
