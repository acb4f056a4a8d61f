/// Finds the products and specs a command line names (`--product`, `--spec`), with "did you
/// mean" help for a mistyped id. An unknown id is the request's fault, not the catalog's: the
/// driver turns `UnknownID` into a usage error (exit 2).
enum CatalogLookup {
  /// An id that names nothing in the catalog, with the message that says what would.
  struct UnknownID: Error, Sendable {
    var message: String
  }

  static func product(_ id: String, in catalog: CheckedCatalog) throws(UnknownID) -> PricedProduct {
    if let product = catalog.products.first(where: { $0.product.id.value == id }) { return product }
    throw unknown("product", id, among: sortedProductIDs(catalog))
  }

  static func spec(_ id: String, in product: PricedProduct) throws(UnknownID) -> PricedSpec {
    if let spec = product.specs.first(where: { $0.resolved.spec.id.value == id }) { return spec }
    throw unknown(
      "spec", id, among: product.specs.map { $0.resolved.spec.id.value },
      context: " in product '\(product.product.id.value)'")
  }

  /// Products in id order (byte-wise), the order every listing of products uses.
  static func sortedProducts(_ catalog: CheckedCatalog) -> [PricedProduct] {
    catalog.products.sorted { $0.product.id.value.precedesBytewise($1.product.id.value) }
  }

  static func sortedProductIDs(_ catalog: CheckedCatalog) -> [String] {
    sortedProducts(catalog).map { $0.product.id.value }
  }

  /// `unknown edition 'entreprise'; did you mean 'enterprise'? (choose from: basic, …)`.
  static func unknown(
    _ noun: String, _ text: String, among candidates: [String], context: String = ""
  ) -> UnknownID {
    var message = "unknown \(noun) '\(text)'\(context)"
    if let suggestion = Suggestions.closest(to: text, among: candidates) {
      message += "; did you mean '\(suggestion)'?"
    }
    if !candidates.isEmpty { message += " (choose from: \(list(candidates)))" }
    return UnknownID(message: message)
  }

  /// A list that stays one line however many choices there are. Items that contain ", "
  /// themselves (selections) are separated by "; ".
  static func list(_ items: [String], limit: Int = 12, separator: String = ", ") -> String {
    guard items.count > limit else { return items.joined(separator: separator) }
    return items.prefix(limit).joined(separator: separator)
      + "\(separator)and \(items.count - limit) more"
  }
}
