import ArgumentParser
import SkuCompiler

struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Check a catalog, then write one payload per product and manifest.json.",
    discussion: """
      DIR is replaced as a whole in one atomic step: a failed or interrupted build leaves it \
      exactly as it was. DIR is created when missing (its parent must exist). A non-empty DIR \
      is replaced only when it holds nothing but manifest.json and the payloads it lists, each \
      with its listed SHA-256; anything else is refused (exit 2, naming the first foreign \
      entry), because build never deletes files it did not write.

      Examples:
        skuc build --out build/payloads
        skuc build Catalogs --out build/payloads --summary
      """
  )

  @OptionGroup var catalog: CatalogPathsArgument

  @Option(name: .long, help: "The output directory, replaced as a whole.")
  var out: String

  @Flag(
    name: .long,
    help:
      "Print each product's specs, SKU count and price range per period (JSON with --format json).")
  var summary = false

  @OptionGroup var diagnostics: DiagnosticFlags

  func run() throws {
    try ExitCode.from(
      Driver.build(
        catalog.resolved, out: out, options: diagnostics.options(), summary: summary,
        output: StandardStreams.shared))
  }
}

extension ExitCode {
  /// Ends the command with the library's status; success returns normally.
  static func from(_ status: ExitStatus) throws {
    if status != .success { throw ExitCode(status.rawValue) }
  }
}
