extension Driver {
  /// `skuc quote` (spec §13): price one configuration and print its receipt on stdout;
  /// the catalog's diagnostics go to stderr in `diagnostics` format.
  public static func quote(
    _ path: String, request: QuoteRequest, format: QuoteFormat, diagnostics: DiagnosticFormat,
    output: any OutputSink
  ) throws(UsageError) -> ExitStatus {
    guard let catalog = try checkedCatalog(path, diagnostics: diagnostics, output: output) else {
      return .catalogErrors
    }
    let quote: Quote
    do {
      quote = try Quote.make(request, in: catalog)
    } catch {
      throw UsageError(error.message)
    }
    switch format {
    case .text: output.write(QuoteReceipt.text(quote), to: .standardOutput)
    case .json:
      output.write(JSONWriter.serialize(QuoteJSON.document(quote)), to: .standardOutput)
    }
    return .success
  }
}
