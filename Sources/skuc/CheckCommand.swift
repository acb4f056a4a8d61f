import ArgumentParser
import SkuCompiler

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Parse, validate, expand, price and check a catalog; print diagnostics only.",
    discussion: """
      Every *.yaml / *.yml file below each PATH is read in sorted order (names starting with _ \
      or . are skipped), and every problem in every file is reported in one run. Several paths \
      make one catalog, so a pre-commit hook can pass the staged files.

      Examples:
        skuc check
        skuc check Catalogs --warnings-as-errors
        skuc check --format github        # annotations for GitHub Actions
        skuc check a.yaml b.yaml          # several files or trees in one run
        skuc check --warnings-as-errors --allow P412   # acknowledge one warning code
      """
  )

  @OptionGroup var catalog: CatalogPathsArgument
  @OptionGroup var diagnostics: DiagnosticFlags

  func run() throws {
    try ExitCode.from(
      Driver.check(
        catalog.resolved, options: diagnostics.options(), output: StandardStreams.shared))
  }
}
