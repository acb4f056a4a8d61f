import Foundation
import Testing

@testable import SkuCompiler

/// A throwaway repository with two commits, built with the real git.
private final class Repository {
  let directory: TemporaryDirectory
  var path: String { directory.path }

  init() throws {
    directory = try TemporaryDirectory()
    try git("init", "-q")
  }

  func git(_ arguments: String...) throws {
    let result = try run(
      "/usr/bin/env",
      ["git", "-c", "user.name=t", "-c", "user.email=t@e", "-c", "core.symlinks=true"]
        + arguments, in: path)
    guard result.status == 0 else {
      throw TestSetupError("git \(arguments.joined(separator: " ")): \(result.error)")
    }
  }

  func commit(_ message: String) throws {
    try git("add", "-A")
    try git("commit", "-q", "-m", message)
  }
}

@Suite("Catalog tree at a git revision", .timeLimit(.minutes(1)))
struct GitTreeSourceTests {
  @Test func parsesTheGitForm() throws {
    #expect(try GitTreeSource.parse("Catalogs") == nil)
    #expect(
      try GitTreeSource.parse("git:HEAD") == GitTreeSource(revision: "HEAD", path: "Catalogs"))
    #expect(
      try GitTreeSource.parse("git:HEAD~1:other/dir")
        == GitTreeSource(revision: "HEAD~1", path: "other/dir"))
    #expect(throws: CatalogTreeError.self) { try GitTreeSource.parse("git:") }
    #expect(throws: CatalogTreeError.self) { try GitTreeSource.parse("git::Catalogs") }
    #expect(throws: CatalogTreeError.self) { try GitTreeSource.parse("git:HEAD:") }
    #expect(GitTreeSource(revision: "v1", path: "./Catalogs/").normalizedPath == "Catalogs")
    #expect(GitTreeSource(revision: "v1", path: ".").normalizedPath == "")
    #expect(GitTreeSource(revision: "v1", path: "a//b/./c/").normalizedPath == "a/b/c")
  }

  @Test func readsAnEarlierRevisionWithoutTouchingTheWorkingTreeOrIndex() throws {
    let repo = try Repository()
    try repo.directory.write("Catalogs/crm.yaml", "version: 1\n")
    try repo.directory.write("Catalogs/sub/b.yml", "b\n")
    try repo.directory.write("Catalogs/a-b.yaml", "ab\n")
    try repo.directory.write("Catalogs/_drafts/d.yaml", "draft\n")
    try repo.directory.write("Catalogs/.hidden.yaml", "hidden\n")
    try repo.directory.write("Catalogs/README.md", "readme\n")
    try repo.directory.write("Other/o.yaml", "other\n")
    try repo.commit("one")
    try repo.directory.write("Catalogs/crm.yaml", "version: 2\n")
    try repo.directory.write("Catalogs/new.yaml", "new\n")
    try repo.commit("two")
    try repo.directory.write("Catalogs/crm.yaml", "uncommitted\n")
    let indexBefore = try repo.directory.snapshot(".git")["index"]
    let worktreeBefore = try repo.directory.snapshot("Catalogs")

    let reading = try GitTreeSource(revision: "HEAD~1").read(inDirectory: repo.path)
    #expect(reading.diagnostics.isEmpty)
    #expect(
      reading.files.map(\.path) == [
        "HEAD~1:Catalogs/a-b.yaml", "HEAD~1:Catalogs/crm.yaml", "HEAD~1:Catalogs/sub/b.yml",
      ])
    #expect(reading.files[1].bytes == Array("version: 1\n".utf8))

    let head = try GitTreeSource(revision: "HEAD", path: "Catalogs/sub").read(
      inDirectory: repo.path)
    #expect(head.files.map(\.path) == ["HEAD:Catalogs/sub/b.yml"])
    let single = try GitTreeSource(revision: "HEAD", path: "Catalogs/crm.yaml")
      .read(inDirectory: repo.path)
    #expect(single.files.map(\.path) == ["HEAD:Catalogs/crm.yaml"])
    #expect(single.files.first?.bytes == Array("version: 2\n".utf8))
    let whole = try GitTreeSource(revision: "HEAD", path: ".").read(inDirectory: repo.path)
    #expect(whole.files.map(\.path).contains("HEAD:Other/o.yaml"))

    #expect(try repo.directory.snapshot(".git")["index"] == indexBefore)
    #expect(try repo.directory.snapshot("Catalogs") == worktreeBefore)
  }

  @Test func badRevisionsPathsAndRepositoriesAreUsageErrors() throws {
    let repo = try Repository()
    try repo.directory.write("Catalogs/crm.yaml", "x\n")
    try repo.directory.write("notes.txt", "x\n")
    try repo.commit("one")
    func message(_ source: GitTreeSource, in directory: String) -> String? {
      do {
        _ = try source.read(inDirectory: directory)
        return nil
      } catch {
        return error.message
      }
    }
    #expect(
      message(GitTreeSource(revision: "no-such-branch"), in: repo.path)
        == "cannot read git:no-such-branch:Catalogs: unknown revision 'no-such-branch'")
    #expect(
      message(GitTreeSource(revision: "HEAD", path: "Missing"), in: repo.path)
        == "'Missing' does not exist at revision 'HEAD'; name the catalog directory at that "
        + "revision as git:HEAD:PATH (PATH from the repository's top level)")
    #expect(
      message(GitTreeSource(revision: "HEAD", path: "notes.txt"), in: repo.path)
        == "'notes.txt' at revision 'HEAD' is neither a directory nor a .yaml or .yml file")
    #expect(
      message(GitTreeSource(revision: "--output=x"), in: repo.path)
        == "revision '--output=x' must not start with '-'")
    let outside = try TemporaryDirectory()
    #expect(
      message(GitTreeSource(revision: "HEAD"), in: outside.path)?
        .hasPrefix("cannot read git:HEAD:Catalogs: fatal: not a git repository") == true)
  }

  @Test func linksSubmodulesDirectoriesAndLargeBlobsFollowTheTreeRules() throws {
    let repo = try Repository()
    try repo.directory.write("Catalogs/ok.yaml", "ok\n")
    try repo.directory.write("Catalogs/x.yaml/inner.yaml", "inner\n")
    try repo.directory.write("Catalogs/x.yaml/more.yaml", "more\n")
    try repo.directory.symlink("Catalogs/link.yaml", to: "ok.yaml")
    try repo.directory.symlink("Catalogs/link-dir", to: "x.yaml")
    try repo.directory.write(
      "Catalogs/big.yaml", bytes: [UInt8](repeating: 0x20, count: YAMLFrontEnd.maximumFileSize + 1))
    try repo.commit("one")

    let reading = try GitTreeSource(revision: "HEAD").read(inDirectory: repo.path)
    #expect(reading.files.map(\.path) == ["HEAD:Catalogs/ok.yaml"])
    #expect(
      reading.diagnostics.map { "\($0.range?.file ?? ""): \($0.code.rawValue) \($0.message)" } == [
        "HEAD:Catalogs/big.yaml: Y001 file is larger than 16 MiB (16777216 bytes), the limit for a catalog file",
        "HEAD:Catalogs/link.yaml: Y030 is a symbolic link; skuc does not follow links inside a git revision",
        "HEAD:Catalogs/x.yaml: Y030 is a directory, not a catalog file",
      ])
  }

  @Test func aRevisionWithoutCatalogFilesIsOneDiagnostic() throws {
    let repo = try Repository()
    try repo.directory.write("Catalogs/README.md", "x\n")
    try repo.commit("one")
    let reading = try GitTreeSource(revision: "HEAD").read(inDirectory: repo.path)
    #expect(reading.files.isEmpty)
    #expect(reading.diagnostics.map(\.code) == [.emptyCatalogTree])
    #expect(
      reading.diagnostics.first?.message == "no *.yaml or *.yml files under git:HEAD:Catalogs")
  }
}
