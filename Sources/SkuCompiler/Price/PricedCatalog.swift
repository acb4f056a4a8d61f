/// One tier of a quantity's unit-price schedule.
public struct ScheduleTier: Sendable, Hashable {
  public var upto: Int?
  public var unit: ExactDecimal

  public init(upto: Int?, unit: ExactDecimal) {
    self.upto = upto
    self.unit = unit
  }
}

/// A quantity's unit prices (spec §8.3). A schedule nobody replaced is `linear` with one tier.
public struct Schedule: Sendable, Hashable {
  public var model: ScheduleModel
  public var tiers: [ScheduleTier]

  public static let untouched = Schedule(
    model: .linear, tiers: [ScheduleTier(upto: nil, unit: .zero)])

  public init(model: ScheduleModel, tiers: [ScheduleTier]) {
    self.model = model
    self.tiers = tiers
  }

  /// What `quantity` units cost under this schedule.
  public func cost(of quantity: Int) -> ExactDecimal {
    guard quantity > 0 else { return .zero }
    switch model {
    case .linear:
      return ExactDecimal(quantity) * (tiers.first?.unit ?? .zero)
    case .volume:
      let tier = tiers.first { $0.upto.map { quantity <= $0 } ?? true } ?? tiers[tiers.count - 1]
      return ExactDecimal(quantity) * tier.unit
    case .graduated:
      return costByTier(of: quantity).reduce(.zero) { $0 + $1.cost }
    }
  }

  /// How graduated pricing splits `quantity` over the tiers, for receipts (`skuc quote`).
  public func costByTier(of quantity: Int) -> [(tier: Int, units: Int, cost: ExactDecimal)] {
    var parts: [(tier: Int, units: Int, cost: ExactDecimal)] = []
    switch model {
    case .linear, .volume:
      guard quantity > 0 else { return [] }
      let index =
        model == .linear
        ? 0 : (tiers.firstIndex { $0.upto.map { quantity <= $0 } ?? true } ?? tiers.count - 1)
      parts.append((index, quantity, ExactDecimal(quantity) * tiers[index].unit))
    case .graduated:
      var covered = 0
      for (index, tier) in tiers.enumerated() where covered < quantity {
        let upper = tier.upto.map { Swift.min($0, quantity) } ?? quantity
        let units = upper - covered
        if units > 0 {
          parts.append((index, units, ExactDecimal(units) * tier.unit))
          covered = upper
        }
      }
    }
    return parts
  }
}

/// The result for one (SKU, period), rounded as spec §8.4 says.
public struct PricedPeriod: Sendable, Hashable {
  public var period: Period?
  public var price: ExactDecimal
  public var from: ExactDecimal
  /// One schedule per quantity of the spec, in the spec's order, with rounded units.
  public var schedules: [Schedule]

  /// The rounded price plus what `quantities` (one per schedule) cost under the rounded units,
  /// rounded again: `from` at the (limited) minimums (spec §8.4), `skuc quote`'s total at the
  /// quantities asked for (§13). Both call this, so a quote at the minimums equals `from`.
  public static func total(
    price: ExactDecimal, schedules: [Schedule], quantities: [Int], places: Int, mode: RoundingMode
  ) -> ExactDecimal {
    var total = price
    for (schedule, quantity) in zip(schedules, quantities) {
      total += schedule.cost(of: quantity)
    }
    return total.rounded(toPlaces: places, mode: mode)
  }
}

public struct PricedSku: Sendable, Hashable {
  /// Index into the expanded spec's `skus`.
  public var index: Int
  public var selection: [Int]
  public var key: String
  public var code: String
  public var ranges: [QuantityRange]
  public var prices: [PricedPeriod]
}

/// A priced spec, kept small enough for a million SKUs (issue: bounded memory).
///
/// It holds only what checks and summaries need of every SKU: the `from` of each (SKU,
/// period) and the SKU codes. A SKU's full prices and schedules are computed again when they
/// are read through `skus`, by the same `SpecPricer` steps, so emitting a payload never needs
/// every SKU's schedules in memory at once. Pricing is a pure function of the catalog, so the
/// second computation gives the very numbers the first one checked.
public struct PricedSpec: Sendable {
  public var product: Product
  public var expanded: ExpandedSpec
  /// `from` of every (SKU, period), SKU-major: `froms[sku * periodCount + period]`.
  public var froms: [ExactDecimal]
  /// Each SKU's code as its 60-bit number (spec §9), in SKU order.
  public var codes: [UInt64]

  public var resolved: ResolvedSpec { expanded.resolved }
  public var periodCount: Int { resolved.pricedPeriods.count }
  public var skuCount: Int { expanded.skus.count }

  public func from(sku: Int, period: Int) -> ExactDecimal {
    froms[sku * periodCount + period]
  }

  /// Value positions of a SKU's selection, without pricing it.
  public func selection(ofSku sku: Int) -> [Int] {
    expanded.selection(ofSku: sku)
  }

  /// Every SKU, priced in full as it is read.
  public var skus: PricedSkus { PricedSkus(product: product, expanded: expanded) }
}

/// The SKUs of a spec, priced on access (see `PricedSpec`). Iterate it once in order; every
/// subscript prices that SKU again.
public struct PricedSkus: RandomAccessCollection, Sendable {
  let product: Product
  let expanded: ExpandedSpec

  public var startIndex: Int { 0 }
  public var endIndex: Int { expanded.skus.count }

  /// One SKU on its own: no memo and no key buffer to prepare, which would cost more than
  /// the one SKU.
  public subscript(position: Int) -> PricedSku {
    var pricer = SpecPricer(
      product: product, expanded: expanded, recordsFindings: false, memoizes: false)
    let facts = pricer.facts(ofSku: position)
    let prices = expanded.resolved.pricedPeriods.map { period in
      pricer.price(selection: facts.selection, period: period, key: facts.key, ranges: facts.ranges)
    }
    return PricedSku(
      index: position, selection: facts.selection, key: facts.key,
      code: SkuIdentity.code(forKey: facts.key), ranges: facts.ranges, prices: prices)
  }

  /// Every SKU in order through one pricer (and its memo) and one key buffer: what a caller
  /// that reads them all should use instead of the subscript.
  public func cursor(from start: Int = 0) -> Cursor {
    Cursor(product: product, expanded: expanded, position: start)
  }

  public struct Cursor {
    var pricer: SpecPricer
    var keys: SkuKeyBuilder
    var position: Int

    init(product: Product, expanded: ExpandedSpec, position: Int) {
      pricer = SpecPricer(product: product, expanded: expanded, recordsFindings: false)
      keys = SkuKeyBuilder(product: product.id.value, spec: expanded.resolved)
      self.position = position
    }

    public mutating func next() -> PricedSku? {
      guard position < pricer.expanded.skus.count else { return nil }
      defer { position += 1 }
      return pricer.pricedSku(at: position, keys: &keys)
    }
  }
}

public struct PricedProduct: Sendable {
  public var product: Product
  public var specs: [PricedSpec]
}

public struct PricedCatalog: Sendable {
  public var products: [PricedProduct]
}
