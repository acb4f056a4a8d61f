/// Compares two versions of a catalog (spec §14). A pure function of the two models.
///
/// Products match by id, specs by id, SKUs by key; keys sort their attributes by id (§9), so
/// reordering attributes or values matches every SKU with itself. The plan lists additions,
/// then changes, then delists; within each group entries follow product id, spec (new side's
/// order, then specs only the old side has), key (byte-wise), period (new side's order) and
/// field.
public enum DiffEngine {
  public static func compare(old: DiffSide, new: DiffSide) -> DiffResult {
    var plan = Plan()
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
        plan.additions.append(
          DiffChange(product: id, detail: .added(specs: added.specs.count, skus: added.skuCount)))
      case (let removed?, nil):
        plan.delists.append(
          DiffChange(
            product: id, detail: .removed(specs: removed.specs.count, skus: removed.skuCount)))
      case (let before?, let after?):
        plan.compare(before, after)
      case (nil, nil):
        continue
      }
    }
    return DiffResult(changes: plan.additions + plan.changes + plan.delists)
  }
}

private struct Plan {
  var additions: [DiffChange] = []
  var changes: [DiffChange] = []
  var delists: [DiffChange] = []
  private var specOrder = 0

  mutating func compare(_ old: DiffProduct, _ new: DiffProduct) {
    let places = max(old.precision, new.precision)
    let oldSpecs = Dictionary(
      old.specs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let newIDs = Set(new.specs.map(\.id))
    for (order, spec) in new.specs.enumerated() {
      specOrder = order
      if let before = oldSpecs[spec.id] {
        compare(product: new.id, before, spec, places: places)
      } else {
        append(
          DiffChange(
            product: new.id, spec: spec.id, specName: spec.name,
            detail: .added(specs: nil, skus: spec.skus.count)))
      }
    }
    for (order, spec) in old.specs.enumerated() where !newIDs.contains(spec.id) {
      specOrder = new.specs.count + order
      append(
        DiffChange(
          product: old.id, spec: spec.id, specName: spec.name,
          detail: .removed(specs: nil, skus: spec.skus.count)))
    }
  }

  /// Files an entry of the current spec under additions, changes or delists.
  private mutating func append(_ change: DiffChange) {
    var change = change
    change.specOrder = specOrder
    switch change.detail {
    case .added: additions.append(change)
    case .removed: delists.append(change)
    case .specChanged, .repriced, .skuChanged: changes.append(change)
    }
  }

  private mutating func compare(product: String, _ old: DiffSpec, _ new: DiffSpec, places: Int) {
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
    if !old.name.sameText(as: new.name) {
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
        append(
          DiffChange(
            product: product, spec: new.id, specName: new.name, key: key, skuName: added.name,
            detail: .added(specs: nil, skus: nil)))
      case (let removed?, nil):
        append(
          DiffChange(
            product: product, spec: old.id, specName: new.name, key: key, skuName: removed.name,
            detail: .removed(specs: nil, skus: nil)))
      case (let before?, let after?):
        compare(product: product, spec: new, before, after, places: places)
      case (nil, nil):
        continue
      }
    }
  }

  private mutating func compare(
    product: String, spec: DiffSpec, _ old: DiffSku, _ new: DiffSku, places: Int
  ) {
    func entry(_ detail: DiffChange.Detail) {
      append(
        DiffChange(
          product: product, spec: spec.id, specName: spec.name, key: new.key, skuName: new.name,
          detail: detail))
    }
    if !old.name.sameText(as: new.name) {
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
      for field in DiffChange.PriceField.allCases {
        let (was, now) = field == .price ? (before.price, after.price) : (before.from, after.from)
        if was != now {
          entry(
            .repriced(
              DiffChange.Repricing(
                period: after.period, field: field, old: was, new: now, places: places)))
        }
      }
      if !before.schedules.sameSchedules(as: after.schedules) {
        entry(
          .skuChanged(
            .schedule(period: after.period), old: .schedules(before.schedules, places: places),
            new: .schedules(after.schedules, places: places)))
      }
    }
  }

  private func sameText(_ old: LocalizedText?, _ new: LocalizedText?) -> Bool {
    switch (old, new) {
    case (nil, nil): true
    case (let before?, let after?): before.sameText(as: after)
    default: false
    }
  }
}

extension DiffProduct {
  var skuCount: Int { specs.reduce(0) { $0 + $1.skus.count } }
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
