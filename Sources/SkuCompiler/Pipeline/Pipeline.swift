/// The parsed files of a catalog tree: the front end's output.
public struct ParsedCatalog: Sendable {
  public var documents: [YAMLDocument]
}

public struct CompileOptions: Sendable {
  public var warningsAsErrors: Bool
  /// Warning codes acknowledged with `--allow`: counted, not reported, never promoted.
  public var allowed: Set<DiagnosticCode>

  public init(warningsAsErrors: Bool = false, allowed: Set<DiagnosticCode> = []) {
    self.warningsAsErrors = warningsAsErrors
    self.allowed = allowed
  }
}

/// What compiling a catalog produced: every diagnostic, and the checked catalog when there
/// were no errors.
public struct Compilation: Sendable {
  public var diagnostics: [Diagnostic]
  public var errorCount: Int
  public var warningCount: Int
  /// Warnings acknowledged with `--allow`, not in `diagnostics`.
  public var acknowledgedCount = 0
  public var catalog: CheckedCatalog?
}

/// The compiler as a composition of its stages. Each stage recovers and reports everything it
/// can; the pipeline stops between stages once errors exist, so that no stage works on a
/// model that an earlier stage found broken.
public enum Pipeline {
  /// Compiles a catalog tree; problems found while reading the tree count as front-end
  /// diagnostics, reported together with the files' own.
  public static func compile(
    _ reading: CatalogTreeReading, options: CompileOptions = .init()
  )
    -> Compilation
  {
    var diagnostics = DiagnosticCollector(
      promotesWarnings: options.warningsAsErrors, acknowledging: options.allowed)
    diagnostics.emit(contentsOf: reading.diagnostics)
    let catalog = run(reading.files, &diagnostics)
    return Compilation(
      diagnostics: diagnostics.sorted, errorCount: diagnostics.errorCount,
      warningCount: diagnostics.warningCount, acknowledgedCount: diagnostics.acknowledgedCount,
      catalog: diagnostics.hasErrors ? nil : catalog)
  }

  private static func run(
    _ files: [CatalogSourceFile], _ diagnostics: inout DiagnosticCollector
  )
    -> CheckedCatalog?
  {
    let parsed = parse(files, into: &diagnostics)
    guard !diagnostics.hasErrors else { return nil }
    let model = decode(parsed, into: &diagnostics)
    guard !diagnostics.hasErrors else { return nil }
    let validated = Validator.validate(model, into: &diagnostics)
    guard !diagnostics.hasErrors else { return nil }
    let expanded = Expander.expand(validated, into: &diagnostics)
    guard !diagnostics.hasErrors else { return nil }
    let priced = Pricer.price(expanded, into: &diagnostics)
    guard !diagnostics.hasErrors else { return nil }
    return PricingChecks.run(priced, into: &diagnostics)
  }

  public static func parse(
    _ files: [CatalogSourceFile], into diagnostics: inout DiagnosticCollector
  )
    -> ParsedCatalog
  {
    let results = Parallel.map(files) { YAMLFrontEnd.parse($0.bytes, file: $0.path) }
    var documents: [YAMLDocument] = []
    for result in results {
      diagnostics.emit(contentsOf: result.diagnostics)
      if let document = result.document { documents.append(document) }
    }
    return ParsedCatalog(documents: documents)
  }

  public static func decode(
    _ parsed: ParsedCatalog, into diagnostics: inout DiagnosticCollector
  )
    -> CatalogModel
  {
    let products = Parallel.map(parsed.documents, into: &diagnostics) { document, diagnostics in
      var decoder = ProductDecoder(file: document.file)
      let product = decoder.decode(document)
      diagnostics.emit(contentsOf: decoder.reader.diagnostics.diagnostics)
      return product
    }.compactMap { $0 }
    return CatalogModel(products: products)
  }
}
