/// Small random catalogs for the diff invariant: enum and quantity attributes, a graduated,
/// volume or linear schedule with random tiers, random precision and rounding, a `limit`
/// rule and two periods, all drawn from a seed.
struct DiffCatalogGenerator {
  var random: SeededGenerator

  init(seed: UInt64) {
    random = SeededGenerator(state: seed)
  }

  mutating func yaml() -> String {
    let precision = Int.random(in: 0...3, using: &random)
    let rounding =
      ["half-up", "half-even", "down", "up"].randomElement(using: &random) ?? "half-up"
    let model = ["graduated", "volume", "linear"].randomElement(using: &random) ?? "linear"
    let values = (0..<Int.random(in: 1...3, using: &random)).map { "v\($0)" }
    let table = values.map { "\($0): \(Int.random(in: 0...500, using: &random))" }
      .joined(separator: ", ")
    var tiers: [String] = []
    if model == "linear" {
      tiers = []
    } else {
      var upto = 0
      for _ in 0..<Int.random(in: 1...3, using: &random) {
        upto += Int.random(in: 2...20, using: &random)
        tiers.append("{upto: \(upto), unit: \"\(amount(precision))\"}")
      }
      tiers.append("{unit: \"\(amount(precision))\"}")
    }
    let schedule =
      model == "linear"
      ? "        add: \"\(amount(precision))\""
      : "        model: \(model)\n        tiers:\n"
        + tiers.map { "          - \($0)" }.joined(
          separator: "\n")
    return """
      skuc: 1
      product:
        id: gen
        type: saas
        name: {zh-CN: 生成, en-US: Generated}
        currency: CNY
        precision: \(precision)
        rounding: \(rounding)
      attributes:
        plan:
          type: enum
          name: {zh-CN: 方案, en-US: Plan}
          values:
      \(values.map { "      \($0): {zh-CN: 方案\($0), en-US: Plan \($0)}" }.joined(separator: "\n"))
        seats:
          type: quantity
          name: {zh-CN: 席位, en-US: Seats}
          unit: {zh-CN: 个, en-US: seat}
          min: 1
          max: \(Int.random(in: 30...90, using: &random))
          step: 1
      specs:
        main:
          name: {zh-CN: 主, en-US: Main}
          billing: period
          periods: [month, year]
          attributes: [plan, seats]
          rules:
            - when: {plan: v0}
              limit: {seats: {max: 25}}
          pricing:
            - add: {by: plan, table: {\(table)}}
            - per: seats
      \(schedule)
            - when: {period: year}
              multiply: "9.5"

      """
  }

  private mutating func amount(_ precision: Int) -> String {
    let whole = Int.random(in: 0...80, using: &random)
    guard precision > 0 else { return String(whole) }
    let fraction = Int.random(in: 0..<Int(pow10(precision)), using: &random)
    return "\(whole).\(String(fraction).leftPadded(to: precision))"
  }

  private func pow10(_ exponent: Int) -> Int {
    (0..<exponent).reduce(1) { value, _ in value * 10 }
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
