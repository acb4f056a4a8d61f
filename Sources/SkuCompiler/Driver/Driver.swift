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

  public init(format: DiagnosticFormat = .text, warningsAsErrors: Bool = false) {
    self.format = format
    self.warningsAsErrors = warningsAsErrors
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
    let reading: CatalogTreeReading
    do {
      reading = try CatalogTree.read(path)
    } catch {
      throw UsageError(error.message)
    }
    let compilation = Pipeline.compile(
      reading, options: CompileOptions(warningsAsErrors: options.warningsAsErrors))
    return LoadedCatalog(sources: reading.files, compilation: compilation)
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
    if format == .text && compilation.diagnostics.isEmpty { return }
    let sources = Dictionary(
      loaded.sources.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
    let renderer = DiagnosticRenderer(
      format: format, colour: format == .text && output.wantsColour(stream), sources: sources)
    output.write(renderer.render(compilation.diagnostics), to: stream)
    if format == .text {
      output.write(
        DiagnosticRenderer.summary(
          errors: compilation.errorCount, warnings: compilation.warningCount) + "\n",
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
    _ path: String, options: DiagnosticOptions, output: any OutputSink
  ) throws(UsageError) -> ExitStatus {
    let loaded = try load(path, options: options)
    report(loaded, format: options.format, to: output)
    return loaded.compilation.catalog == nil ? .catalogErrors : .success
  }
}
