/// What `skuc checklist` was asked to write.
public struct ChecklistRequest: Sendable {
  public var product: String
  /// Only this spec, when set.
  public var spec: String?
  public var format: ChecklistFormat
  public var locale: ConsoleLocale
  /// The published version (any side `skuc diff` takes): print the steps that change it
  /// into this catalog instead of the steps that publish from scratch.
  public var against: String?

  public init(
    product: String, spec: String? = nil, format: ChecklistFormat = .text,
    locale: ConsoleLocale = .zhCN, against: String? = nil
  ) {
    self.product = product
    self.spec = spec
    self.format = format
    self.locale = locale
    self.against = against
  }
}

extension Driver {
  /// `skuc checklist`: the seller-console steps for one product on stdout; the catalog's
  /// diagnostics go to stderr, and a catalog with errors prints no checklist (its prices
  /// would be wrong to type).
  public static func checklist(
    _ path: String, request: ChecklistRequest, diagnostics: DiagnosticFormat,
    output: any OutputSink
  ) throws(UsageError) -> ExitStatus {
    guard let catalog = try checkedCatalog(path, diagnostics: diagnostics, output: output) else {
      return .catalogErrors
    }
    let product: PricedProduct
    let specs: [PricedSpec]?
    do {
      product = try CatalogLookup.product(request.product, in: catalog)
      specs = try request.spec.map { id throws(CatalogLookup.UnknownID) in
        [try CatalogLookup.spec(id, in: product)]
      }
    } catch {
      throw UsageError(error.message)
    }
    if let against = request.against {
      let old: DiffSide
      switch try loadDiffSide(against) {
      case .side(let side): old = side
      case .catalogErrors(let loaded):
        report(loaded, format: diagnostics, diagnosticsOnStandardError: true, to: output)
        return .catalogErrors
      }
      let new = try diffAccess { () throws(DiffError) in
        try DiffSide(CheckedCatalog(products: [product]))
      }
      let changes = DiffEngine.compare(
        old: DiffSide(products: old.products.filter { $0.id == request.product }), new: new
      ).changes.filter { change in request.spec.map { change.spec == $0 } ?? true }
      let document = ChecklistChanges.document(product, changes: changes, locale: request.locale)
      output.write(document.render(request.format), to: .standardOutput)
      return .success
    }
    let document = ChecklistBuilder.document(
      product, specs: specs ?? product.specs, locale: request.locale)
    output.write(document.render(request.format), to: .standardOutput)
    return .success
  }
}
