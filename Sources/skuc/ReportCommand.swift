import ArgumentParser
import SkuCompiler

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write one HTML page of every price, for the people who approve them.",
    discussion: """
      The page is a single self-contained file (inline CSS and JS, no network, system fonts) \
      that opens from disk in any browser: per product and spec, a price matrix coloured from \
      low to high, quantity tier tables, the selections rules removed (with file:line and \
      because), and what each check asserts. A filter box, a price/from switch and a language \
      switch are kept in the address (#q=…&lang=en-US&show=from). Its bytes depend only on the \
      catalog, so it can be committed and compared.

      With --against OLD (a catalog directory, a payload directory or git:REV[:PATH], as in \
      skuc diff), repriced cells show ▲/▼ and the percent change, added SKUs are marked and \
      delisted ones are struck through, under the diff's summary line.

      FILE is replaced atomically, and only when it is new or a page skuc wrote (anything \
      else is exit 2); a catalog with errors writes nothing (exit 1).

      Examples:
        skuc report --out build/report.html
        skuc report Catalogs --out review.html --against git:origin/main
        skuc report --out review.html --against build/released-payloads
      """
  )

  @OptionGroup var catalog: CatalogArgument

  @Option(name: .long, help: ArgumentHelp("The HTML file to write.", valueName: "file"))
  var out: String

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Mark changes against this version: a catalog directory, a payload directory or git:REV[:PATH].",
      valueName: "old"))
  var against: String?

  @OptionGroup var diagnostics: DiagnosticFlags

  func run() throws {
    try ExitCode.from(
      Driver.writeReport(
        catalog.path, out: out, against: against, options: diagnostics.options(),
        output: StandardStreams.shared))
  }
}
