@testable import SkuCompiler

/// Small hand-built diff models, so the comparison can be tested without catalogs.
enum DiffFixture {
  static func text(_ english: String) -> LocalizedText {
    LocalizedText(entries: [LocalizedText.Entry(locale: "en-US", text: english)])
  }

  static func amount(_ text: String) -> ExactDecimal {
    guard let value = ExactDecimal(exactly: text) else {
      preconditionFailure("not a decimal: \(text)")
    }
    return value
  }

  static func price(
    _ period: Period?, _ price: String, from: String? = nil, schedules: [DiffSchedule] = []
  ) -> DiffPrice {
    DiffPrice(
      period: period, price: amount(price), from: amount(from ?? price), schedules: schedules)
  }

  static func sku(
    _ key: String, name: String? = nil, quantities: [DiffQuantity] = [], _ prices: [DiffPrice]
  ) -> DiffSku {
    DiffSku(key: key, name: text(name ?? key), quantities: quantities, prices: prices)
  }

  static func spec(
    _ id: String, billing: Billing = .period, periods: [Period]? = [.month, .year],
    trialDays: Int? = nil, name: String? = nil, _ skus: [DiffSku]
  ) -> DiffSpec {
    DiffSpec(
      id: id, name: text(name ?? id), billing: billing, periods: periods, trialDays: trialDays,
      usageUnit: nil, skus: skus)
  }

  static func product(_ id: String, precision: Int = 2, _ specs: [DiffSpec]) -> DiffProduct {
    DiffProduct(id: id, precision: precision, specs: specs)
  }

  /// A product `p` with spec `s` holding one SKU `p/s/x=a` priced by month.
  static func single(_ price: String, from: String? = nil, precision: Int = 2) -> DiffSide {
    DiffSide(products: [
      product(
        "p", precision: precision,
        [
          spec(
            "s", periods: [.month], [sku("p/s/x=a", [DiffFixture.price(.month, price, from: from)])]
          )
        ])
    ])
  }

  static func compare(_ old: DiffSide, _ new: DiffSide) -> DiffResult {
    DiffEngine.compare(old: old, new: new)
  }
}
