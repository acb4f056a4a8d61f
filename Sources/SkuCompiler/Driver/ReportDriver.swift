extension Driver {
  /// `skuc report [PATH] --out FILE [--against OLD]`: check the catalog, then write one
  /// self-contained HTML page of its prices, marking changes against OLD when given.
  ///
  /// Both versions are read before any diagnostics are printed, so the problems of both are
  /// reported in one run; a catalog with errors (either side) writes no page (exit 1), and FILE
  /// keeps its old content.
  public static func writeReport(
    _ path: String, out: String, against: String?, options: DiagnosticOptions,
    output: any OutputSink
  ) throws(UsageError) -> ExitStatus {
    try ReportFile.preflight(out)
    let loaded = try load(path, options: options)
    let old = try against.map { argument throws(UsageError) in
      try loadDiffSide(argument, besides: path)
    }
    // OLD's diagnostics are shown only when it has errors (as `skuc diff` does), in one
    // report with the catalog's own, so `--format json` stays one array.
    var shown = loaded
    var oldFailed = false
    if case .catalogErrors(let failed) = old {
      oldFailed = true
      if against != path {
        shown.sources += failed.sources
        shown.compilation.diagnostics += failed.compilation.diagnostics
        shown.compilation.errorCount += failed.compilation.errorCount
        shown.compilation.warningCount += failed.compilation.warningCount
      }
    }
    report(shown, format: options.format, to: output)
    guard !oldFailed, let catalog = loaded.compilation.catalog else { return .catalogErrors }
    var comparison: ReportComparison?
    if let against, case .side(let before) = old {
      comparison = ReportComparison(
        label: ReportPaths.sideLabel(against), old: before,
        new: try diffAccess { () throws(DiffError) in try DiffSide(catalog) })
    }
    let page = ReportPage.html(catalog, root: path, comparison: comparison)
    try ReportFile.write(Array(page.utf8), to: out)
    return .success
  }
}
