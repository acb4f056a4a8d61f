/// `skuc diff --format`: the diff's own output on stdout (spec §13, §14).
public enum DiffFormat: String, CaseIterable, Sendable {
  case text
  case markdown
  case json
}

/// One side of a diff once read: the model, or a catalog whose diagnostics must be shown.
public enum DiffSideLoad: Sendable {
  case side(DiffSide)
  case catalogErrors(Driver.LoadedCatalog)
}

extension Driver {
  /// `skuc diff OLD NEW` (spec §14). Gates are parsed before anything is read, so a typo in
  /// `--fail-on` fails fast; both sides are read before any diagnostics are printed, so the
  /// errors of both are reported in one run.
  public static func diff(
    old: String, new: String, format: DiffFormat, failOn: [String],
    diagnosticsFormat: DiagnosticFormat, output: any OutputSink
  ) throws(UsageError) -> ExitStatus {
    let gates = try diffAccess { () throws(DiffError) in try DiffGate.parse(failOn) }
    let before = try loadDiffSide(old, besides: new)
    // The same argument twice is read once, so its diagnostics are not reported twice.
    let sides = (before, old == new ? before : try loadDiffSide(new, besides: old))
    switch sides {
    case (.side(let before), .side(let after)):
      let result = DiffEngine.compare(old: before, new: after)
      let outcomes = gates.map { $0.evaluate(result) }
      switch format {
      case .text:
        output.write(
          DiffTextFormat.render(
            result, gates: outcomes, colour: output.wantsColour(.standardOutput)),
          to: .standardOutput)
      case .markdown:
        output.write(DiffMarkdownFormat.render(result, gates: outcomes), to: .standardOutput)
      case .json:
        output.write(DiffJSONFormat.render(result, gates: outcomes), to: .standardOutput)
      }
      return outcomes.contains(where: \.tripped) ? .catalogErrors : .success
    default:
      let failed = old == new ? [sides.0] : [sides.0, sides.1]
      report(
        failedSides(failed), format: diagnosticsFormat, diagnosticsOnStandardError: true,
        to: output)
      return .catalogErrors
    }
  }

  /// Reads `git:REV[:PATH]`, a payload directory or a catalog tree. `other` is the other side,
  /// from which `git:REV` without a PATH takes its default (spec §15).
  public static func loadDiffSide(
    _ argument: String, besides other: String? = nil
  ) throws(UsageError) -> DiffSideLoad {
    let reading: CatalogTreeReading
    if let git = try treeAccess({ () throws(CatalogTreeError) in
      try GitTreeSource.parse(argument, besides: other)
    }) {
      reading = try treeAccess { () throws(CatalogTreeError) in try git.read() }
    } else if try diffAccess({ () throws(DiffError) in try PayloadDirectory.probe(argument) })
      == .payloads
    {
      return .side(try diffAccess { () throws(DiffError) in try PayloadDirectory.read(argument) })
    } else {
      reading = try treeAccess { () throws(CatalogTreeError) in try CatalogTree.read(argument) }
    }
    let compilation = Pipeline.compile(reading)
    let loaded = LoadedCatalog(sources: reading.files, compilation: compilation)
    guard let catalog = compilation.catalog else { return .catalogErrors(loaded) }
    return .side(try diffAccess { () throws(DiffError) in try DiffSide(catalog) })
  }

  /// Runs a diff stage, turning its error into the usage error (exit 2) it is here.
  static func diffAccess<Value>(
    _ body: () throws(DiffError) -> Value
  ) throws(UsageError) -> Value {
    do {
      return try body()
    } catch {
      throw UsageError(error.message)
    }
  }

  /// Runs a tree reader, turning its error into the usage error it is here.
  private static func treeAccess<Value>(
    _ body: () throws(CatalogTreeError) -> Value
  ) throws(UsageError) -> Value {
    do {
      return try body()
    } catch {
      throw UsageError(error.message)
    }
  }

  /// The diagnostics of every side that failed, as one report (one JSON array, one summary).
  private static func failedSides(_ loads: [DiffSideLoad]) -> LoadedCatalog {
    var merged = LoadedCatalog(
      sources: [],
      compilation: Compilation(diagnostics: [], errorCount: 0, warningCount: 0, catalog: nil))
    for case .catalogErrors(let loaded) in loads {
      merged.sources += loaded.sources
      merged.compilation.diagnostics += loaded.compilation.diagnostics
      merged.compilation.errorCount += loaded.compilation.errorCount
      merged.compilation.warningCount += loaded.compilation.warningCount
    }
    return merged
  }
}
