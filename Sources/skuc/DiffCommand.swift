public import ArgumentParser
import SkuCompiler

struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Compare two catalog versions: additions, price changes and delists.",
    discussion: """
      OLD and NEW are each a catalog directory, a payload directory written by `skuc build` \
      (it holds manifest.json; every payload's SHA-256 is checked), or git:REV[:PATH], the \
      tree PATH at revision REV of the repository around the current directory, read without \
      touching the working tree or the index. Without PATH, when the other side is a \
      directory of the same repository, PATH is that directory's place in it; otherwise \
      Catalogs.

      Products match by id, specs by id and SKUs by key, so reordering attributes or values \
      reports nothing. The plan lists additions, then changes, then delists (a released SKU \
      can only be taken off sale).

      Gates (--fail-on, a comma list; exit 1 when one trips):
        removal          a product, spec or SKU is delisted
        increase:PCT     a price, from price or total at a quantity breakpoint (min, max,
                         each upto and upto+1) rose by more than PCT % (or from 0)
        decrease:PCT     the same fell by more than PCT %
        trial-change     trial days changed
        billing-change   billing or periods changed
        pricing-basis    currency, precision, rounding, a quantity's unit or a usage unit
                         changed
        any              anything in the payloads changed

      Examples:
        skuc diff git:HEAD~1 Catalogs
        skuc diff git:origin/main Catalogs --format markdown > diff.md
        skuc diff build/old-payloads build/payloads --format json
        skuc diff git:v1.4 Catalogs --fail-on removal,increase:10,pricing-basis
      """
  )

  @Argument(help: "The old version: a catalog directory, a payload directory or git:REV[:PATH].")
  var old: String

  @Argument(help: "The new version: a catalog directory, a payload directory or git:REV[:PATH].")
  var new: String

  @Option(
    name: .long, help: "Output format: text, markdown (for pull requests) or json (skuc-diff/1).")
  var format: DiffFormat = .text

  @Option(
    name: .customLong("fail-on"),
    help: ArgumentHelp(
      "Gates that make the diff exit 1: removal, increase:PCT, decrease:PCT, trial-change, billing-change, pricing-basis, any.",
      valueName: "gates"))
  var failOn: [String] = []

  @Option(
    name: .long,
    help: "Format of a side's catalog diagnostics, printed on stderr: text, json or github.")
  var diagnosticsFormat: DiagnosticFormat = .text

  func run() throws {
    try ExitCode.from(
      Driver.diff(
        old: old, new: new, format: format, failOn: failOn, diagnosticsFormat: diagnosticsFormat,
        output: StandardStreams.shared))
  }
}

extension DiffFormat: ExpressibleByArgument {}
