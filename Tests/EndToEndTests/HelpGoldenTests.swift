import Foundation
import Testing

/// Every command's `--help`, as a user reads it, against `Goldens/help/<command>.txt`: a
/// changed option, default or example shows up as a diff in review. Regenerate with
/// `SKUC_UPDATE_GOLDENS=1 swift test --filter HelpGoldenTests`.
@Suite struct HelpGoldenTests {
  static let commands = [
    "", "check", "build", "matrix", "quote", "diff", "report", "init", "checklist",
  ]

  @Test(arguments: commands)
  func helpMatchesItsGolden(command: String) throws {
    let arguments = (command.isEmpty ? [] : [command]) + ["--help"]
    // A fixed width: argument-parser wraps help to the terminal's columns.
    let result = try skuc(arguments, environment: ["COLUMNS": "100"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    try expectGolden(result.stdout, "help/\(command.isEmpty ? "skuc" : command).txt")
  }
}
