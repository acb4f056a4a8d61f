import Foundation
import Testing

/// `git:REV[:PATH]` paths are normalised, and `git:REV` without a PATH takes the other side's
/// place in the repository (spec §15); a PATH missing at REV says how to name it.
@Suite("Git paths", .serialized)
struct GitPathTests {
  /// A repository whose catalog lives in `apps/Catalogs`, not at the top level.
  func repository() throws -> URL {
    let root = try Paths.temporaryDirectory()
    let saas = root.appendingPathComponent("apps/Catalogs/saas")
    try FileManager.default.createDirectory(at: saas, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: Paths.catalogs + "/saas/crm.yaml",
      toPath: saas.appendingPathComponent("crm.yaml").path)
    for arguments in [
      ["init", "-q"], ["add", "."],
      [
        "-c", "user.name=skuc tests", "-c", "user.email=tests@skuc.invalid", "-c",
        "commit.gpgsign=false", "commit", "-q", "-m", "one",
      ],
    ] {
      let status = try runProcess("/usr/bin/env", ["git"] + arguments, in: root).status
      if status != 0 { throw CocoaError(.fileWriteUnknown) }
    }
    return root
  }

  @Test(arguments: [
    "git:HEAD:apps/Catalogs//saas", "git:HEAD:./apps/Catalogs/saas/",
    "git:HEAD:apps/./Catalogs/saas",
  ])
  func pathsWithDoubleSlashesDotsAndTrailingSlashesWork(side: String) throws {
    let root = try repository()
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try skuc(["diff", side, "apps/Catalogs/saas"], in: root)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "no changes\n")
  }

  @Test func aRevisionWithoutAPathTakesTheOtherSidesPlaceInTheRepository() throws {
    let root = try repository()
    defer { try? FileManager.default.removeItem(at: root) }
    let fromTop = try skuc(["diff", "git:HEAD", "apps/Catalogs"], in: root)
    #expect(fromTop.status == 0, "\(fromTop.stderr)")
    #expect(fromTop.stdout == "no changes\n")
    let fromInside = try skuc(
      ["diff", "git:HEAD", "Catalogs"], in: root.appendingPathComponent("apps"))
    #expect(fromInside.status == 0, "\(fromInside.stderr)")
    #expect(fromInside.stdout == "no changes\n")
  }

  @Test func aPathMissingAtTheRevisionNamesHowToWriteIt() throws {
    let root = try repository()
    defer { try? FileManager.default.removeItem(at: root) }
    // The project's own Catalogs lie in another repository: the default stays `Catalogs`.
    let result = try skuc(["diff", "git:HEAD", Paths.catalogs], in: root)
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "skuc: error: 'Catalogs' does not exist at revision 'HEAD'; name the catalog directory at that revision as git:HEAD:PATH (PATH from the repository's top level)\n"
    )
  }
}
