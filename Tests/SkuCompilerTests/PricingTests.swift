import Testing

@testable import SkuCompiler

/// Hand-computed expectations for spec §8: every number here was worked out on paper.
@Suite struct PricingTests {
  static let usersAttribute = """
      users:
        type: quantity
        name: {zh-CN: 用户数, en-US: Users}
        min: 25
        max: 200
    """

  func single(_ pricing: String, attributes: String = usersAttribute, specAttributes: String = "[users]",
    extraProduct: String = "") -> Compilation {
    compile(
      catalog(
        attributes: attributes,
        specs: """
            s:
              name: {zh-CN: 规格, en-US: Spec}
              billing: one-time
              attributes: \(specAttributes)
              pricing:
          \(pricing)
          """, extraProduct: extraProduct))
  }

  @Test func graduatedTiersPriceEachUnitInItsTier() throws {
    let result = single(
      """
            - add: 100
            - per: users
              model: graduated
              tiers:
                - {upto: 10, unit: 20}
                - {upto: 50, unit: 15}
                - {unit: 12}
      """)
    #expect(result.errorCount == 0, "\(result.diagnostics)")
    let price = try #require(priced(result, key: "p/s/"))
    // 100 + 10 × 20 + 15 × 15 = 525
    #expect(money(price.price) == "100.00")
    #expect(money(price.from) == "525.00")
    #expect(price.schedules[0].model == .graduated)
    #expect(price.schedules[0].cost(of: 60).description == "920")  // 10 × 20 + 40 × 15 + 10 × 12
  }

  @Test func volumeTiersPriceAllUnitsAtOneTier() throws {
    let result = single(
      """
            - per: users
              model: volume
              tiers:
                - {upto: 10, unit: 20}
                - {upto: 50, unit: 15}
                - {unit: 12}
      """)
    let price = try #require(priced(result, key: "p/s/"))
    #expect(money(price.from) == "375.00")  // 25 × 15
    #expect(price.schedules[0].cost(of: 51).description == "612")  // 51 × 12
    #expect(price.schedules[0].cost(of: 50).description == "750")  // 50 × 15
    #expect(price.schedules[0].cost(of: 10).description == "200")
  }

  @Test func linearScheduleAndMultiplyReachUnits() throws {
    let result = single(
      """
            - add: 10
            - per: users
              add: 2
            - multiply: "1.5"
      """)
    let price = try #require(priced(result, key: "p/s/"))
    #expect(money(price.price) == "15.00")
    #expect(money(price.schedules[0].tiers[0].unit) == "3.00")
    #expect(money(price.from) == "90.00")  // 15 + 25 × 3
  }

  @Test(arguments: [
    ("half-up", "0.13", "-0.13"), ("half-even", "0.12", "-0.12"), ("down", "0.12", "-0.12"),
    ("up", "0.13", "-0.13"),
  ])
  func roundingModesOnTies(mode: String, positive: String, negative: String) {
    let tie = ExactDecimal(exactly: "0.125")
    #expect(tie.map { money($0.rounded(toPlaces: 2, mode: RoundingMode(rawValue: mode) ?? .halfUp)) } == positive)
    #expect(
      tie.map { money((-$0).rounded(toPlaces: 2, mode: RoundingMode(rawValue: mode) ?? .halfUp)) } == negative)
    let result = single(
      """
            - add: 1
            - multiply: "0.125"
      """, extraProduct: "  rounding: \(mode)")
    #expect(money(priced(result, key: "p/s/")?.price) == positive)
  }

  @Test func roundingHappensOnceAtTheEnd() throws {
    // 0.005 × 3 = 0.015 → 0.02 half-up. Rounding each step would give 0.01 × 3 = 0.03.
    let result = single(
      """
            - add: 1
            - multiply: "0.005"
            - multiply: 3
      """)
    #expect(money(priced(result, key: "p/s/")?.price) == "0.02")
  }

  @Test func tinyNegativeRoundsToZeroWithoutError() throws {
    let result = single(
      """
            - add: 1
            - add: "-1.00"
            - multiply: "-0.004"
            - per: users
              add: 1
      """)
    #expect(result.errorCount == 0, "\(result.diagnostics)")
    #expect(money(priced(result, key: "p/s/")?.price) == "0.00")
  }

  @Test func negativePriceIsAnError() {
    let result = single(
      """
            - add: 5
            - add: "-5.01"
      """)
    #expect(codes(result).contains("P409"))
  }

  @Test func freeListingWithoutQuantityIsAnError() {
    let result = single("      - add: 0", specAttributes: "[]")
    #expect(codes(result) == ["P410"])
  }
}
