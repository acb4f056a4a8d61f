/// Builds a catalog's YAML text from fuzzer bytes, so that mutations land on the stages after
/// the front end (model, validation, expansion, pricing, checks) instead of on YAML syntax.
///
/// Every choice is read from the input: structure, references (mostly to things that exist,
/// sometimes not), and numbers drawn from boundary values (18-digit integers, 9-digit
/// fractions, rounding ties, zero and negatives) or spelled digit by digit.
struct CatalogFromBytes {
  private var input: FuzzBytes
  private var enums: [(id: String, values: [String])] = []
  private var quantities: [String] = []

  init(_ input: FuzzBytes) {
    self.input = input
  }

  private static let types = [
    "saas", "license", "image", "manual-service", "hardware", "api", "ai-asset", "data-asset",
  ]
  private static let billings = ["period", "one-time", "on-demand", "on-demand-package"]
  private static let decimals = [
    "0", "1", "-1", "0.5", "2.5", "-2.5", "0.005", "-0.005", "0.015", "10", "99.99", "100",
    "0.000000001", "1.000000001", "3.333333333", "999999999999999999", "-999999999999999999",
    "123456789012345678.123456789", "0.1", "1.005",
  ]
  private static let integers = [
    "0", "1", "2", "3", "5", "10", "100", "1000", "-1", "999999999999999999",
    "10000000", "4294967296", "12",
  ]

  private mutating func choose<T>(_ choices: [T]) -> T {
    choices[input.below(choices.count)]
  }

  private mutating func number(_ pool: [String], fraction: Bool) -> String {
    guard input.below(4) == 0 else { return choose(pool) }
    var text = input.below(5) == 0 ? "-" : ""
    text += String(input.below(9) + 1)
    for _ in 0..<input.below(18) { text += String(input.below(10)) }
    if fraction && input.below(2) == 0 {
      text += "."
      for _ in 0...input.below(9) { text += String(input.below(10)) }
    }
    return "\"\(text)\""
  }

  private mutating func decimal() -> String { number(Self.decimals, fraction: true) }
  private mutating func integer() -> String { number(Self.integers, fraction: false) }

  private func localized(_ text: String) -> String {
    "{zh-CN: \(text)中, en-US: \(text)}"
  }

  private mutating func enumReference() -> (id: String, value: String)? {
    guard !enums.isEmpty else { return nil }
    let attribute = choose(enums)
    return (attribute.id, input.below(16) == 0 ? "nope" : choose(attribute.values))
  }

  private mutating func selector(allowPeriod: Bool) -> String {
    var parts: [String] = []
    for _ in 0..<input.below(3) {
      if allowPeriod && input.below(4) == 0 {
        parts.append("period: \(choose(["month", "year", "[month, year]"]))")
      } else if let (id, value) = enumReference() {
        parts.append("\(id): \(value)")
      }
    }
    return "{" + parts.joined(separator: ", ") + "}"
  }

  /// A money literal or a table by one or two attributes (enum values, periods, `"*"`).
  private mutating func amount() -> String {
    guard input.below(3) == 0, let first = enumReference() else { return decimal() }
    let byPeriod = input.below(2) == 0
    let attribute = enums.first { $0.id == first.id }?.values ?? []
    var rows: [String] = []
    for value in attribute + ["*"] where input.below(4) != 0 {
      let cell =
        byPeriod ? "{month: \(decimal()), year: \(decimal()), \"*\": \(decimal())}" : decimal()
      rows.append("\"\(value)\": \(cell)")
    }
    let by = byPeriod ? "[\(first.id), period]" : first.id
    return "{by: \(by), table: {\(rows.joined(separator: ", "))}}"
  }

  private mutating func step() -> String {
    var lines: [String] = []
    if input.below(3) == 0 { lines.append("when: \(selector(allowPeriod: true))") }
    let quantity = quantities.isEmpty || input.below(2) == 0 ? nil : choose(quantities)
    if let quantity { lines.append("per: \(quantity)") }
    switch input.below(3) {
    case 0:
      lines.append("multiply: \(number(Self.decimals, fraction: true))")
    case 1 where quantity != nil:
      lines.append("model: \(choose(["graduated", "volume"]))")
      var tiers: [String] = []
      for index in 0..<(input.below(4) + 1) {
        let upto = index == 0 || input.below(4) != 0 ? "upto: \(integer()), " : ""
        tiers.append("{\(upto)unit: \(amount())}")
      }
      tiers.append("{unit: \(amount())}")
      lines.append("tiers: [\(tiers.joined(separator: ", "))]")
    default:
      lines.append("add: \(amount())")
    }
    return "      - " + lines.joined(separator: "\n        ")
  }

  mutating func yaml() -> String {
    var text = "skuc: 1\nproduct:\n  id: fz\n  type: \(choose(Self.types))\n"
    text +=
      "  name: \(localized("产品"))\n  currency: \(choose(["CNY", "USD", "JPY", "EUR", "HKD"]))\n"
    if input.below(2) == 0 { text += "  precision: \(input.below(8))\n" }
    if input.below(2) == 0 {
      text += "  rounding: \(choose(["half-up", "half-even", "down", "up"]))\n"
    }
    if input.below(2) == 0 {
      text += "  limits: {max_skus_per_spec: \(integer()), max_enum_values: \(integer())}\n"
    }
    text += "attributes:\n"
    for index in 0..<input.below(4) {
      let values = (0..<(input.below(5) + 1)).map { "v\($0)" }
      enums.append(("e\(index)", values))
      text += "  e\(index):\n    type: enum\n    name: \(localized("E\(index)"))\n    values:\n"
      for value in values { text += "      \(value): \(localized("\(index)\(value)"))\n" }
    }
    for index in 0..<input.below(3) {
      quantities.append("q\(index)")
      text += "  q\(index):\n    type: quantity\n    name: \(localized("Q\(index)"))\n"
      text += "    min: \(integer())\n    max: \(integer())\n"
      if input.below(2) == 0 { text += "    step: \(integer())\n" }
    }
    if enums.isEmpty && quantities.isEmpty { text += "  {}\n" }
    text += "specs:\n"
    for index in 0..<(input.below(2) + 1) {
      text += spec(index)
    }
    return text
  }

  private mutating func spec(_ index: Int) -> String {
    let billing = choose(Self.billings)
    var text = "  s\(index):\n    name: \(localized("S\(index)"))\n    billing: \(billing)\n"
    if billing == "period" || billing == "on-demand-package" || input.below(16) == 0 {
      text += "    periods: \(choose(["[month]", "[year]", "[month, year]", "[year, month]"]))\n"
    }
    if billing == "on-demand" { text += "    usage_unit: \(localized("时"))\n" }
    if input.below(4) == 0 { text += "    trial_days: \(integer())\n" }
    let ids = (enums.map(\.id) + quantities).filter { _ in input.below(3) != 0 }
    text += "    attributes: [\(ids.joined(separator: ", "))]\n"
    var rules: [String] = []
    for _ in 0..<input.below(3) {
      switch input.below(3) {
      case 0: rules.append("      - forbid: \(selector(allowPeriod: false))")
      case 1:
        rules.append(
          "      - when: \(selector(allowPeriod: false))\n        require: \(selector(allowPeriod: false))"
        )
      default:
        guard let quantity = quantities.isEmpty ? nil : choose(quantities) else { continue }
        rules.append(
          "      - when: \(selector(allowPeriod: false))\n        limit: {\(quantity): {min: \(integer()), max: \(integer())}}"
        )
      }
    }
    if !rules.isEmpty { text += "    rules:\n" + rules.joined(separator: "\n") + "\n" }
    text += "    pricing:\n"
    for _ in 0..<(input.below(5) + 1) { text += step() + "\n" }
    var checks: [String] = []
    for _ in 0..<input.below(3) {
      switch input.below(3) {
      case 0:
        if let (id, _) = enumReference() { checks.append("      - monotonic: \(id)") }
      case 1:
        let attribute = enums.isEmpty || input.below(2) == 0 ? nil : choose(enums)
        let (numerator, denominator) =
          attribute.map { ($0.values.first ?? "v0", $0.values.last ?? "v0") } ?? ("year", "month")
        checks.append(
          "      - ratio: {attribute: \(attribute?.id ?? "period"), numerator: \(numerator), denominator: \(denominator), min: \(decimal()), max: \(decimal())}"
        )
      default:
        checks.append("      - bounds: {min: \(decimal()), max: \(decimal())}")
      }
    }
    if !checks.isEmpty { text += "    checks:\n" + checks.joined(separator: "\n") + "\n" }
    return text
  }
}
