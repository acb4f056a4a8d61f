public import ArgumentParser
import SkuCompiler

struct Skuc: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "skuc",
    abstract: "Compile marketplace pricing catalogs into exact, deterministic publishing payloads.",
    discussion: """
      A catalog is a directory of YAML product files (default: Catalogs). skuc expands each \
      spec's SKU matrix, prices every SKU and period exactly, checks the pricing invariants, \
      and writes one payload per product (catalog language: skuc 1, spec catalog-v1).

      Exit status: 0 success, 1 the catalog has errors or a diff gate tripped, 2 usage or \
      I/O error, 130/143 interrupted.

      Examples:
        skuc check                       # validate Catalogs/ and print diagnostics
        skuc matrix                      # review every SKU and its prices
        skuc diff git:main Catalogs      # what a change does to every price
        skuc report --out review.html    # every price on one page, for reviewers
        skuc checklist --product ID      # what to type in the seller console, step by step
        skuc init --type saas            # start from a commented example
        skuc build --out build/payloads  # write the payloads and manifest atomically
        skuc help build                  # more about one command
      """,
    version: SkucVersion.description,
    subcommands: [
      CheckCommand.self, BuildCommand.self, MatrixCommand.self, QuoteCommand.self,
      DiffCommand.self, InitCommand.self, ReportCommand.self, ChecklistCommand.self,
    ]
  )
}

/// The catalog tree a command reads.
struct CatalogArgument: ParsableArguments {
  @Argument(help: "The catalog directory (or a single .yaml file).")
  var path: String = "Catalogs"
}

/// The catalog trees `check` and `build` read: several paths make one catalog, each read as
/// its own root (a pre-commit hook passes the staged files).
struct CatalogPathsArgument: ParsableArguments {
  @Argument(help: "Catalog directories or .yaml files (default: Catalogs).")
  var paths: [String] = []

  var resolved: [String] { paths.isEmpty ? ["Catalogs"] : paths }
}

/// Options shared by commands that print diagnostics as their main output.
struct DiagnosticFlags: ParsableArguments {
  @Option(
    name: .long,
    help: "Diagnostics format: text (stderr, with source lines), json or github (stdout).")
  var format: DiagnosticFormat = .text

  @Flag(name: .long, help: "Treat warnings as errors (exit 1 when any is found).")
  var warningsAsErrors = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Acknowledge a warning code: counted in the summary, not printed, and not an error "
        + "under --warnings-as-errors (repeatable; for CI configuration).",
      valueName: "code"))
  var allow: [String] = []

  func options() throws(UsageError) -> DiagnosticOptions {
    DiagnosticOptions(
      format: format, warningsAsErrors: warningsAsErrors,
      allowed: try DiagnosticOptions.allowedCodes(allow))
  }
}

extension DiagnosticFormat: ExpressibleByArgument {}

enum SkucVersion {
  static let tool = "0.1.0"
  static let description = "skuc \(tool) (catalog language 1, spec catalog-v1)"
}

extension Skuc {
  /// `skuc help nosuch` is a usage error (exit 2); argument-parser alone would print the
  /// overview and exit 0, which hides a typo in a script.
  static func rejectHelpForUnknownCommand(_ arguments: [String]) throws(UsageError) {
    guard arguments.first == "help", let name = arguments.dropFirst().first,
      !name.hasPrefix("-")
    else { return }
    let names = configuration.subcommands.compactMap { $0.configuration.commandName }
    guard !names.contains(name) else { return }
    var message = "unknown command '\(name)'"
    if let suggestion = Suggestions.closest(to: name, among: names) {
      message += "; did you mean '\(suggestion)'?"
    }
    throw UsageError(message + " (commands: \(names.joined(separator: ", ")))")
  }
}
