/// What `--against OLD` adds to the page: `DiffEngine`'s change plan, indexed for the cells
/// that show it, and the old side for what is no longer there (delisted SKUs keep their old
/// names and prices).
public struct ReportComparison: Sendable {
  /// How the page names OLD: `git:` sides as written, a directory by its last component (an
  /// absolute path would make the page depend on where it was built).
  public var label: String
  public var result: DiffResult
  var old: DiffSide
  private var repricings: [String: [DiffChange.Repricing]] = [:]
  private var addedKeys: Set<String> = []
  private var removedKeys: Set<String> = []
  private var addedSpecs: Set<[String]> = []
  private var addedProducts: Set<String> = []

  public init(label: String, old: DiffSide, new: DiffSide) {
    self.label = label
    self.old = old
    result = DiffEngine.compare(old: old, new: new)
    for change in result.changes {
      switch change.kind {
      case .skuRepriced:
        if let key = change.key, let repricing = change.repricing {
          repricings[key, default: []].append(repricing)
        }
      case .skuAdded: addedKeys.insert(change.key ?? "")
      case .skuRemoved: removedKeys.insert(change.key ?? "")
      case .specAdded: addedSpecs.insert([change.product, change.spec ?? ""])
      case .productAdded: addedProducts.insert(change.product)
      default: continue
      }
    }
  }

  func repricing(
    key: String, period: Period?, field: DiffChange.PriceField
  )
    -> DiffChange.Repricing?
  {
    repricings[key]?.first { $0.period == period && $0.field == field }
  }

  /// The `unit` repricing of one tier of one quantity (spec §15), for the tier tables.
  func unitRepricing(
    key: String, period: Period?, quantity: String, tier: Int
  )
    -> DiffChange.Repricing?
  {
    repricings[key]?.first {
      $0.field == .unit && $0.period == period && $0.quantity == quantity && $0.tier == tier
    }
  }

  /// A SKU the old side does not have, itself or through its spec or product.
  func isAdded(product: String, spec: String, key: String) -> Bool {
    addedKeys.contains(key) || addedSpecs.contains([product, spec])
      || addedProducts.contains(product)
  }

  func isAdded(product: String, spec: String) -> Bool {
    addedSpecs.contains([product, spec]) || addedProducts.contains(product)
  }

  func isAdded(product: String) -> Bool { addedProducts.contains(product) }

  /// The old side's SKU with `key`, when the new side delisted it.
  func delistedSku(product: String, spec: String, key: String) -> DiffSku? {
    guard removedKeys.contains(key) else { return nil }
    return oldSpec(product: product, spec: spec)?.skus.first { $0.key == key }
  }

  /// SKUs of a spec both sides have that only the old side sells, in the old matrix order.
  func delistedSkus(product: String, spec: String) -> [DiffSku] {
    let keys = Set(
      result.changes.filter { $0.kind == .skuRemoved && $0.product == product && $0.spec == spec }
        .compactMap(\.key))
    return oldSpec(product: product, spec: spec)?.skus.filter { keys.contains($0.key) } ?? []
  }

  /// Specs of a product both sides have that only the old side sells.
  func delistedSpecs(product: String) -> [DiffSpec] {
    let ids = Set(
      result.changes.filter { $0.kind == .specRemoved && $0.product == product }.compactMap(\.spec))
    return old.products.first { $0.id == product }?.specs.filter { ids.contains($0.id) } ?? []
  }

  /// Products only the old side has.
  var delistedProducts: [DiffProduct] {
    let ids = Set(result.changes.filter { $0.kind == .productRemoved }.map(\.product))
    return old.products.filter { ids.contains($0.id) }
  }

  /// Changes of a spec that no cell shows: billing, periods, trial, names, ranges, schedules.
  /// Tier unit repricings show in the tier tables instead.
  func otherChanges(product: String, spec: String) -> [DiffChange] {
    result.changes.filter {
      ($0.kind == .specChanged || $0.kind == .skuChanged) && $0.product == product
        && $0.spec == spec
    }
  }

  private func oldSpec(product: String, spec: String) -> DiffSpec? {
    old.products.first { $0.id == product }?.specs.first { $0.id == spec }
  }
}
