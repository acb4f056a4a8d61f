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
  public static func validate(
    _ model: CatalogModel, into diagnostics: inout DiagnosticCollector
  )
    -> ValidatedCatalog
  {
    var firstByID: [String: Product] = [:]
    var unique: [Product] = []
    for product in model.products {
      if let reason = reservedProductID(product.id.value) {
        diagnostics.error(
          .reservedProductID, "the product id '\(product.id.value)' \(reason)",
          at: product.id.range,
          hint: "choose another id, e.g. '\(product.id.value)-app'; the payload file is named "
            + "after the id")
        continue
      }
      if let first = firstByID[product.id.value] {
        diagnostics.error(
          .duplicateProductID, "the product id '\(product.id.value)' is already used",
          at: product.id.range,
          notes: [DiagnosticNote("first used here", at: first.id.range)],
          hint: "product ids are unique across the catalog tree; payloads are named after them")
        continue
      }
      firstByID[product.id.value] = product
      unique.append(product)
    }
    let products = Parallel.map(unique, into: &diagnostics) { product, diagnostics in
      let specs = product.specs.compactMap { spec in
        var resolver = SpecResolver(product: product, spec: spec)
        let resolved = resolver.resolve()
        diagnostics.emit(contentsOf: resolver.diagnostics.diagnostics)
        return resolved
      }
      return ValidatedProduct(product: product, specs: specs)
    }
    return ValidatedCatalog(products: products)
  }

  /// Windows device names: a file named `con.json` or `nul.json` cannot be created or read there.
  static let deviceNames = Set(
    ["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

  /// Why a product id cannot name a payload file (spec §15), or `nil` when it can. Compared in
  /// lower case, for case-insensitive file systems.
  static func reservedProductID(_ id: String) -> String? {
    let lower = id.lowercased()
    if lower == "manifest" {
      return "would name its payload manifest.json, the file that lists the payloads"
    }
    if deviceNames.contains(lower) {
      return "is a Windows device name; a file named \(lower).json cannot exist there"
    }
    return nil
  }
}
