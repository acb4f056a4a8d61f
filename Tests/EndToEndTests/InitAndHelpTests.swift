import Foundation
import Testing

/// `skuc init` writes catalogs that check clean, and never overwrites; every command's help
/// has examples; shell completion and --version work.
@Suite struct InitAndHelpTests {
  static let types = [
    "saas", "license", "image", "manual-service", "hardware", "api", "ai-asset", "data-asset",
  ]

  @Test(arguments: types)
  func starterCatalogChecksClean(type: String) throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let directory = temp.appendingPathComponent("catalogs").path
    let result = try skuc(["init", directory, "--type", type])
    #expect(result.status == 0, "\(result.stderr)")
    let file = "\(directory)/\(type)-example.yaml"
    #expect(result.stdout.contains("wrote \(file)"))
    let check = try skuc(["check", directory, "--warnings-as-errors"])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stderr.isEmpty, "\(check.stderr)")
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.contains("type: \(type)"))
    #expect(text.contains("zh-CN") && text.contains("en-US"))
    #expect(text.hasPrefix("# "))
    // Every spec uses a billing mode the type allows (the check above would fail otherwise);
    // the matrix shows at least one SKU per spec.
    let matrix = try skuc(["matrix", directory])
    #expect(matrix.status == 0)
    #expect(matrix.stdout.contains("\(type)-example / "))
  }

  @Test func allStarterCatalogsFitInOneTree() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    for type in Self.types {
      #expect(try skuc(["init", temp.path, "--type", type]).status == 0)
    }
    let check = try skuc(["check", temp.path, "--warnings-as-errors"])
    #expect(check.status == 0, "\(check.stderr)")
    let build = try skuc(["build", temp.path, "--out", temp.appendingPathComponent("out").path])
    #expect(build.status == 0, "\(build.stderr)")
  }

  @Test func initNeverOverwrites() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    #expect(try skuc(["init", temp.path]).status == 0)
    let file = temp.appendingPathComponent("saas-example.yaml")
    try Data("mine\n".utf8).write(to: file)
    let again = try skuc(["init", temp.path])
    #expect(again.status == 2)
    #expect(again.stderr.contains("already exists"))
    #expect(try String(contentsOf: file, encoding: .utf8) == "mine\n")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: temp.path).filter {
      $0.hasPrefix(".")
    }
    #expect(leftovers.isEmpty)
  }

  @Test func initCreatesTheDirectoryButNotItsParent() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let missingParent = try skuc(["init", temp.appendingPathComponent("a/b").path])
    #expect(missingParent.status == 2)
    #expect(missingParent.stderr.contains("parent directory must exist"))
    try writeTree(["file.txt": "x"], at: temp)
    let notDirectory = try skuc(["init", temp.appendingPathComponent("file.txt").path])
    #expect(notDirectory.status == 2)
    #expect(notDirectory.stderr.contains("is not a directory"))
    // DIR defaults to Catalogs in the working directory.
    let defaulted = try skuc(["init", "--type", "api"], in: temp)
    #expect(defaulted.status == 0, "\(defaulted.stderr)")
    #expect(
      FileManager.default.fileExists(
        atPath: temp.appendingPathComponent("Catalogs/api-example.yaml").path))
    let badType = try skuc(["init", temp.path, "--type", "software"])
    #expect(badType.status == 2)
  }

  /// Inside a tree that holds skuc's schema the modeline points at it, relative to the file;
  /// elsewhere the file explains how to set one up instead of pointing nowhere.
  @Test func schemaModeline() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    try writeTree(["repo/Schemas/catalog.schema.json": "{}"], at: temp)
    #expect(try skuc(["init", temp.appendingPathComponent("repo/Catalogs/saas").path]).status == 2)
    try FileManager.default.createDirectory(
      at: temp.appendingPathComponent("repo/Catalogs"), withIntermediateDirectories: true)
    #expect(try skuc(["init", temp.appendingPathComponent("repo/Catalogs/saas").path]).status == 0)
    let inside = try String(
      contentsOf: temp.appendingPathComponent("repo/Catalogs/saas/saas-example.yaml"),
      encoding: .utf8)
    #expect(inside.hasPrefix("# yaml-language-server: $schema=../../Schemas/catalog.schema.json\n"))
    #expect(try skuc(["init", temp.appendingPathComponent("elsewhere").path]).status == 0)
    let outside = try String(
      contentsOf: temp.appendingPathComponent("elsewhere/saas-example.yaml"), encoding: .utf8)
    #expect(!outside.hasPrefix("# yaml-language-server"))
    #expect(outside.contains("Schemas/catalog.schema.json"))
  }

  @Test(arguments: ["check", "build", "matrix", "quote", "init"])
  func everyCommandHelpHasExamples(command: String) throws {
    let result = try skuc([command, "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Examples:"), "\(result.stdout)")
    #expect(result.stdout.contains("skuc \(command)"))
  }

  @Test(arguments: ["bash", "zsh", "fish"])
  func completionScripts(shell: String) throws {
    let result = try skuc(["--generate-completion-script", shell])
    #expect(result.status == 0, "\(result.stderr)")
    for command in ["check", "build", "matrix", "quote", "init"] {
      #expect(result.stdout.contains(command), "\(shell) completion lacks \(command)")
    }
    #expect(result.stdout.contains("diagnostics-format"))
  }

  @Test func versionNamesTheSpec() throws {
    let result = try skuc(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("catalog-v1"))
  }
}
