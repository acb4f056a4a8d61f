public import ArgumentParser
import SkuCompiler

struct QuoteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quote",
    abstract: "Price one configuration and print how each step contributed.",
    discussion: """
      Prints a receipt: each pricing step with its file:line, whether its when matched, the \
      table entries it used, the price and unit prices before and after; then the rounding, the \
      cost of each quantity by tier, and the total. The total is computed like the from price, \
      with the given quantities in place of the minimums (a quantity not given takes its \
      minimum). --period defaults to the spec's first period. An unknown, removed, off-grid or \
      out-of-range choice is exit 2, with the nearest valid choices.

      Examples:
        skuc quote --product yunke-crm --spec subscription \\
          --select edition=enterprise --select support=premium \\
          --period year --quantity users=45
        skuc quote --product ocr-api --spec pay-per-call --select model=invoice
        skuc quote --product design-suite-license --spec perpetual \\
          --select edition=professional --quantity seats=50 --format json
      """
  )

  @OptionGroup var catalog: CatalogArgument

  @Option(name: .long, help: ArgumentHelp("The product.", valueName: "id"))
  var product: String

  @Option(name: .long, help: ArgumentHelp("The spec of that product.", valueName: "id"))
  var spec: String

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A value for an enum attribute of the spec; repeat for each.", valueName: "attr=value"))
  var select: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp("month or year (default: the spec's first period).", valueName: "period"))
  var period: String?

  @Option(
    name: .long,
    help: ArgumentHelp("A quantity (default: its minimum); repeat for each.", valueName: "attr=n"))
  var quantity: [String] = []

  @Option(name: .long, help: "Output format: text or json.")
  var format: QuoteFormat = .text

  @OptionGroup var diagnostics: OwnOutputDiagnostics

  func run() throws {
    let request = QuoteRequest(
      product: product, spec: spec, selections: select, period: period, quantities: quantity)
    try ExitCode.from(
      Driver.quote(
        catalog.path, request: request, format: format, diagnostics: diagnostics.format,
        output: StandardStreams.shared))
  }
}

extension QuoteFormat: ExpressibleByArgument {}
