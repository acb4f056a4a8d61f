/// Prices every (SKU, period) of every spec (spec §8): steps in order, exact arithmetic,
/// rounding once at the end.
public enum Pricer {
  /// The widest exact value skuc carries. Arithmetic is arbitrary-precision; this bound only
  /// keeps a hostile catalog from growing numbers without end.
  public static let maximumDigits = 1000

  public static func price(_ catalog: ExpandedCatalog, into diagnostics: inout DiagnosticCollector)
    -> PricedCatalog
  {
    var products: [PricedProduct] = []
    for expanded in catalog.products {
      var specs: [PricedSpec] = []
      for spec in expanded.specs {
        var pricer = SpecPricer(product: expanded.product, expanded: spec)
        let priced = pricer.priceAll()
        diagnostics.emit(contentsOf: pricer.diagnostics.diagnostics)
        specs.append(priced)
      }
      products.append(PricedProduct(product: expanded.product, specs: specs))
    }
    let catalog = PricedCatalog(products: products)
    checkCodeCollisions(catalog, into: &diagnostics)
    return catalog
  }

  /// Codes are 60 bits of a hash, so a collision is astronomically unlikely, but a collision
  /// would publish two SKUs under one code, so it is checked anyway (spec §9).
  static func checkCodeCollisions(_ catalog: PricedCatalog, into diagnostics: inout DiagnosticCollector) {
    var owners: [String: (key: String, range: SourceRange)] = [:]
    for product in catalog.products {
      for spec in product.specs {
        for sku in spec.skus {
          if let owner = owners[sku.code], owner.key != sku.key {
            diagnostics.error(
              .skuCodeCollision,
              "the SKU code \(sku.code) of '\(sku.key)' is also the code of '\(owner.key)'",
              at: spec.resolved.spec.id.range,
              notes: [DiagnosticNote("'\(owner.key)' comes from here", at: owner.range)],
              hint: "rename a value id or spec id so that the keys hash differently")
          } else {
            owners[sku.code] = (sku.key, spec.resolved.spec.id.range)
          }
        }
      }
    }
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
