import ArgumentParser
import SkuCompiler

@main
struct Skuc: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "skuc",
    abstract: "Compile marketplace pricing catalogs."
  )
}
