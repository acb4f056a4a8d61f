extension Driver {
  /// `skuc build` (spec §11, §12): validate everything, then replace DIR in one atomic step.
  /// A failure to print the summary after the swap is still exit 2, and says that DIR was
  /// written (spec §15), so that nobody retries a build believing nothing happened.
  ///
  /// With `--format json` stdout stays one JSON document: the diagnostics array alone, or,
  /// with `--summary`, an object holding the array and the summary (`null` when nothing was
  /// written), so that a tool never meets JSON followed by text.
  public static func build(
    _ paths: [String], out: String, options: DiagnosticOptions, summary: Bool,
    output: any OutputSink
  ) throws(UsageError) -> ExitStatus {
    let directory = OutputDirectory(path: out)
    do {
      try directory.preflight()
    } catch {
      throw UsageError(error.description)
    }
    let loaded = try load(paths, options: options)
    let oneDocument = summary && options.format == .json
    if !oneDocument { report(loaded, format: options.format, to: output) }
    guard let catalog = loaded.compilation.catalog else {
      if oneDocument {
        output.write(
          BuildSummary.document(diagnostics: loaded.compilation.diagnostics, summary: nil),
          to: .standardOutput)
      }
      return .catalogErrors
    }
    var entries: [ManifestEntry] = []
    do {
      try directory.replaceContents { writer in
        entries = try Emitter.write(catalog, to: &writer)
      }
    } catch {
      throw UsageError(String(describing: error))
    }
    if summary {
      let text =
        oneDocument
        ? BuildSummary.document(
          diagnostics: loaded.compilation.diagnostics,
          summary: BuildSummary.json(catalog, written: entries.count, out: out))
        : BuildSummary.text(catalog, written: entries.count, out: out)
      output.write(text, to: .standardOutput)
      if let failure = output.outputFailure {
        throw UsageError("\(failure); \(out) was written")
      }
    }
    return .success
  }
}
