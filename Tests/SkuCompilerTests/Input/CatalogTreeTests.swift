import Foundation
import Testing

@testable import SkuCompiler

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("Catalog tree on disk", .timeLimit(.minutes(1)))
struct CatalogTreeTests {
  private func messages(_ reading: CatalogTreeReading) -> [String: String] {
    Dictionary(
      reading.diagnostics.map { ($0.range?.file ?? "", $0.message) }, uniquingKeysWith: { $1 })
  }

  @Test func readsCatalogFilesInBytewisePathOrderAndSkipsHiddenAndDrafts() throws {
    let tree = try TemporaryDirectory()
    for name in [
      "b.yaml", "a.yaml", "a-b.yaml", "a/x.yaml", "a/z.yml", "Z.yaml", "z.yaml", "é.yaml",
      "_drafts/d.yaml", ".git/g.yaml", "_skip.yaml", ".hidden.yaml", "README.md",
      "sub/notes.txt", "sub/_private/p.yaml", "upper.YAML",
    ] {
      try tree.write("Catalogs/" + name, "name: \(name)\n")
    }
    let reading = try CatalogTree.read(tree.url("Catalogs"))
    let root = tree.url("Catalogs/")
    #expect(
      reading.files.map(\.path)
        == [
          "Z.yaml", "a-b.yaml", "a.yaml", "a/x.yaml", "a/z.yml", "b.yaml", "z.yaml", "é.yaml",
        ].map { root + $0 })
    #expect(reading.files.first?.bytes == Array("name: Z.yaml\n".utf8))
    #expect(reading.diagnostics.isEmpty)
  }

  @Test func displayPathsKeepThePathAsWritten() throws {
    let tree = try TemporaryDirectory()
    try tree.write("Catalogs/saas/crm.yaml", "x")
    let withSlash = try CatalogTree.read(tree.url("Catalogs//"))
    #expect(withSlash.files.map(\.path) == [tree.url("Catalogs/saas/crm.yaml")])
    let single = try CatalogTree.read(tree.url("Catalogs/saas/crm.yaml"))
    #expect(single.files.map(\.path) == [tree.url("Catalogs/saas/crm.yaml")])
  }

  @Test func aMissingPathOrAPathThatIsNoCatalogIsAUsageError() throws {
    let tree = try TemporaryDirectory()
    try tree.write("notes.txt", "x")
    #expect(throws: CatalogTreeError.self) { try CatalogTree.read(tree.url("absent")) }
    #expect(throws: CatalogTreeError.self) { try CatalogTree.read(tree.url("notes.txt")) }
    #expect(throws: CatalogTreeError.self) { try CatalogTree.read("") }
    do {
      _ = try CatalogTree.read(tree.url("absent"))
    } catch {
      #expect(error.message == "catalog path '\(tree.url("absent"))' does not exist")
    }
  }

  @Test func aTreeWithoutCatalogFilesIsOneDiagnosticWithoutALocation() throws {
    let tree = try TemporaryDirectory()
    try tree.write("Catalogs/README.md", "x")
    try tree.write("Catalogs/_drafts/a.yaml", "x")
    let reading = try CatalogTree.read(tree.url("Catalogs"))
    #expect(reading.files.isEmpty)
    #expect(reading.diagnostics.count == 1)
    #expect(reading.diagnostics.first?.code == .emptyCatalogTree)
    #expect(reading.diagnostics.first?.range == nil)
    #expect(
      reading.diagnostics.first?.message == "no *.yaml or *.yml files under \(tree.url("Catalogs"))"
    )
  }

  @Test func followsSymbolicLinksInsideTheRootAndRefusesThoseThatLeaveIt() throws {
    let tree = try TemporaryDirectory()
    try tree.write("Catalogs/_shared/x.yaml", "shared")
    try tree.write("Catalogs/_one.yaml", "one")
    try tree.write("shared/y.yaml", "outside")
    try tree.write("outside.yaml", "outside")
    try tree.symlink("Catalogs/linked", to: "_shared")
    try tree.symlink("Catalogs/l.yaml", to: "_one.yaml")
    try tree.symlink("Catalogs/out", to: "../shared")
    try tree.symlink("Catalogs/out.yaml", to: "../outside.yaml")
    try tree.symlink("Catalogs/notes.txt", to: "../outside.yaml")
    let reading = try CatalogTree.read(tree.url("Catalogs"))
    #expect(
      reading.files.map(\.path) == [
        tree.url("Catalogs/l.yaml"), tree.url("Catalogs/linked/x.yaml"),
      ])
    #expect(
      reading.files.map { String(decoding: $0.bytes, as: UTF8.self) } == ["one", "shared"])
    #expect(reading.diagnostics.map(\.code) == [.linkLeavesRoot, .linkLeavesRoot])
    #expect(
      reading.diagnostics.map(\.range?.file) == [
        tree.url("Catalogs/out"), tree.url("Catalogs/out.yaml"),
      ])
  }

  @Test func aSecondWayIntoADirectoryIsSkippedWithAWarning() throws {
    let tree = try TemporaryDirectory()
    try tree.write("Catalogs/b/x.yaml", "x")
    try tree.symlink("Catalogs/a", to: "b")
    let reading = try CatalogTree.read(tree.url("Catalogs"))
    #expect(reading.files.map(\.path) == [tree.url("Catalogs/b/x.yaml")])
    #expect(reading.diagnostics.map(\.severity) == [.warning])
    #expect(
      reading.diagnostics.first?.message
        == "this directory was already read as '\(tree.url("Catalogs/b"))'; this second way in is skipped"
    )
  }

  @Test func theWalkStopsAtTheEntryBound() throws {
    let tree = try TemporaryDirectory()
    for name in ["a.yaml", "b.yaml", "c/d.yaml", "e.yaml"] {
      try tree.write("Catalogs/" + name, "x")
    }
    let reading = try CatalogTree.read(tree.url("Catalogs"), maximumEntries: 3)
    #expect(
      reading.files.map(\.path) == [tree.url("Catalogs/a.yaml"), tree.url("Catalogs/b.yaml")])
    #expect(reading.diagnostics.map(\.code) == [.tooManyTreeEntries])
    #expect(reading.diagnostics.first?.range?.file == tree.url("Catalogs/c/d.yaml"))
  }

  @Test func aDirectoryLinkBackIntoItsParentsIsASymlinkLoopNotAHang() throws {
    let tree = try TemporaryDirectory()
    try tree.write("Catalogs/a/ok.yaml", "x")
    try tree.symlink("Catalogs/a/up", to: "..")
    try tree.symlink("Catalogs/a/self", to: ".")
    let reading = try CatalogTree.read(tree.url("Catalogs"))
    #expect(reading.files.map(\.path) == [tree.url("Catalogs/a/ok.yaml")])
    let found = messages(reading)
    #expect(found[tree.url("Catalogs/a/up")]?.hasPrefix("symlink loop") == true)
    #expect(found[tree.url("Catalogs/a/self")]?.hasPrefix("symlink loop") == true)
    #expect(reading.diagnostics.allSatisfy { $0.code == .unreadableFile && $0.severity == .error })
    #expect(
      reading.diagnostics.allSatisfy { $0.range?.start.line == 1 && $0.range?.start.column == 1 })
  }

  @Test func danglingAndLoopingLinksWithCatalogNamesAreErrors() throws {
    let tree = try TemporaryDirectory()
    try tree.write("Catalogs/ok.yaml", "x")
    try tree.symlink("Catalogs/gone.yaml", to: "missing.yaml")
    try tree.symlink("Catalogs/me.yaml", to: "me.yaml")
    try tree.symlink("Catalogs/gone-notes", to: "missing")
    let reading = try CatalogTree.read(tree.url("Catalogs"))
    #expect(reading.files.map(\.path) == [tree.url("Catalogs/ok.yaml")])
    let found = messages(reading)
    #expect(found.count == 2)
    #expect(found[tree.url("Catalogs/gone.yaml")]?.hasPrefix("dangling symbolic link") == true)
    #expect(found[tree.url("Catalogs/me.yaml")]?.hasPrefix("symlink loop") == true)
  }

  @Test func aDirectoryNamedLikeACatalogFileIsAnErrorAndNotEntered() throws {
    let tree = try TemporaryDirectory()
    try tree.write("Catalogs/x.yaml/inner.yaml", "x")
    try tree.write("Catalogs/y.yaml", "y")
    let reading = try CatalogTree.read(tree.url("Catalogs"))
    #expect(reading.files.map(\.path) == [tree.url("Catalogs/y.yaml")])
    #expect(
      messages(reading) == [tree.url("Catalogs/x.yaml"): "is a directory, not a catalog file"])
  }

  @Test func fifosAndDevicesAreReportedWithoutBeingOpened() throws {
    let tree = try TemporaryDirectory()
    try tree.write("Catalogs/ok.yaml", "x")
    // Opening a FIFO for reading blocks until a writer appears: the time limit catches a hang.
    try tree.fifo("Catalogs/pipe.yaml")
    try tree.fifo("Catalogs/pipe.txt")
    try tree.symlink("Catalogs/null.yaml", to: "/dev/null")
    let reading = try CatalogTree.read(tree.url("Catalogs"))
    #expect(reading.files.map(\.path) == [tree.url("Catalogs/ok.yaml")])
    #expect(
      messages(reading) == [
        tree.url("Catalogs/pipe.yaml"): "is a FIFO, not a regular file",
        tree.url("Catalogs/null.yaml"):
          "symbolic link leads outside the catalog root; skuc does not follow it",
      ])
    let single = try CatalogTree.read(tree.url("Catalogs/pipe.yaml"))
    #expect(single.files.isEmpty)
    #expect(single.diagnostics.map(\.message) == ["is a FIFO, not a regular file"])
  }

  @Test func aFileLargerThanTheLimitIsReportedAndOneAtTheLimitIsRead() throws {
    let tree = try TemporaryDirectory()
    try tree.makeDirectory("Catalogs")
    for (name, size) in [
      ("big.yaml", YAMLFrontEnd.maximumFileSize + 1), ("edge.yaml", YAMLFrontEnd.maximumFileSize),
    ] {
      let descriptor = open(tree.url("Catalogs/" + name), O_CREAT | O_WRONLY, 0o644)
      #expect(ftruncate(descriptor, off_t(size)) == 0)
      close(descriptor)
    }
    let reading = try CatalogTree.read(tree.url("Catalogs"))
    #expect(reading.files.map(\.path) == [tree.url("Catalogs/edge.yaml")])
    #expect(reading.files.first?.bytes.count == YAMLFrontEnd.maximumFileSize)
    #expect(reading.diagnostics.map(\.code) == [.fileTooLarge])
    #expect(reading.diagnostics.first?.range?.file == tree.url("Catalogs/big.yaml"))
  }

  @Test func sizeIsMeasuredByReadingNotTrustedFromStat() throws {
    // /proc files report st_size 0 but have content: the bounded read must still see it.
    var walker = TreeWalker(root: "/proc", realRoot: "/", identity: nil, maximumEntries: 10)
    walker.readFile(at: "/proc/self/status", display: "status.yaml")
    let reading = walker.finish()
    #expect(reading.diagnostics.isEmpty)
    let text = String(decoding: reading.files.first?.bytes ?? [], as: UTF8.self)
    #expect(text.contains("Pid:"))
  }

  @Test func aReadErrorIsReportedAndTheOtherFilesAreStillRead() throws {
    let tree = try TemporaryDirectory()
    try tree.write("Catalogs/a.yaml", "a")
    var walker = TreeWalker(root: "/proc", realRoot: "/", identity: nil, maximumEntries: 10)
    walker.readFile(at: tree.url("Catalogs/a.yaml"), display: "a.yaml")
    // Reading /proc/self/mem at offset 0 fails with EIO, even for root.
    walker.readFile(at: "/proc/self/mem", display: "b.yaml")
    let reading = walker.finish()
    #expect(reading.files.map(\.path) == ["a.yaml"])
    #expect(messages(reading) == ["b.yaml": "cannot read file: Input/output error"])
  }

  @Test(.enabled(if: !runningAsRoot, "root reads files whatever their permission bits say"))
  func anUnreadableFileOrDirectoryIsReportedWithTheErrnoText() throws {
    let tree = try TemporaryDirectory()
    try tree.write("Catalogs/a.yaml", "a")
    try tree.write("Catalogs/locked.yaml", "x")
    try tree.write("Catalogs/closed/b.yaml", "b")
    chmod(tree.url("Catalogs/locked.yaml"), 0)
    chmod(tree.url("Catalogs/closed"), 0)
    let reading = try CatalogTree.read(tree.url("Catalogs"))
    #expect(reading.files.map(\.path) == [tree.url("Catalogs/a.yaml")])
    #expect(
      messages(reading) == [
        tree.url("Catalogs/closed"): "cannot read directory: Permission denied",
        tree.url("Catalogs/locked.yaml"): "cannot read file: Permission denied",
      ])
  }

  @Test func displayPrefixes() {
    #expect(TreeWalker.displayPrefix(for: "Catalogs") == "Catalogs/")
    #expect(TreeWalker.displayPrefix(for: "Catalogs///") == "Catalogs/")
    #expect(TreeWalker.displayPrefix(for: ".") == "")
    #expect(TreeWalker.displayPrefix(for: "./") == "")
    #expect(TreeWalker.displayPrefix(for: "/") == "/")
    #expect(TreeWalker.displayPrefix(for: "../x") == "../x/")
  }
}
