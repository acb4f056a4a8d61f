public import ArgumentParser
import SkuCompiler

struct ChecklistCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "checklist",
    abstract: "Print the steps to publish a product in the KooGallery seller console.",
    discussion: """
      KooGallery has no publishing API: a seller types every attribute, value, SKU and price \
      into the seller console. The checklist lists them in the console's order and words: \
      the attributes to create, then per spec the billing mode, periods, trial, the values to \
      tick, the SKUs the console generates and which of them to delete (with the rule that \
      removed each), and every price and tier table to enter. Diagnostics go to stderr; a \
      catalog with errors prints no checklist (exit 1). With --against OLD the steps change \
      the published version OLD into this one: add first, then change, then delist (a \
      published spec or SKU is never deleted), with what the console will not change (trials).

      Examples:
        skuc checklist --product yunke-crm
        skuc checklist --product yunke-crm --spec subscription --locale en-US
        skuc checklist --product ocr-api --format markdown > checklist.md
        skuc checklist --product yunke-crm --against git:v1.4   # change a published product
      """
  )

  @OptionGroup var catalog: CatalogArgument

  @Option(name: .long, help: ArgumentHelp("The product to publish.", valueName: "id"))
  var product: String

  @Option(name: .long, help: ArgumentHelp("Only this spec.", valueName: "id"))
  var spec: String?

  @Option(name: .long, help: "Output format: text or markdown.")
  var format: ChecklistFormat = .text

  @Option(name: .long, help: "The console language: zh-CN (default) or en-US.")
  var locale: ConsoleLocale = .zhCN

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The published version (a catalog, git:REV[:PATH] or a payload directory): print the "
        + "steps that change it instead.", valueName: "old"))
  var against: String?

  @OptionGroup var diagnostics: OwnOutputDiagnostics

  func run() throws {
    try ExitCode.from(
      Driver.checklist(
        catalog.path,
        request: ChecklistRequest(
          product: product, spec: spec, format: format, locale: locale, against: against),
        diagnostics: diagnostics.format, output: StandardStreams.shared))
  }
}

extension ChecklistFormat: ExpressibleByArgument {}
extension ConsoleLocale: ExpressibleByArgument {}
