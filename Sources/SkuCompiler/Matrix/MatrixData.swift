/// What `skuc matrix` was asked to show.
public struct MatrixRequest: Sendable {
  /// Only this product, when set.
  public var product: String?
  /// Only specs with this id, when set.
  public var spec: String?
  /// Also list the selections rules removed, and the rule that removed each.
  public var removed: Bool
  /// Start the CSV with a UTF-8 byte order mark, for Excel.
  public var byteOrderMark: Bool

  public init(
    product: String? = nil, spec: String? = nil, removed: Bool = false,
    byteOrderMark: Bool = false
  ) {
    self.product = product
    self.spec = spec
    self.removed = removed
    self.byteOrderMark = byteOrderMark
  }
}

/// `skuc matrix`'s output formats.
public enum MatrixFormat: String, CaseIterable, Sendable {
  /// Aligned columns for a terminal, one block per product and spec.
  case table
  /// RFC 4180 fields, one row per (SKU, period), for spreadsheets.
  case csv
  /// An array of objects with the CSV's columns.
  case json
}

/// One product's spec as the matrix shows it.
struct MatrixBlock {
  var product: Product
  var spec: PricedSpec

  var resolved: ResolvedSpec { spec.resolved }

  /// The SKU names in the product's default locale, in matrix order.
  var names: [String] {
    (0..<spec.skuCount).map {
      MatrixData.name(of: spec.selection(ofSku: $0), spec: resolved, product: product)
    }
  }

  /// The selections rules removed, with the rule, in matrix order.
  var removals: [MatrixRemoval] {
    spec.expanded.removed.map { removal in
      let selection = spec.expanded.selection(atMatrixPosition: removal.position)
      let key = SkuIdentity.key(product: product.id.value, spec: resolved, selection: selection)
      return MatrixRemoval(
        name: MatrixData.name(of: selection, spec: resolved, product: product), key: key,
        code: SkuIdentity.code(forKey: key), selection: selection,
        rule: resolved.rules[removal.rule].source)
    }
  }
}

struct MatrixRemoval {
  var name: String
  var key: String
  var code: String
  var selection: [Int]
  var rule: Rule

  /// `Catalogs/saas/crm.yaml:41`, the `removedBy` column.
  var location: String { RuleText.location(rule) }
}

enum MatrixData {
  /// A SKU's name (spec §11) in the product's default locale, the first of `product.locales`.
  static func name(of selection: [Int], spec: ResolvedSpec, product: Product) -> String {
    let name = SkuNaming.name(of: selection, spec: spec)
    let locale = product.locales.first ?? name.entries.first?.locale ?? ""
    return name.text(for: locale) ?? name.entries.first?.text ?? ""
  }

  /// An on-demand spec's usage unit in the default locale: its prices are per that unit.
  static func usageUnit(_ spec: Spec, product: Product) -> String? {
    guard let unit = spec.usageUnit else { return nil }
    return unit.text(for: product.locales.first ?? "") ?? unit.entries.first?.text
  }

  /// The blocks `request` selects: products in id order, specs in declaration order.
  static func blocks(
    _ request: MatrixRequest, in catalog: CheckedCatalog
  ) throws(CatalogLookup.UnknownID) -> [MatrixBlock] {
    let products =
      try request.product.map { id throws(CatalogLookup.UnknownID) in
        [try CatalogLookup.product(id, in: catalog)]
      }
      ?? CatalogLookup.sortedProducts(catalog)
    guard let specID = request.spec else {
      return products.flatMap { product in
        product.specs.map { MatrixBlock(product: product.product, spec: $0) }
      }
    }
    if let only = products.first, products.count == 1 {
      return [MatrixBlock(product: only.product, spec: try CatalogLookup.spec(specID, in: only))]
    }
    let blocks = products.flatMap { product in
      product.specs.filter { $0.resolved.spec.id.value == specID }.map {
        MatrixBlock(product: product.product, spec: $0)
      }
    }
    guard blocks.isEmpty else { return blocks }
    var candidates: [String] = []
    for product in products {
      for spec in product.specs where !candidates.contains(spec.resolved.spec.id.value) {
        candidates.append(spec.resolved.spec.id.value)
      }
    }
    throw CatalogLookup.unknown("spec", specID, among: candidates, context: " in any product")
  }
}
