#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One product file of a catalog tree, read into memory.
public struct CatalogSourceFile: Sendable, Hashable {
  /// The path as the user should see it in diagnostics (see `SourceRange.file`).
  public var path: String
  public var bytes: [UInt8]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }
}

/// The product files of a catalog tree in byte-wise path order, and the problems met while
/// reading them. A problem with one file (unreadable, too large, a FIFO) is a diagnostic, so
/// that every other file is still read and checked.
public struct CatalogTreeReading: Sendable {
  public var files: [CatalogSourceFile]
  public var diagnostics: [Diagnostic]

  public init(files: [CatalogSourceFile], diagnostics: [Diagnostic]) {
    self.files = files
    self.diagnostics = diagnostics
  }
}

/// A catalog tree that cannot be read at all: PATH is missing, is neither a directory nor a
/// catalog file, or (for `git:`) git or the revision cannot be found. This is a usage or
/// environment error (exit 2), not a catalog error, so it is thrown instead of being reported as
/// a diagnostic.
public struct CatalogTreeError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}

/// Reads a catalog tree from the file system (spec §1, §15 links).
///
/// PATH may be a directory (every `*.yaml` / `*.yml` below it, recursively, skipping names that
/// start with `_` or `.`) or a single catalog file. The tree comes from a pull request, so its
/// links are untrusted: a link is followed only when its resolved target stays inside the root
/// (PATH when it is a directory, else the directory holding the file), and a link that leaves it
/// is an error at the link's path whose target is never opened. Each directory is read once, by
/// device and inode, and the walk stops after `maximumEntries` entries, so that no arrangement
/// of links makes the walk longer than the tree's own size. Dangling links and link chains that
/// loop are reported when their name is a catalog file name; under any other name they are
/// ignored, since there is nothing behind them to read.
public enum CatalogTree {
  /// Far above any real catalog tree (hundreds of files), far below what makes a walk slow.
  public static let maximumEntries = 100_000

  public static func read(
    _ path: String, maximumEntries: Int = CatalogTree.maximumEntries
  ) throws(CatalogTreeError) -> CatalogTreeReading {
    guard !path.isEmpty else { throw CatalogTreeError("the catalog path is empty") }
    let root: FileStatus
    switch POSIX.status(path, followingLinks: true) {
    case .success(let status): root = status
    case .failure(let error) where error.code == ENOENT:
      throw CatalogTreeError("catalog path '\(path)' does not exist")
    case .failure(let error):
      throw CatalogTreeError("cannot read catalog path '\(path)': \(error.text)")
    }

    switch root.kind {
    case .directory:
      let realRoot = try realRoot(of: path, shownAs: path)
      var walker = TreeWalker(
        root: path, realRoot: realRoot, identity: root.identity, maximumEntries: maximumEntries)
      switch POSIX.directoryEntries(realRoot) {
      case .success(let listing):
        walker.walk(listing, directory: realRoot, relative: "", ancestors: [root.identity])
        walker.followPendingLinks()
      case .failure(let error):
        throw CatalogTreeError("cannot read catalog directory '\(path)': \(error.text)")
      }
      return walker.finish()
    case _ where lastComponent(path).isCatalogFileName:
      let parent = parentDirectory(of: path)
      var walker = TreeWalker(
        root: path, realRoot: try realRoot(of: parent, shownAs: path), identity: nil,
        maximumEntries: maximumEntries)
      walker.visitRootFile(path)
      return walker.finish()
    default:
      throw CatalogTreeError(
        "catalog path '\(path)' is neither a directory nor a .yaml or .yml file")
    }
  }

  private static func realRoot(
    of directory: String, shownAs path: String
  ) throws(CatalogTreeError) -> String {
    switch POSIX.realPath(directory) {
    case .success(let real): return real
    case .failure(let error):
      throw CatalogTreeError("cannot resolve catalog path '\(path)': \(error.text)")
    }
  }

  /// The directory holding a file path as written: `a.yaml` is in `.`, `/a.yaml` in `/`.
  static func parentDirectory(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    let parent = trimmed[..<slash]
    return parent.isEmpty ? "/" : String(parent)
  }

  static func lastComponent(_ path: String) -> String {
    let trimmed = path.reversed().drop { $0 == "/" }
    return String(trimmed.prefix { $0 != "/" }.reversed())
  }
}

/// Diagnostics shared by the file-system and the git readers, so both word them alike.
enum CatalogLimits {
  static func tooLarge(_ displayPath: String) -> Diagnostic {
    .error(
      .fileTooLarge,
      "file is larger than 16 MiB (\(YAMLFrontEnd.maximumFileSize) bytes), the limit for a catalog file",
      at: .startOfFile(displayPath))
  }

  static func emptyTree(_ path: String) -> Diagnostic {
    .error(.emptyCatalogTree, "no *.yaml or *.yml files under \(path)", at: nil)
  }
}

extension String {
  /// Whether the name ends in `.yaml` or `.yml`. Case-sensitive, like the spec's glob.
  var isCatalogFileName: Bool {
    hasSuffix(".yaml") || hasSuffix(".yml")
  }

  /// Whether the tree walk skips this name (spec §1: `_drafts/`, `.git/`).
  var isSkippedInCatalogTree: Bool {
    hasPrefix("_") || hasPrefix(".")
  }
}
