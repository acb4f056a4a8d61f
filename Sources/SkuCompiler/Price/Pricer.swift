/// Prices every (SKU, period) of every spec (spec §8): steps in order, exact arithmetic,
/// rounding once at the end.
public enum Pricer {
  /// The widest exact value skuc carries. Arithmetic is arbitrary-precision; this bound only
  /// keeps a hostile catalog from growing numbers without end.
  public static let maximumDigits = 1000

  public static func price(
    _ catalog: ExpandedCatalog, into diagnostics: inout DiagnosticCollector
  )
    -> PricedCatalog
  {
    let products = Parallel.map(catalog.products, into: &diagnostics) { expanded, diagnostics in
      let specs = expanded.specs.map { spec in
        var pricer = SpecPricer(product: expanded.product, expanded: spec)
        let priced = pricer.priceAll()
        diagnostics.emit(contentsOf: pricer.diagnostics.diagnostics)
        return priced
      }
      return PricedProduct(product: expanded.product, specs: specs)
    }
    let catalog = PricedCatalog(products: products)
    checkCodeCollisions(catalog, into: &diagnostics)
    return catalog
  }

  /// Codes are 60 bits of a hash, so a collision is astronomically unlikely, but a collision
  /// would publish two SKUs under one code, so it is checked anyway (spec §9).
  static func checkCodeCollisions(
    _ catalog: PricedCatalog, into diagnostics: inout DiagnosticCollector
  ) {
    var codes: [UInt64] = []
    var places: [(product: Int, spec: Int, sku: Int)] = []
    for (productIndex, product) in catalog.products.enumerated() {
      for (specIndex, spec) in product.specs.enumerated() {
        codes.append(contentsOf: spec.codes)
        places.append(contentsOf: spec.codes.indices.map { (productIndex, specIndex, $0) })
      }
    }
    func describe(_ index: Int) -> (key: String, range: SourceRange) {
      let place = places[index]
      let spec = catalog.products[place.product].specs[place.spec]
      let key = SkuIdentity.key(
        product: spec.product.id.value, spec: spec.resolved,
        selection: spec.selection(ofSku: place.sku))
      return (key, spec.resolved.spec.id.range)
    }
    for (first, second) in collisions(codes) {
      let owner = describe(first)
      let other = describe(second)
      diagnostics.error(
        .skuCodeCollision,
        "the SKU code \(SkuIdentity.code(value: codes[second])) of '\(other.key)' is also the code of '\(owner.key)'",
        at: other.range,
        notes: [DiagnosticNote("'\(owner.key)' comes from here", at: owner.range)],
        hint: "rename a value id or spec id so that the keys hash differently")
    }
  }

  /// Pairs (first, later) of positions whose codes are equal. Keys are unique within the
  /// tree, so equal codes always mean two keys share a code.
  static func collisions(_ codes: [UInt64]) -> [(Int, Int)] {
    var owners: [UInt64: Int] = [:]
    owners.reserveCapacity(codes.count)
    var found: [(Int, Int)] = []
    for (index, code) in codes.enumerated() {
      if let owner = owners[code] {
        found.append((owner, index))
      } else {
        owners[code] = index
      }
    }
    return found
  }
}

/// The evolving state of one (SKU, period) while steps run.
struct PricingState {
  var price = ExactDecimal.zero
  var schedules: [Schedule]
  /// Which step last changed the price and each schedule, to point errors at it.
  var lastPriceStep: Int?
  var lastScheduleStep: [Int?]
  /// Which step set each schedule's tiers, for "tier never applies" warnings.
  var scheduleSource: [Int?]
}
