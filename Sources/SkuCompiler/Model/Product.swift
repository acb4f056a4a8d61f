/// The kinds of product KooGallery sells; each allows a fixed set of billing modes (spec §6).
public enum ProductType: String, Sendable, Hashable, CaseIterable {
  case saas
  case license
  case image
  case manualService = "manual-service"
  case hardware
  case api
  case aiAsset = "ai-asset"
  case dataAsset = "data-asset"

  public var allowedBilling: [Billing] {
    switch self {
    case .saas: [.period, .oneTime, .onDemand, .onDemandPackage]
    case .license, .manualService, .dataAsset: [.period, .oneTime]
    case .image: [.period, .onDemand]
    case .hardware, .aiAsset: [.oneTime]
    case .api: [.oneTime, .onDemand, .onDemandPackage]
    }
  }
}

/// Per-product overrides of the marketplace's limits (spec §9).
public struct TargetLimits: Sendable, Hashable {
  public static let koogallery = TargetLimits(maxSkusPerSpec: 100, maxEnumValues: 10)
  /// Expansion is refused before it starts above this many selections, whatever the limits say.
  public static let expansionGuard = 10_000_000

  public var maxSkusPerSpec: Int
  public var maxEnumValues: Int

  public init(maxSkusPerSpec: Int, maxEnumValues: Int) {
    self.maxSkusPerSpec = maxSkusPerSpec
    self.maxEnumValues = maxEnumValues
  }
}

/// One product file after decoding (spec §3–§10).
public struct Product: Sendable {
  public var file: String
  public var id: Located<String>
  public var type: ProductType
  public var name: LocalizedText
  public var currency: String
  public var locales: [String]
  public var precision: Int
  public var rounding: RoundingMode
  public var limits: TargetLimits
  public var attributes: [Attribute]
  public var specs: [Spec]

  public func attribute(_ id: String) -> Attribute? {
    attributes.first { $0.id.value == id }
  }
}

public struct EnumValue: Sendable, Hashable {
  public var id: Located<String>
  public var name: LocalizedText
}

/// A quantity's allowed values: `min`, `min + step`, ..., `max`.
public struct QuantityRange: Sendable, Hashable {
  public var min: Int
  public var max: Int
  public var step: Int

  public init(min: Int, max: Int, step: Int) {
    self.min = min
    self.max = max
    self.step = step
  }

  /// Whether `value` lies on the grid anchored at `anchor` (the attribute's declared min).
  public func isOnGrid(_ value: Int, anchor: Int) -> Bool {
    let (difference, overflow) = value.subtractingReportingOverflow(anchor)
    return !overflow && difference % step == 0
  }
}

public enum AttributeKind: Sendable, Hashable {
  case enumeration([EnumValue])
  case quantity(QuantityRange, unit: LocalizedText)
}

public struct Attribute: Sendable, Hashable {
  public var id: Located<String>
  public var name: LocalizedText
  public var kind: AttributeKind
  public var range: SourceRange

  public var enumValues: [EnumValue]? {
    if case .enumeration(let values) = kind { return values }
    return nil
  }

  public var quantityRange: QuantityRange? {
    if case .quantity(let range, _) = kind { return range }
    return nil
  }
}
