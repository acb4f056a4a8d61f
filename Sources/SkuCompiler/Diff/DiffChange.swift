/// One entry of a diff's change plan (spec §14).
public struct DiffChange: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case productAdded = "product-added"
    case productRemoved = "product-removed"
    case specAdded = "spec-added"
    case specRemoved = "spec-removed"
    case specChanged = "spec-changed"
    case skuAdded = "sku-added"
    case skuRemoved = "sku-removed"
    case skuRepriced = "sku-repriced"
    case skuChanged = "sku-changed"
    case productChanged = "product-changed"
    case attributeChanged = "attribute-changed"
  }

  /// `product-changed` fields (spec §15); `locales` compares the product's locales as a set.
  public enum ProductField: String, Sendable, Hashable, CaseIterable {
    case name
    case type
    case currency
    case precision
    case rounding
    case locales
  }

  /// `attribute-changed` fields (spec §15). `type` also reports an attribute that only one
  /// side has (the other side's type is `null`); `values` is one entry per value added,
  /// removed or renamed, with the value's id.
  public enum AttributeField: String, Sendable, Hashable, CaseIterable {
    case type
    case name
    case unit
    case min
    case max
    case step
    case values
  }

  public struct AttributeChange: Sendable, Hashable {
    public var attribute: String
    public var field: AttributeField
    /// The value's id, for `values`.
    public var value: String?
    public var old: DiffValue
    public var new: DiffValue
  }

  public enum SpecField: String, Sendable, Hashable, CaseIterable {
    case billing
    case periods
    case trialDays
    case usageUnit
    case name
  }

  public enum PriceField: String, Sendable, Hashable, CaseIterable {
    case price
    case from
    /// A tier's (or the linear) unit amount of one quantity.
    case unit
    /// What buying `units` of one quantity costs in all (price, that quantity, the others at
    /// their minimums): not an entry of the plan, but what the price gates compare (§15).
    case total
  }

  public enum SkuField: Sendable, Hashable {
    case name
    case quantities
    /// The schedule of one period (`nil` for billing without periods).
    case schedule(period: Period?)

    public var fieldName: String {
      switch self {
      case .name: "name"
      case .quantities: "quantities"
      case .schedule: "schedule"
      }
    }
  }

  /// A price or from price that differs between the sides, kept exact for the gates.
  public struct Repricing: Sendable, Hashable {
    public var period: Period?
    public var field: PriceField
    /// The quantity of a `unit` or `total`.
    public var quantity: String?
    /// The tier's position (from 0) of a `unit`.
    public var tier: Int?
    /// The units bought, for a `total`.
    public var units: Int?
    public var old: ExactDecimal
    public var new: ExactDecimal
    /// Decimals to show amounts and the delta with: the wider of the two sides' precisions.
    public var places: Int
    /// Whether both sides price in the same currency; a percent across currencies means
    /// nothing, so there is none and no price gate looks at it.
    public var comparable: Bool

    public init(
      period: Period?, field: PriceField, quantity: String? = nil, tier: Int? = nil,
      units: Int? = nil, old: ExactDecimal, new: ExactDecimal, places: Int, comparable: Bool = true
    ) {
      self.period = period
      self.field = field
      self.quantity = quantity
      self.tier = tier
      self.units = units
      self.old = old
      self.new = new
      self.places = places
      self.comparable = comparable
    }

    /// new − old, exact.
    public var delta: ExactDecimal { new - old }

    /// (new − old) / old × 100 rounded half-up to one decimal, `nil` when old is 0 (spec §14).
    public var percent: ExactDecimal? {
      guard comparable else { return nil }
      return ExactDecimal.quotient(delta * ExactDecimal(100), old, places: 1, mode: .halfUp)
    }

    /// Whether the change is a rise (or fall) of more than `limit` percent, compared exactly:
    /// |new − old| × 100 > limit × old. A rise from 0 exceeds every limit.
    public func exceeds(_ limit: ExactDecimal, rising: Bool) -> Bool {
      guard comparable, field != .unit else { return false }
      let change = rising ? delta : -delta
      guard !change.isNegative, !change.isZero else { return false }
      if old.isZero { return true }
      return limit * old < change * ExactDecimal(100)
    }
  }

  public enum Detail: Sendable, Hashable {
    /// A product, spec or SKU that only the new side has. The counts are for people reading
    /// text and markdown: how much an added product or spec brings.
    case added(specs: Int?, skus: Int?)
    /// A product, spec or SKU that only the old side has: it is delisted (taken off sale).
    case removed(specs: Int?, skus: Int?)
    case specChanged(SpecField, old: DiffValue, new: DiffValue)
    case repriced(Repricing)
    case skuChanged(SkuField, old: DiffValue, new: DiffValue)
    case productChanged(ProductField, old: DiffValue, new: DiffValue)
    case attributeChanged(AttributeChange)
  }

  /// An added SKU's prices, or a delisted SKU's last prices, with that side's precision.
  public struct Prices: Sendable, Hashable {
    public var prices: [DiffPrice]
    public var places: Int
  }

  public struct Skus: Sendable, Hashable {
    public var skus: [DiffSku]
    public var places: Int
  }

  public var product: String
  /// The spec's id, for changes at or below a spec.
  public var spec: String?
  /// The spec's name on the side that has it (the new side when both do), for displays.
  public var specName: LocalizedText?
  /// The SKU's key, for changes of one SKU.
  public var key: String?
  /// The SKU's name on the side that has it (the new side when both do), for displays.
  public var skuName: LocalizedText?
  public var detail: Detail
  /// For `sku-added` and `sku-removed`: what the SKU costs (spec §15).
  public var prices: Prices?
  /// For an added or delisted product or spec: its SKUs, with that side's precision, so that
  /// text and markdown can show what they cost. JSON keeps §14's one entry per product or
  /// spec.
  public var skus: Skus?
  /// Where the spec stands: its index in the new side, or after all of them for a spec only
  /// the old side has. Text and markdown list a product's specs in this order.
  var specOrder = 0

  public init(
    product: String, spec: String? = nil, specName: LocalizedText? = nil, key: String? = nil,
    skuName: LocalizedText? = nil, detail: Detail
  ) {
    self.product = product
    self.spec = spec
    self.specName = specName
    self.key = key
    self.skuName = skuName
    self.detail = detail
  }

  public var kind: Kind {
    switch detail {
    case .added: key != nil ? .skuAdded : spec != nil ? .specAdded : .productAdded
    case .removed: key != nil ? .skuRemoved : spec != nil ? .specRemoved : .productRemoved
    case .specChanged: .specChanged
    case .repriced: .skuRepriced
    case .skuChanged: .skuChanged
    case .productChanged: .productChanged
    case .attributeChanged: .attributeChanged
    }
  }

  public var repricing: Repricing? {
    if case .repriced(let repricing) = detail { return repricing }
    return nil
  }
}

/// An old or new value of a `spec-changed` or `sku-changed` entry.
public enum DiffValue: Sendable, Hashable {
  case null
  case integer(Int)
  case billing(Billing)
  case periods([Period])
  case localized(LocalizedText)
  case quantities([DiffQuantity])
  case schedules([DiffSchedule], places: Int)
  case text(String)
  /// A set of strings (locales), sorted.
  case texts([String])
}

/// The counts of spec §14's summary.
public struct DiffSummary: Sendable, Hashable {
  public var productsAdded = 0
  public var productsRemoved = 0
  public var specsAdded = 0
  public var specsRemoved = 0
  public var skusAdded = 0
  public var skusRemoved = 0
  /// Distinct keys with at least one `sku-repriced` entry.
  public var skusRepriced = 0
  /// Not in the JSON summary; for the text and markdown summaries.
  public var specsChanged = 0
  /// Distinct keys with at least one `sku-changed` entry; text and markdown only.
  public var skusChanged = 0
  /// Products with a `product-changed` entry; text and markdown only.
  public var productsChanged = 0
  /// Distinct attributes with an `attribute-changed` entry; text and markdown only.
  public var attributesChanged = 0

  public init(_ changes: [DiffChange]) {
    var repricedKeys: Set<String> = []
    var changedKeys: Set<String> = []
    var changedSpecs: Set<[String]> = []
    var changedProducts: Set<String> = []
    var changedAttributes: Set<[String]> = []
    for change in changes {
      switch change.kind {
      case .productAdded: productsAdded += 1
      case .productRemoved: productsRemoved += 1
      case .specAdded: specsAdded += 1
      case .specRemoved: specsRemoved += 1
      case .skuAdded: skusAdded += 1
      case .skuRemoved: skusRemoved += 1
      case .skuRepriced: repricedKeys.insert(change.key ?? "")
      case .skuChanged: changedKeys.insert(change.key ?? "")
      case .specChanged: changedSpecs.insert([change.product, change.spec ?? ""])
      case .productChanged: changedProducts.insert(change.product)
      case .attributeChanged:
        if case .attributeChanged(let attribute) = change.detail {
          changedAttributes.insert([change.product, attribute.attribute])
        }
      }
    }
    skusRepriced = repricedKeys.count
    skusChanged = changedKeys.count
    specsChanged = changedSpecs.count
    productsChanged = changedProducts.count
    attributesChanged = changedAttributes.count
  }
}

/// The result of comparing two sides: the change plan in spec §14's order.
public struct DiffResult: Sendable, Hashable {
  public var changes: [DiffChange]
  public var summary: DiffSummary
  /// What buying q units costs, where it differs between the sides (`total` repricings at
  /// the quantity breakpoints of §15). Not printed as changes: the price gates read them.
  public var costs: [DiffChange]

  public init(changes: [DiffChange], costs: [DiffChange] = []) {
    self.changes = changes
    self.costs = costs
    summary = DiffSummary(changes)
  }
}
