/// Compares two versions of a catalog (spec §14, §15). A pure function of the two models.
///
/// Products match by id, specs by id, SKUs by key; keys sort their attributes by id (§9), so
/// reordering attributes or values matches every SKU with itself. The plan lists additions,
/// then changes, then delists; within each group entries follow product id, the product's own
/// and its attributes' entries, spec (new side's order, then specs only the old side has), key
/// (byte-wise), period (new side's order) and field.
public enum DiffEngine {
  public static func compare(old: DiffSide, new: DiffSide) -> DiffResult {
    var plan = DiffPlan()
    let oldProducts = Dictionary(
      old.products.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let newProducts = Dictionary(
      new.products.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let ids = Set(oldProducts.keys).union(newProducts.keys).sorted {
      $0.precedesBytewise($1)
    }
    for id in ids {
      switch (oldProducts[id], newProducts[id]) {
      case (nil, let added?):
        var change = DiffChange(
          product: id, detail: .added(specs: added.specs.count, skus: added.skuCount))
        change.skus = DiffChange.Skus(
          skus: added.specs.flatMap(\.skus), places: added.precision)
        plan.additions.append(change)
      case (let removed?, nil):
        var change = DiffChange(
          product: id, detail: .removed(specs: removed.specs.count, skus: removed.skuCount))
        change.skus = DiffChange.Skus(
          skus: removed.specs.flatMap(\.skus), places: removed.precision)
        plan.delists.append(change)
      case (let before?, let after?):
        plan.compare(before, after)
      case (nil, nil):
        continue
      }
    }
    return DiffResult(changes: plan.additions + plan.changes + plan.delists, costs: plan.costs)
  }
}

/// The plan being built, and what the comparison of one product needs to know throughout.
struct DiffPlan {
  var additions: [DiffChange] = []
  var changes: [DiffChange] = []
  var delists: [DiffChange] = []
  var costs: [DiffChange] = []
  var specOrder = 0
  /// Locales only one side's product has: left out of every name comparison, since the
  /// `locales` change already says so.
  var ignoredLocales: Set<String> = []
  var places = 0
  var comparable = true

  mutating func compare(_ old: DiffProduct, _ new: DiffProduct) {
    places = max(old.precision, new.precision)
    comparable = old.currency == new.currency
    ignoredLocales = Set(old.locales).symmetricDifference(new.locales)
    compareProduct(old, new)
    compareAttributes(old, new)
    let oldSpecs = Dictionary(
      old.specs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let newIDs = Set(new.specs.map(\.id))
    for (order, spec) in new.specs.enumerated() {
      specOrder = order
      if let before = oldSpecs[spec.id] {
        compare(old, new, before, spec)
      } else {
        var change = DiffChange(
          product: new.id, spec: spec.id, specName: spec.name,
          detail: .added(specs: nil, skus: spec.skus.count))
        change.skus = DiffChange.Skus(skus: spec.skus, places: new.precision)
        append(change)
      }
    }
    for (order, spec) in old.specs.enumerated() where !newIDs.contains(spec.id) {
      specOrder = new.specs.count + order
      var change = DiffChange(
        product: old.id, spec: spec.id, specName: spec.name,
        detail: .removed(specs: nil, skus: spec.skus.count))
      change.skus = DiffChange.Skus(skus: spec.skus, places: old.precision)
      append(change)
    }
  }

  /// Files an entry of the current spec under additions, changes or delists.
  mutating func append(_ change: DiffChange) {
    var change = change
    change.specOrder = specOrder
    switch change.detail {
    case .added: additions.append(change)
    case .removed: delists.append(change)
    default: changes.append(change)
    }
  }

  func sameText(_ old: LocalizedText?, _ new: LocalizedText?) -> Bool {
    switch (old, new) {
    case (nil, nil): true
    case (let before?, let after?): before.sameText(as: after, ignoring: ignoredLocales)
    default: false
    }
  }

  private mutating func compare(
    _ oldProduct: DiffProduct, _ newProduct: DiffProduct, _ old: DiffSpec, _ new: DiffSpec
  ) {
    let product = newProduct.id
    func specChange(_ field: DiffChange.SpecField, _ before: DiffValue, _ after: DiffValue) {
      append(
        DiffChange(
          product: product, spec: new.id, specName: new.name,
          detail: .specChanged(field, old: before, new: after)))
    }
    if old.billing != new.billing {
      specChange(.billing, .billing(old.billing), .billing(new.billing))
    }
    if old.periods != new.periods {
      specChange(.periods, .periods(orNull: old.periods), .periods(orNull: new.periods))
    }
    if old.trialDays != new.trialDays {
      specChange(.trialDays, .integer(orNull: old.trialDays), .integer(orNull: new.trialDays))
    }
    if !sameText(old.usageUnit, new.usageUnit) {
      specChange(.usageUnit, .localized(orNull: old.usageUnit), .localized(orNull: new.usageUnit))
    }
    if !sameText(old.name, new.name) {
      specChange(.name, .localized(old.name), .localized(new.name))
    }

    let oldSkus = Dictionary(old.skus.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    let newSkus = Dictionary(new.skus.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    let keys = Set(oldSkus.keys).union(newSkus.keys).sorted {
      $0.precedesBytewise($1)
    }
    for key in keys {
      switch (oldSkus[key], newSkus[key]) {
      case (nil, let added?):
        var change = DiffChange(
          product: product, spec: new.id, specName: new.name, key: key, skuName: added.name,
          detail: .added(specs: nil, skus: nil))
        change.prices = DiffChange.Prices(prices: added.prices, places: newProduct.precision)
        append(change)
      case (let removed?, nil):
        var change = DiffChange(
          product: product, spec: old.id, specName: new.name, key: key, skuName: removed.name,
          detail: .removed(specs: nil, skus: nil))
        change.prices = DiffChange.Prices(prices: removed.prices, places: oldProduct.precision)
        append(change)
      case (let before?, let after?):
        let sides = DiffSkuSides(
          oldProduct: oldProduct, newProduct: newProduct, oldSpec: old, newSpec: new,
          old: before, new: after)
        compare(sides)
      case (nil, nil):
        continue
      }
    }
  }

  private mutating func compare(_ sides: DiffSkuSides) {
    let (old, new) = (sides.old, sides.new)
    func entry(_ detail: DiffChange.Detail) {
      append(
        DiffChange(
          product: sides.newProduct.id, spec: sides.newSpec.id, specName: sides.newSpec.name,
          key: new.key, skuName: new.name, detail: detail))
    }
    if !sameText(old.name, new.name) && !nameFollowsFromAbove(sides) {
      entry(.skuChanged(.name, old: .localized(old.name), new: .localized(new.name)))
    }
    if !old.quantities.sameRanges(as: new.quantities) {
      entry(
        .skuChanged(.quantities, old: .quantities(old.quantities), new: .quantities(new.quantities))
      )
    }
    // Only periods both sides sell: an added or dropped period is a `periods` spec change.
    for after in new.prices {
      guard let before = old.prices.first(where: { $0.period == after.period }) else { continue }
      for field in [DiffChange.PriceField.price, .from] {
        let (was, now) = field == .price ? (before.price, after.price) : (before.from, after.from)
        if was != now {
          entry(.repriced(repricing(after.period, field, was, now)))
        }
      }
      if before.schedules.sameShape(as: after.schedules) {
        for schedule in after.schedules {
          guard let previous = before.schedules.first(where: { $0.id == schedule.id }) else {
            continue
          }
          for (tier, (was, now)) in zip(previous.schedule.tiers, schedule.schedule.tiers)
            .enumerated() where was.unit != now.unit
          {
            var change = repricing(after.period, .unit, was.unit, now.unit)
            change.quantity = schedule.id
            change.tier = tier
            entry(.repriced(change))
          }
        }
      } else {
        entry(
          .skuChanged(
            .schedule(period: after.period), old: .schedules(before.schedules, places: places),
            new: .schedules(after.schedules, places: places)))
      }
      if comparable {
        costs += DiffCosts.changes(sides, before, after, places: places)
      }
    }
  }

  func repricing(
    _ period: Period?, _ field: DiffChange.PriceField, _ old: ExactDecimal, _ new: ExactDecimal
  ) -> DiffChange.Repricing {
    DiffChange.Repricing(
      period: period, field: field, old: old, new: new, places: places, comparable: comparable)
  }

  /// Whether a SKU's new name is what its old name becomes through changes reported once
  /// above it: value renames, the spec's name (for the empty selection), locales. The spec's
  /// old attribute order is kept, so a reordering, which no upper entry reports, still shows
  /// as changed names.
  private func nameFollowsFromAbove(_ sides: DiffSkuSides) -> Bool {
    guard let before = values(of: sides.new, in: sides.oldSpec, of: sides.oldProduct),
      let after = values(of: sides.new, in: sides.oldSpec, of: sides.newProduct)
    else { return false }
    return SpecConsistency.name(of: before, spec: sides.oldSpec).sameText(
      as: sides.old.name, ignoring: ignoredLocales)
      && SpecConsistency.name(of: after, spec: sides.newSpec).sameText(
        as: sides.new.name, ignoring: ignoredLocales)
  }

  /// The SKU's values as `product` names them, in `spec`'s attribute order.
  private func values(
    of sku: DiffSku, in spec: DiffSpec, of product: DiffProduct
  )
    -> [DiffEnumValue]?
  {
    let chosen = Dictionary(
      sku.selection.map { ($0.attribute, $0.value) }, uniquingKeysWith: { first, _ in first })
    var values: [DiffEnumValue] = []
    for id in spec.attributes {
      guard let valueID = chosen[id] else { continue }
      guard let attribute = product.attributes.first(where: { $0.id == id }),
        let value = attribute.values.first(where: { $0.id == valueID })
      else { return nil }
      values.append(value)
    }
    return values.count == chosen.count ? values : nil
  }
}

/// One SKU on both sides, with what surrounds it.
struct DiffSkuSides {
  var oldProduct: DiffProduct
  var newProduct: DiffProduct
  var oldSpec: DiffSpec
  var newSpec: DiffSpec
  var old: DiffSku
  var new: DiffSku
}

extension DiffProduct {
  var skuCount: Int { specs.reduce(0) { $0 + $1.skus.count } }
}

extension Array where Element == DiffSchedule {
  /// The same quantities, each with the same model and `upto`s: only unit amounts may differ,
  /// and those are reported per tier.
  func sameShape(as other: [DiffSchedule]) -> Bool {
    count == other.count
      && allSatisfy { mine in
        guard let theirs = other.first(where: { $0.id == mine.id }) else { return false }
        return mine.schedule.model == theirs.schedule.model
          && mine.schedule.tiers.map(\.upto) == theirs.schedule.tiers.map(\.upto)
      }
  }
}

extension DiffValue {
  static func periods(orNull periods: [Period]?) -> DiffValue {
    periods.map { .periods($0) } ?? .null
  }

  static func integer(orNull value: Int?) -> DiffValue { value.map { .integer($0) } ?? .null }

  static func localized(orNull text: LocalizedText?) -> DiffValue {
    text.map { .localized($0) } ?? .null
  }
}
