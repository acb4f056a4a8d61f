/// The decoded products of one catalog tree: the validation stage's input.
public struct CatalogModel: Sendable {
  public var products: [Product]

  public init(products: [Product]) {
    self.products = products
  }
}

/// Checks the rules that span the model: cross-references inside each spec and the
/// uniqueness of product ids across the tree (spec §1, §5–§10).
public enum Validator {
  public static func validate(_ model: CatalogModel, into diagnostics: inout DiagnosticCollector)
    -> ValidatedCatalog
  {
    var firstByID: [String: Product] = [:]
    var products: [ValidatedProduct] = []
    for product in model.products {
      if let first = firstByID[product.id.value] {
        diagnostics.error(
          .duplicateProductID, "the product id '\(product.id.value)' is already used",
          at: product.id.range,
          notes: [DiagnosticNote("first used here", at: first.id.range)],
          hint: "product ids are unique across the catalog tree; payloads are named after them")
        continue
      }
      firstByID[product.id.value] = product
      var specs: [ResolvedSpec] = []
      for spec in product.specs {
        var resolver = SpecResolver(product: product, spec: spec)
        let resolved = resolver.resolve()
        diagnostics.emit(contentsOf: resolver.diagnostics.diagnostics)
        if let resolved { specs.append(resolved) }
      }
      products.append(ValidatedProduct(product: product, specs: specs))
    }
    return ValidatedCatalog(products: products)
  }
}
