import Foundation
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

  func single(
    _ pricing: String, attributes: String = usersAttribute, specAttributes: String = "[users]",
    extraProduct: String = ""
  ) -> Compilation {
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
                - {upto: 30, unit: 20}
                - {upto: 50, unit: 15}
                - {unit: 12}
      """)
    #expect(result.errorCount == 0, "\(result.diagnostics)")
    let price = try #require(priced(result, key: "p/s/"))
    // 100 + 25 × 20 = 600 (the minimum stays in the first tier)
    #expect(money(price.price) == "100.00")
    #expect(money(price.from) == "600.00")
    #expect(price.schedules[0].model == .graduated)
    #expect(price.schedules[0].cost(of: 60).description == "1020")  // 30 × 20 + 20 × 15 + 10 × 12
    #expect(price.schedules[0].cost(of: 30).description == "600")  // the boundary is inclusive
  }

  @Test func volumeTiersPriceAllUnitsAtOneTier() throws {
    let result = single(
      """
            - per: users
              model: volume
              tiers:
                - {upto: 30, unit: 20}
                - {upto: 50, unit: 15}
                - {unit: 12}
      """)
    let price = try #require(priced(result, key: "p/s/"))
    #expect(money(price.from) == "500.00")  // 25 × 20
    #expect(price.schedules[0].cost(of: 51).description == "612")  // 51 × 12
    #expect(price.schedules[0].cost(of: 50).description == "750")  // 50 × 15
    #expect(price.schedules[0].cost(of: 30).description == "600")  // 30 × 20
    #expect(price.schedules[0].cost(of: 31).description == "465")  // 31 × 15
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
    #expect(
      tie.map { money($0.rounded(toPlaces: 2, mode: RoundingMode(rawValue: mode) ?? .halfUp)) }
        == positive)
    #expect(
      tie.map { money((-$0).rounded(toPlaces: 2, mode: RoundingMode(rawValue: mode) ?? .halfUp)) }
        == negative)
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

/// Tables, fallbacks, limits and `from` (spec §8.1, §8.4).
@Suite struct TablePricingTests {
  static let attributes = """
      edition:
        type: enum
        name: {zh-CN: 版本类型, en-US: Edition}
        values:
          basic: {zh-CN: 基础版, en-US: Basic}
          pro: {zh-CN: 专业版, en-US: Pro}
          max: {zh-CN: 旗舰版, en-US: Max}
      users:
        type: quantity
        name: {zh-CN: 用户数, en-US: Users}
        min: 1
        max: 100
    """

  func periodic(_ body: String) -> Compilation {
    compile(
      catalog(
        attributes: Self.attributes,
        specs: """
            s:
              name: {zh-CN: 规格, en-US: Spec}
              billing: period
              periods: [month, year]
              attributes: [edition, users]
          \(body)
          """))
  }

  @Test func wildcardFallsBackWhenTheExactBranchHasNoEntryDeeperDown() {
    let result = periodic(
      """
          pricing:
            - add:
                by: [edition, period]
                table:
                  basic: {month: 10}
                  "*": {month: 20, year: 200}
      """)
    #expect(result.errorCount == 0, "\(result.diagnostics)")
    #expect(money(priced(result, key: "p/s/edition=basic", period: .month)?.price) == "10.00")
    #expect(money(priced(result, key: "p/s/edition=basic", period: .year)?.price) == "200.00")
    #expect(money(priced(result, key: "p/s/edition=max", period: .month)?.price) == "20.00")
  }

  @Test func missingEntryNamesSelectionAndPeriod() {
    let result = periodic(
      """
          pricing:
            - add:
                by: [edition, period]
                table: {basic: {month: 10, year: 100}, pro: {month: 20}, max: {month: 30, year: 300}}
      """)
    #expect(codes(result) == ["P407"])
    #expect(result.diagnostics.first?.message.contains("edition=pro, period=year") == true)
  }

  @Test func limitedMinimumSetsFromAndPayloadRange() throws {
    let result = periodic(
      """
          rules:
            - when: {edition: max}
              limit: {users: {min: 10, max: 50}}
          pricing:
            - add: {by: edition, table: {basic: 1, pro: 2, max: 3}}
            - per: users
              add: {by: period, table: {month: "2.50", year: 25}}
      """)
    #expect(result.errorCount == 0, "\(result.diagnostics)")
    // max: 3 + 10 users × 2.50 = 28.00 a month; 3 + 10 × 25 = 253.00 a year.
    #expect(money(priced(result, key: "p/s/edition=max", period: .month)?.from) == "28.00")
    #expect(money(priced(result, key: "p/s/edition=max", period: .year)?.from) == "253.00")
    #expect(money(priced(result, key: "p/s/edition=basic", period: .month)?.from) == "3.50")
    let sku = result.catalog?.products.first?.specs.first?.skus.first {
      $0.key == "p/s/edition=max"
    }
    #expect(sku?.ranges.first == QuantityRange(min: 10, max: 50, step: 1))
  }

  @Test func offGridLimitNamesTheSelection() {
    let attributes = Self.attributes.replacingOccurrences(
      of: "max: 100", with: "max: 100\n    step: 3")
    let result = compile(
      catalog(
        attributes: attributes,
        specs: """
            s:
              name: {zh-CN: 规格, en-US: Spec}
              billing: one-time
              attributes: [edition, users]
              rules:
                - when: {edition: pro}
                  limit: {users: {max: 50}}
              pricing:
                - add: 1
          """))
    #expect(codes(result) == ["R308"])
    #expect(result.diagnostics.first?.message.contains("edition=pro") == true)
  }

  @Test func skuKeysSortAttributesAndIgnoreDeclarationOrder() {
    let result = compile(
      catalog(
        attributes: """
            zone:
              type: enum
              name: {zh-CN: 区域, en-US: Zone}
              values: {cn: {zh-CN: 中国, en-US: China}}
            edition:
              type: enum
              name: {zh-CN: 版本类型, en-US: Edition}
              values: {basic: {zh-CN: 基础版, en-US: Basic}}
          """,
        specs: """
            s:
              name: {zh-CN: 规格, en-US: Spec}
              billing: one-time
              attributes: [zone, edition]
              pricing:
                - add: 1
          """))
    let sku = result.catalog?.products.first?.specs.first?.skus.first
    #expect(sku?.key == "p/s/edition=basic,zone=cn")
    #expect(sku?.code.count == 16)
    #expect(sku?.code.hasPrefix("S") == true)
  }
}
