/// The exit statuses of spec §12.
public enum ExitStatus: Int32, Sendable {
  case success = 0
  case catalogErrors = 1
  case usageOrEnvironment = 2
}

/// How a command reports diagnostics (spec §13).
public struct DiagnosticOptions: Sendable {
  public var format: DiagnosticFormat
  public var warningsAsErrors: Bool
  /// Warning codes acknowledged with `--allow`: counted in the summary, not printed, and
  /// not promoted by `warningsAsErrors`.
  public var allowed: Set<DiagnosticCode>

  public init(
    format: DiagnosticFormat = .text, warningsAsErrors: Bool = false,
    allowed: Set<DiagnosticCode> = []
  ) {
    self.format = format
    self.warningsAsErrors = warningsAsErrors
    self.allowed = allowed
  }

  /// The codes given to `--allow`, checked: acknowledging an unknown code or an error is a
  /// usage error, so a typo in a CI configuration cannot silently acknowledge nothing.
  public static func allowedCodes(_ texts: [String]) throws(UsageError) -> Set<DiagnosticCode> {
    var codes = Set<DiagnosticCode>()
    for text in texts {
      guard let code = DiagnosticCode(rawValue: text.uppercased()) else {
        var message = "--allow: unknown diagnostic code '\(text)'"
        let candidates = DiagnosticCode.warnings.map(\.rawValue).sorted()
        if let suggestion = Suggestions.closest(to: text.uppercased(), among: candidates) {
          message += "; did you mean '\(suggestion)'?"
        }
        throw UsageError(message + " (warning codes: \(candidates.joined(separator: ", ")))")
      }
      guard DiagnosticCode.warnings.contains(code) else {
        throw UsageError(
          "--allow: \(code.rawValue) is an error, not a warning; only warnings can be acknowledged")
      }
      codes.insert(code)
    }
    return codes
  }
}

/// A usage or environment failure: the executable prints it as one line and exits 2.
public struct UsageError: Error, Sendable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}

/// The commands' shared work: read a tree, compile it, print what was found.
public enum Driver {
  /// A catalog tree read and compiled, with the sources kept for printing source lines.
  public struct LoadedCatalog: Sendable {
    public var sources: [CatalogSourceFile]
    public var compilation: Compilation
  }

  public static func load(
    _ path: String, options: DiagnosticOptions
  ) throws(UsageError) -> LoadedCatalog {
    try load([path], options: options)
  }

  /// Several paths make one catalog (`skuc check a.yaml b.yaml`, a pre-commit hook's staged
  /// files): each is read as its own root, and a file reached twice is read once. One
  /// catalog, because the products of one run share one id space and one payload directory.
  public static func load(
    _ paths: [String], options: DiagnosticOptions
  ) throws(UsageError) -> LoadedCatalog {
    var files: [CatalogSourceFile] = []
    var seen = Set<String>()
    var diagnostics: [Diagnostic] = []
    for path in paths {
      let reading: CatalogTreeReading
      do {
        reading = try CatalogTree.read(path)
      } catch {
        throw UsageError(error.message)
      }
      for file in reading.files where seen.insert(file.path).inserted {
        files.append(file)
      }
      diagnostics += reading.diagnostics
    }
    let compilation = Pipeline.compile(
      CatalogTreeReading(files: files, diagnostics: diagnostics),
      options: CompileOptions(warningsAsErrors: options.warningsAsErrors, allowed: options.allowed))
    return LoadedCatalog(sources: files, compilation: compilation)
  }

  /// Prints diagnostics where spec §13 says: text on stderr, json and github on stdout.
  /// `diagnosticsOnStandardError` forces stderr, for commands whose stdout is their own output.
  public static func report(
    _ loaded: LoadedCatalog, format: DiagnosticFormat, diagnosticsOnStandardError: Bool = false,
    to output: any OutputSink
  ) {
    let compilation = loaded.compilation
    let stream: OutputChannel =
      (format == .text || diagnosticsOnStandardError) ? .standardError : .standardOutput
    if format == .text && compilation.diagnostics.isEmpty && compilation.acknowledgedCount == 0 {
      return
    }
    let sources = Dictionary(
      loaded.sources.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
    let renderer = DiagnosticRenderer(
      format: format, colour: format == .text && output.wantsColour(stream), sources: sources)
    output.write(renderer.render(compilation.diagnostics), to: stream)
    if format == .text {
      output.write(
        DiagnosticRenderer.summary(
          errors: compilation.errorCount, warnings: compilation.warningCount,
          acknowledged: compilation.acknowledgedCount) + "\n",
        to: .standardError)
    }
  }

  /// Loads a catalog for a command whose stdout is its own output (`matrix`, `quote`): the
  /// catalog's diagnostics go to stderr, and the command stops with the returned status when
  /// there is no checked catalog to work on.
  static func checkedCatalog(
    _ path: String, diagnostics: DiagnosticFormat, output: any OutputSink
  ) throws(UsageError) -> CheckedCatalog? {
    let loaded = try load(path, options: DiagnosticOptions(format: diagnostics))
    report(loaded, format: diagnostics, diagnosticsOnStandardError: true, to: output)
    return loaded.compilation.catalog
  }

  public static func check(
    _ paths: [String], options: DiagnosticOptions, output: any OutputSink
  ) throws(UsageError) -> ExitStatus {
    let loaded = try load(paths, options: options)
    report(loaded, format: options.format, to: output)
    return loaded.compilation.catalog == nil ? .catalogErrors : .success
  }
}
