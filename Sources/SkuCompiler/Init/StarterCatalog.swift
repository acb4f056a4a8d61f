/// The starter catalogs `skuc init` writes: one realistic, commented product per product type,
/// in zh-CN and en-US, using only the billing modes the type allows (spec §6). Each passes
/// `skuc check` without warnings as written (a test checks every one).
package enum StarterCatalog {
  /// The file's text, with `schemaLine` (the editor modeline, or a comment explaining how to
  /// set one up) first.
  package static func text(for type: ProductType, schemaLine: String) -> String {
    let allowed = type.allowedBilling.map(\.rawValue).joined(separator: ", ")
    return """
      \(schemaLine)
      # A starter catalog for a KooGallery product of type \(type.rawValue), written by `skuc init`.
      # Type \(type.rawValue) may use billing: \(allowed).
      # Edit it to describe your product, then run `skuc check` to validate it, `skuc matrix` to
      # review every SKU and price, and `skuc quote` to see how one price is computed.
      # docs/catalog-guide.md explains every key.

      """ + body(for: type)
  }

  static func body(for type: ProductType) -> String {
    switch type {
    case .saas: StarterTemplates.saas
    case .license: StarterTemplates.license
    case .image: StarterTemplates.image
    case .manualService: StarterTemplates.manualService
    case .hardware: StarterTemplates.hardware
    case .api: StarterTemplates.api
    case .aiAsset: StarterTemplates.aiAsset
    case .dataAsset: StarterTemplates.dataAsset
    }
  }
}
