/// What `skuc quote` was asked to price, as written on the command line.
public struct QuoteRequest: Sendable {
  public var product: String
  public var spec: String
  /// `ATTR=VALUE` texts.
  public var selections: [String]
  public var period: String?
  /// `ATTR=N` texts.
  public var quantities: [String]

  public init(
    product: String, spec: String, selections: [String] = [], period: String? = nil,
    quantities: [String] = []
  ) {
    self.product = product
    self.spec = spec
    self.selections = selections
    self.period = period
    self.quantities = quantities
  }
}

/// `skuc quote`'s output formats.
public enum QuoteFormat: String, CaseIterable, Sendable {
  /// A receipt for people: every step, the rounding, the cost of each quantity by tier.
  case text
  /// The same facts as one JSON object, amounts as strings.
  case json
}

/// One configuration priced, with the receipt of how each step contributed.
package struct Quote: Sendable {
  package var product: Product
  package var spec: PricedSpec
  package var sku: PricedSku
  package var period: Period?
  package var traced: TracedPrice
  /// One per quantity of the spec, in the spec's order: as asked, or the SKU's (limited) min.
  package var quantities: [Int]
  /// Which of `quantities` were asked for.
  package var given: [Bool]
  /// Computed exactly like `from` (spec §8.4) with `quantities` in place of the minimums.
  package var total: ExactDecimal

  package var resolved: ResolvedSpec { spec.resolved }
  package var places: Int { product.precision }

  /// What quantity `index` costs under the rounded units.
  package func cost(ofQuantity index: Int) -> ExactDecimal {
    traced.priced.schedules[index].cost(of: quantities[index])
  }

  /// Prices the configuration `request` names in a compiled catalog.
  package static func make(
    _ request: QuoteRequest, in catalog: CheckedCatalog
  ) throws(QuoteError) -> Quote {
    let product: PricedProduct
    let spec: PricedSpec
    do {
      product = try CatalogLookup.product(request.product, in: catalog)
      spec = try CatalogLookup.spec(request.spec, in: product)
    } catch {
      throw QuoteError(lookup: error)
    }
    let resolver = QuoteResolver(product: product.product, spec: spec)
    let sku = try resolver.sku(request.selections)
    let periodIndex = try resolver.period(request.period)
    let (quantities, given) = try resolver.quantities(request.quantities, sku: sku)
    let period = spec.resolved.pricedPeriods[periodIndex]
    let traced = Pricer.trace(
      product: product.product, spec: spec.expanded, sku: sku.index, period: period)
    let total = PricedPeriod.total(
      price: traced.priced.price, schedules: traced.priced.schedules, quantities: quantities,
      places: product.product.precision, mode: product.product.rounding)
    return Quote(
      product: product.product, spec: spec, sku: sku, period: period, traced: traced,
      quantities: quantities, given: given, total: total)
  }
}
