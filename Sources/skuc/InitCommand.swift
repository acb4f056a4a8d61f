public import ArgumentParser
import SkuCompiler

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Write a commented starter catalog for one product type.",
    discussion: """
      Writes DIR/<type>-example.yaml: a realistic product in zh-CN and en-US, with comments, \
      that passes skuc check as written and uses only the billing modes the type allows. DIR is \
      created when missing (its parent must exist). An existing file is never overwritten \
      (exit 2).

      Examples:
        skuc init                         # Catalogs/saas-example.yaml
        skuc init Catalogs/api --type api
        skuc init drafts --type manual-service && skuc check drafts
      """
  )

  @Argument(help: "The directory to write into.")
  var directory: String = "Catalogs"

  @Option(
    name: .long,
    help: "The product type: \(ProductType.allCases.map(\.rawValue).joined(separator: ", ")).")
  var type: ProductType = .saas

  func run() throws {
    try ExitCode.from(Driver.initCatalog(directory, type: type, output: StandardStreams.shared))
  }
}

extension ProductType: ExpressibleByArgument {}
