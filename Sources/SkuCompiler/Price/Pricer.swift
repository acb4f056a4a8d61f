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
    var identities: [SkuIdentityRecord] = []
    for product in catalog.products {
      for spec in product.specs {
        for sku in spec.skus {
          identities.append(SkuIdentityRecord(code: sku.code, key: sku.key, range: spec.resolved.spec.id.range))
        }
      }
    }
    diagnostics.emit(contentsOf: codeCollisions(identities))
  }

  /// The collisions among SKU identities, each reported at the later SKU's spec with a note at
  /// the first.
  static func codeCollisions(_ identities: [SkuIdentityRecord]) -> [Diagnostic] {
    var owners: [String: SkuIdentityRecord] = [:]
    var found: [Diagnostic] = []
    for identity in identities {
      guard let owner = owners[identity.code] else {
        owners[identity.code] = identity
        continue
      }
      guard owner.key != identity.key else { continue }
      found.append(
        .error(
          .skuCodeCollision,
          "the SKU code \(identity.code) of '\(identity.key)' is also the code of '\(owner.key)'",
          at: identity.range,
          notes: [DiagnosticNote("'\(owner.key)' comes from here", at: owner.range)],
          hint: "rename a value id or spec id so that the keys hash differently"))
    }
    return found
  }
}

/// What the collision check needs to know of a SKU.
struct SkuIdentityRecord {
  var code: String
  var key: String
  var range: SourceRange
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
