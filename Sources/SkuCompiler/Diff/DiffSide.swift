/// One version of a catalog as `skuc diff` compares it: what the marketplace would see.
///
/// Both a catalog tree and a payload directory become this model through the same decoder
/// (`PayloadDecoder`), so comparing a catalog with the payloads built from it finds nothing.
public struct DiffSide: Sendable, Hashable {
  /// In product-id order.
  public var products: [DiffProduct]

  public init(products: [DiffProduct]) {
    self.products = products.sorted { $0.id.precedesBytewise($1.id) }
  }
}

public struct DiffProduct: Sendable, Hashable {
  public var id: String
  /// Decimals of this side's amounts; deltas use the wider of the two sides' precisions.
  public var precision: Int
  /// In declaration order.
  public var specs: [DiffSpec]

  public init(id: String, precision: Int, specs: [DiffSpec]) {
    self.id = id
    self.precision = precision
    self.specs = specs
  }
}

public struct DiffSpec: Sendable, Hashable {
  public var id: String
  public var name: LocalizedText
  public var billing: Billing
  /// `nil` for billing modes without periods.
  public var periods: [Period]?
  public var trialDays: Int?
  public var usageUnit: LocalizedText?
  /// In matrix order.
  public var skus: [DiffSku]

  public init(
    id: String, name: LocalizedText, billing: Billing, periods: [Period]?, trialDays: Int?,
    usageUnit: LocalizedText?, skus: [DiffSku]
  ) {
    self.id = id
    self.name = name
    self.billing = billing
    self.periods = periods
    self.trialDays = trialDays
    self.usageUnit = usageUnit
    self.skus = skus
  }
}

public struct DiffSku: Sendable, Hashable {
  public var key: String
  public var name: LocalizedText
  /// Ranges after `limit` rules, in the spec's quantity order.
  public var quantities: [DiffQuantity]
  /// One entry per period (a single `nil` period for billing without periods).
  public var prices: [DiffPrice]

  public init(key: String, name: LocalizedText, quantities: [DiffQuantity], prices: [DiffPrice]) {
    self.key = key
    self.name = name
    self.quantities = quantities
    self.prices = prices
  }
}

public struct DiffQuantity: Sendable, Hashable {
  public var id: String
  public var range: QuantityRange

  public init(id: String, range: QuantityRange) {
    self.id = id
    self.range = range
  }
}

public struct DiffSchedule: Sendable, Hashable {
  public var id: String
  public var schedule: Schedule

  public init(id: String, schedule: Schedule) {
    self.id = id
    self.schedule = schedule
  }
}

public struct DiffPrice: Sendable, Hashable {
  public var period: Period?
  public var price: ExactDecimal
  public var from: ExactDecimal
  public var schedules: [DiffSchedule]

  public init(period: Period?, price: ExactDecimal, from: ExactDecimal, schedules: [DiffSchedule]) {
    self.period = period
    self.price = price
    self.from = from
    self.schedules = schedules
  }
}

extension LocalizedText {
  /// Same text in the same locales, whatever order the locales come in: reordering
  /// `product.locales` changes no name a buyer sees.
  func sameText(as other: LocalizedText) -> Bool {
    sortedEntries == other.sortedEntries
  }

  private var sortedEntries: [Entry] {
    entries.sorted { $0.locale.precedesBytewise($1.locale) }
  }

  /// The text in the first (default) locale, for one-line displays.
  var defaultText: String { entries.first?.text ?? "" }
}

extension Array where Element == DiffQuantity {
  /// Equal as a mapping from quantity id to range (a spec's attribute order does not matter).
  func sameRanges(as other: [DiffQuantity]) -> Bool {
    count == other.count && allSatisfy { mine in other.contains(mine) }
  }
}

extension Array where Element == DiffSchedule {
  /// Equal as a mapping from quantity id to model and tiers, compared by value.
  func sameSchedules(as other: [DiffSchedule]) -> Bool {
    count == other.count && allSatisfy { mine in other.contains(mine) }
  }
}
