public import ArgumentParser
import SkuCompiler

struct MatrixCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "matrix",
    abstract: "Print the priced SKU matrix for review.",
    discussion: """
      One row per SKU with each period's price, from price (the price at the minimum \
      quantities) and what one unit of each quantity costs. csv and json print one row per \
      (SKU, period) with the columns name, key, code, period, price, from and one column per \
      quantity attribute: its unit price, or its tier bands as upto:unit joined by ';' (the \
      last +:unit) after the model, empty where a spec lacks the quantity. Names are in the \
      product's default locale. Diagnostics go to stderr; a catalog with errors prints no \
      matrix (exit 1).

      Examples:
        skuc matrix
        skuc matrix --product yunke-crm --spec subscription
        skuc matrix --format csv > matrix.csv
        skuc matrix --format csv --bom > matrix.csv   # for Excel
        skuc matrix --removed             # and what each rule removed
      """
  )

  @OptionGroup var catalog: CatalogArgument

  @Option(name: .long, help: ArgumentHelp("Only this product.", valueName: "id"))
  var product: String?

  @Option(name: .long, help: ArgumentHelp("Only specs with this id.", valueName: "id"))
  var spec: String?

  @Option(name: .long, help: "Output format: table, csv or json.")
  var format: MatrixFormat = .table

  @Flag(name: .long, help: "Also list each selection the rules removed, with the rule (file:line).")
  var removed = false

  @Flag(name: .long, help: "Start csv with a UTF-8 byte order mark, so Excel reads Chinese names.")
  var bom = false

  @OptionGroup var diagnostics: OwnOutputDiagnostics

  func run() throws {
    try ExitCode.from(
      Driver.matrix(
        catalog.path,
        request: MatrixRequest(
          product: product, spec: spec, removed: removed, byteOrderMark: bom),
        format: format, diagnostics: diagnostics.format, output: StandardStreams.shared))
  }
}

/// The diagnostics option of commands whose stdout is their own output (spec §13).
struct OwnOutputDiagnostics: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp("Diagnostics format on stderr: text, json or github.", valueName: "format"))
  var diagnosticsFormat: DiagnosticFormat = .text

  var format: DiagnosticFormat { diagnosticsFormat }
}

extension MatrixFormat: ExpressibleByArgument {}
