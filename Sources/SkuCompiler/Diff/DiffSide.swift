/// One version of a catalog as `skuc diff` compares it: what the marketplace would see.
///
/// Both a catalog tree and a payload directory become this model through the same decoder
/// (`PayloadDecoder`), so comparing a catalog with the payloads built from it finds nothing.
/// It holds every value of the payload (spec §11) except what is derived from the rest
/// (`chargingMode`, SKU codes, selections), which the decoder checks instead.
public struct DiffSide: Sendable, Hashable {
  /// In product-id order.
  public var products: [DiffProduct]

  public init(products: [DiffProduct]) {
    self.products = products.sorted { $0.id.precedesBytewise($1.id) }
  }
}

public struct DiffProduct: Sendable, Hashable {
  public var id: String
  public var type: String
  public var name: LocalizedText
  public var currency: String
  /// Decimals of this side's amounts; deltas use the wider of the two sides' precisions.
  public var precision: Int
  public var rounding: RoundingMode
  /// In declaration order.
  public var attributes: [DiffAttribute]
  /// In declaration order.
  public var specs: [DiffSpec]

  public init(
    id: String, type: String = "saas", name: LocalizedText = LocalizedText(entries: []),
    currency: String = "CNY", precision: Int, rounding: RoundingMode = .halfUp,
    attributes: [DiffAttribute] = [], specs: [DiffSpec]
  ) {
    self.id = id
    self.type = type
    self.name = name
    self.currency = currency
    self.precision = precision
    self.rounding = rounding
    self.attributes = attributes
    self.specs = specs
  }

  /// The locales the product's texts are written in, as a set (their order is presentation).
  public var locales: [String] {
    name.entries.map(\.locale).sorted { $0.precedesBytewise($1) }
  }
}

public struct DiffAttribute: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case enumeration([DiffEnumValue])
    case quantity(unit: LocalizedText?, range: QuantityRange)

    public var typeName: String {
      switch self {
      case .enumeration: "enum"
      case .quantity: "quantity"
      }
    }
  }

  public var id: String
  public var name: LocalizedText
  public var kind: Kind

  public init(id: String, name: LocalizedText, kind: Kind) {
    self.id = id
    self.name = name
    self.kind = kind
  }

  public var values: [DiffEnumValue] {
    if case .enumeration(let values) = kind { return values }
    return []
  }
}

public struct DiffEnumValue: Sendable, Hashable {
  public var id: String
  public var name: LocalizedText

  public init(id: String, name: LocalizedText) {
    self.id = id
    self.name = name
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
  /// The spec's attribute ids in its order: SKU names join the enum values in this order.
  public var attributes: [String]
  /// In matrix order.
  public var skus: [DiffSku]

  public init(
    id: String, name: LocalizedText, billing: Billing, periods: [Period]?, trialDays: Int?,
    usageUnit: LocalizedText?, attributes: [String] = [], skus: [DiffSku]
  ) {
    self.id = id
    self.name = name
    self.billing = billing
    self.periods = periods
    self.trialDays = trialDays
    self.usageUnit = usageUnit
    self.attributes = attributes
    self.skus = skus
  }
}

public struct DiffSku: Sendable, Hashable {
  public var key: String
  /// Attribute id → value id, in the spec's enum order; the key is derived from it.
  public var selection: [DiffSelection]
  public var name: LocalizedText
  /// Ranges after `limit` rules, in the spec's quantity order.
  public var quantities: [DiffQuantity]
  /// One entry per period (a single `nil` period for billing without periods).
  public var prices: [DiffPrice]

  public init(
    key: String, selection: [DiffSelection] = [], name: LocalizedText,
    quantities: [DiffQuantity], prices: [DiffPrice]
  ) {
    self.key = key
    self.selection = selection
    self.name = name
    self.quantities = quantities
    self.prices = prices
  }
}

public struct DiffSelection: Sendable, Hashable {
  public var attribute: String
  public var value: String

  public init(attribute: String, value: String) {
    self.attribute = attribute
    self.value = value
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
  /// `product.locales` changes no name a buyer sees. Locales in `ignoring` are left out: a
  /// locale added to or dropped from the product is reported once, as `locales`.
  func sameText(as other: LocalizedText, ignoring locales: Set<String> = []) -> Bool {
    sortedEntries(ignoring: locales) == other.sortedEntries(ignoring: locales)
  }

  private func sortedEntries(ignoring locales: Set<String>) -> [Entry] {
    entries.filter { !locales.contains($0.locale) }.sorted { $0.locale.precedesBytewise($1.locale) }
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
