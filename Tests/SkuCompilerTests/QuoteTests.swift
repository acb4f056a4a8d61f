import Foundation
import Testing

@testable import SkuCompiler

/// `skuc quote` computes with the pricer itself; these tests hold it to the payload: the
/// traced run must reproduce every published number, and quote totals must equal what an
/// independent reading of the payload's tiers gives (graduated, volume and linear worked out
/// here with exact decimals) at every tier boundary.
@Suite struct QuoteTests {
  static let catalogs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Catalogs").path

  static func exampleCatalog() throws -> CheckedCatalog {
    let loaded = try Driver.load(catalogs, options: DiagnosticOptions())
    return try #require(loaded.compilation.catalog, "\(loaded.compilation.diagnostics)")
  }

  @Test func tracedPricingReproducesEveryPublishedPrice() throws {
    let catalog = try Self.exampleCatalog()
    var compared = 0
    for product in catalog.products {
      for spec in product.specs {
        for sku in spec.skus {
          for (index, period) in spec.resolved.pricedPeriods.enumerated() {
            let traced = Pricer.trace(
              product: product.product, spec: spec.expanded, sku: sku.index, period: period)
            #expect(traced.priced == sku.prices[index], "\(sku.key) \(String(describing: period))")
            #expect(traced.trace.steps.count == spec.resolved.steps.count)
            for step in traced.trace.steps {
              let when = spec.resolved.steps[step.index].when
              #expect(step.applied == (when?.matches(sku.selection, period: period) ?? true))
              if !step.applied {
                #expect(step.priceBefore == step.priceAfter && step.lookups.isEmpty)
              }
            }
            #expect(
              traced.trace.price.rounded(
                toPlaces: product.product.precision, mode: product.product.rounding)
                == traced.priced.price)
            compared += 1
          }
        }
      }
    }
    #expect(compared > 30)
  }

  @Test func aQuoteAtTheMinimumsIsTheFromPrice() throws {
    let catalog = try Self.exampleCatalog()
    for product in catalog.products {
      for spec in product.specs {
        for sku in spec.skus {
          for (index, period) in spec.resolved.pricedPeriods.enumerated() {
            let quote = try Quote.make(
              request(product.product, spec.resolved, sku, period: period), in: catalog)
            #expect(quote.total == sku.prices[index].from, "\(sku.key)")
            #expect(quote.given.allSatisfy { !$0 })
          }
        }
      }
    }
  }

  /// Every quote over a grid of quantities (both ends of each range, each tier boundary and
  /// its neighbours on the grid) against the payload's own numbers.
  @Test func quoteTotalsMatchThePayloadAtTierBoundaries() throws {
    let catalog = try Self.exampleCatalog()
    var checked = 0
    for product in catalog.products {
      let payload = try #require(
        JSONSerialization.jsonObject(
          with: Data(JSONWriter.serialize(PayloadBuilder.payload(product)))) as? [String: Any])
      let places = try #require((payload["product"] as? [String: Any])?["precision"] as? Int)
      let rounding = try #require(
        RoundingMode(rawValue: (payload["product"] as? [String: Any])?["rounding"] as? String ?? "")
      )
      let declaredMins = Dictionary(
        uniqueKeysWithValues: (payload["attributes"] as? [[String: Any]] ?? []).compactMap {
          attribute in
          (attribute["min"] as? Int).map { (attribute["id"] as? String ?? "", $0) }
        })
      for (specIndex, specJSON) in (payload["specs"] as? [[String: Any]] ?? []).enumerated() {
        let spec = product.specs[specIndex]
        for (skuIndex, skuJSON) in (specJSON["skus"] as? [[String: Any]] ?? []).enumerated() {
          let sku = spec.skus[skuIndex]
          #expect(skuJSON["key"] as? String == sku.key)
          let ranges = skuJSON["quantities"] as? [String: [String: Int]] ?? [:]
          for (periodIndex, priceJSON) in (skuJSON["prices"] as? [[String: Any]] ?? []).enumerated()
          {
            let period = spec.resolved.pricedPeriods[periodIndex]
            let price = try decimal(priceJSON["price"])
            let schedules = priceJSON["quantities"] as? [String: [String: Any]] ?? [:]
            for quantity in spec.resolved.quantities {
              let id = quantity.attribute.id.value
              let range = try #require(ranges[id])
              let schedule = try #require(schedules[id])
              for value in try grid(range, anchor: declaredMins[id] ?? 0, schedule: schedule) {
                let expected = (price + (try Self.cost(of: value, schedule))).rounded(
                  toPlaces: places, mode: rounding)
                var request = request(product.product, spec.resolved, sku, period: period)
                request.quantities = ["\(id)=\(value)"]
                let quote = try Quote.make(request, in: catalog)
                #expect(
                  quote.total.formatted(places: places) == expected.formatted(places: places),
                  "\(sku.key) \(String(describing: period)) \(id)=\(value)")
                checked += 1
              }
            }
          }
        }
      }
    }
    #expect(checked > 100)
  }

  /// Two quantities in one spec, units that need rounding, a factor applied after tiers.
  @Test func totalsAddEveryQuantityWithRoundedUnits() throws {
    let compilation = compile(
      catalog(
        attributes: """
            users:
              type: quantity
              name: {zh-CN: 用户, en-US: Users}
              min: 0
              max: 100
            storage:
              type: quantity
              name: {zh-CN: 存储, en-US: Storage}
              min: 10
              max: 90
              step: 10
          """,
        specs: """
            s:
              name: {zh-CN: 规格, en-US: Spec}
              billing: one-time
              attributes: [users, storage]
              pricing:
                - add: "9.99"
                - per: users
                  model: volume
                  tiers:
                    - {upto: 10, unit: "3.33"}
                    - {unit: "2.22"}
                - per: storage
                  model: graduated
                  tiers:
                    - {upto: 20, unit: 5}
                    - {upto: 50, unit: 4}
                    - {unit: 3}
                - multiply: "1.005"
          """, extraProduct: "  rounding: half-even"))
    let checked = try #require(compilation.catalog, "\(compilation.diagnostics)")
    let request = QuoteRequest(product: "p", spec: "s", quantities: ["users=11", "storage=60"])
    let quote = try Quote.make(request, in: checked)
    // price 9.99 × 1.005 = 10.03995 → 10.04; users 2.22 × 1.005 = 2.2311 → 2.23, 11 × 2.23 = 24.53;
    // storage units 5.025 → 5.02 (half-even), 4.02, 3.015 → 3.02: 20 × 5.02 + 30 × 4.02 + 10 × 3.02
    // = 100.40 + 120.60 + 30.20 = 251.20.
    #expect(quote.traced.priced.price.description == "10.04")
    #expect(quote.cost(ofQuantity: 0).formatted(places: 2) == "24.53")
    #expect(quote.cost(ofQuantity: 1).formatted(places: 2) == "251.20")
    #expect(quote.total.formatted(places: 2) == "285.77")
    #expect(quote.given == [true, true])
    // A quantity of 0 costs nothing, and the other takes its minimum (10 × 5.02).
    let minimum = try Quote.make(
      QuoteRequest(product: "p", spec: "s", quantities: ["users=0"]), in: checked)
    #expect(minimum.total.formatted(places: 2) == "60.24")
    #expect(minimum.total == checked.products[0].specs[0].skus[0].prices[0].from)
  }

  @Test func badChoicesNameTheNearestValidOnes() throws {
    let catalog = try Self.exampleCatalog()
    func message(_ request: QuoteRequest) -> String {
      do {
        _ = try Quote.make(request, in: catalog)
        return "accepted"
      } catch {
        return error.message
      }
    }
    let crm = { (selections: [String], period: String?, quantities: [String]) in
      QuoteRequest(
        product: "yunke-crm", spec: "subscription", selections: selections, period: period,
        quantities: quantities)
    }
    let basic = ["edition=basic", "support=standard"]
    #expect(
      message(crm(basic, nil, ["users=23"])).contains(
        "users=23 is off the grid (step 5 from 5): nearest valid 20 or 25"))
    #expect(message(crm(basic, nil, ["users=55"])).contains("above the maximum 50"))
    #expect(message(crm(basic, nil, ["users=55"])).contains("limited by the rule at"))
    #expect(message(crm(basic, nil, ["users=1"])).contains("nearest valid 5"))
    #expect(message(crm(basic, "yaer", [])).contains("did you mean 'year'?"))
    #expect(
      message(crm(["edition=basic", "support=premium"], nil, [])).contains(
        "removed by the forbid rule at"))
    #expect(
      message(crm(["edition=basic", "support=premium"], nil, [])).contains(
        "nearest valid: edition=basic, support=standard"))
    #expect(message(crm(["edition=basic"], nil, [])).contains("--select support=standard"))
    #expect(message(crm([], nil, [])).contains("--select edition=basic|enterprise|flagship"))
    #expect(
      message(crm(["edition=gold", "support=standard"], nil, [])).contains(
        "choose from: basic, enterprise, flagship"))
    #expect(message(crm(basic, nil, ["seats=3"])).contains("choose from: users"))
    #expect(
      message(QuoteRequest(product: "yunke-crn", spec: "x")).contains("did you mean 'yunke-crm'?"))
    #expect(message(crm(basic, "month", ["users=25"])) == "accepted")
  }

  // MARK: Helpers

  func request(
    _ product: Product, _ spec: ResolvedSpec, _ sku: PricedSku, period: Period?
  ) -> QuoteRequest {
    QuoteRequest(
      product: product.id.value, spec: spec.spec.id.value,
      selections: sku.selection.enumerated().map {
        "\(spec.enums[$0].id.value)=\(spec.values($0)[$1].id.value)"
      },
      period: period?.rawValue)
  }

  func decimal(_ value: Any?) throws -> ExactDecimal {
    try #require(
      (value as? String).flatMap { ExactDecimal(exactly: $0) },
      "not an amount: \(String(describing: value))")
  }

  /// The quantities worth checking: the range's ends and each tier boundary with its grid
  /// neighbours.
  func grid(_ range: [String: Int], anchor: Int, schedule: [String: Any]) throws -> [Int] {
    let min = try #require(range["min"])
    let max = try #require(range["max"])
    let step = try #require(range["step"])
    var candidates = [min, min + step, max - step, max, (min + max) / 2]
    for tier in schedule["tiers"] as? [[String: Any]] ?? [] {
      if let upto = tier["upto"] as? Int {
        candidates += [upto - step, upto, upto + 1, upto + step]
      }
    }
    let valid = candidates.filter { $0 >= min && $0 <= max && ($0 - anchor) % step == 0 }
    return Array(Set(valid)).sorted()
  }

  /// The payload's schedule read back: linear, graduated and volume written out directly.
  static func cost(of quantity: Int, _ schedule: [String: Any]) throws -> ExactDecimal {
    let tiers = try (schedule["tiers"] as? [[String: Any]] ?? []).map { tier in
      (
        upto: tier["upto"] as? Int,
        unit: try #require(ExactDecimal(exactly: tier["unit"] as? String ?? ""))
      )
    }
    guard quantity > 0, let first = tiers.first else { return .zero }
    switch schedule["model"] as? String {
    case "linear":
      return ExactDecimal(quantity) * first.unit
    case "volume":
      let tier = tiers.first { ($0.upto ?? Int.max) >= quantity } ?? tiers[tiers.count - 1]
      return ExactDecimal(quantity) * tier.unit
    case "graduated":
      var total = ExactDecimal.zero
      var lower = 0
      for tier in tiers {
        let upper = Swift.min(tier.upto ?? quantity, quantity)
        if upper > lower { total += ExactDecimal(upper - lower) * tier.unit }
        lower = Swift.max(lower, upper)
      }
      return total
    default:
      Issue.record("unknown model \(String(describing: schedule["model"]))")
      return .zero
    }
  }
}
