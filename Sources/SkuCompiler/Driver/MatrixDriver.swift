extension Driver {
  /// `skuc matrix` (spec §13): print the priced SKU matrix on stdout; the catalog's
  /// diagnostics go to stderr in `diagnostics` format, and a catalog with errors prints none.
  public static func matrix(
    _ path: String, request: MatrixRequest, format: MatrixFormat, diagnostics: DiagnosticFormat,
    output: any OutputSink
  ) throws(UsageError) -> ExitStatus {
    guard let catalog = try checkedCatalog(path, diagnostics: diagnostics, output: output) else {
      return .catalogErrors
    }
    if request.byteOrderMark && format != .csv {
      throw UsageError("--bom applies only to --format csv")
    }
    let blocks: [MatrixBlock]
    do {
      blocks = try MatrixData.blocks(request, in: catalog)
    } catch {
      throw UsageError(error.message)
    }
    switch format {
    case .table:
      for (index, block) in blocks.enumerated() {
        output.write(
          (index > 0 ? "\n" : "") + MatrixTable.text(block, removed: request.removed),
          to: .standardOutput)
      }
    case .csv:
      let quantities = MatrixUnits.columns(blocks)
      output.write(
        (request.byteOrderMark ? MatrixCSV.byteOrderMark : "")
          + MatrixCSV.header(removed: request.removed, quantities: quantities),
        to: .standardOutput)
      for block in blocks {
        output.write(
          MatrixCSV.rows(block, removed: request.removed, quantities: quantities),
          to: .standardOutput)
      }
    case .json:
      let rows = blocks.flatMap { MatrixJSON.rows($0, removed: request.removed) }
      output.write(JSONWriter.serialize(.array(rows)), to: .standardOutput)
    }
    return .success
  }
}
