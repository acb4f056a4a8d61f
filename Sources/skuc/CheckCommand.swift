import ArgumentParser
import SkuCompiler

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Parse, validate, expand, price and check a catalog; print diagnostics only.",
    discussion: """
      Every *.yaml / *.yml file below PATH is read in sorted order (names starting with _ or . \
      are skipped), and every problem in every file is reported in one run.

      Examples:
        skuc check
        skuc check Catalogs --warnings-as-errors
        skuc check --format github        # annotations for GitHub Actions
      """
  )

  @OptionGroup var catalog: CatalogArgument
  @OptionGroup var diagnostics: DiagnosticFlags

  func run() throws {
    try ExitCode.from(
      Driver.check(catalog.path, options: diagnostics.options, output: StandardStreams.shared))
  }
}
