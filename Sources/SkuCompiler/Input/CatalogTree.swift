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

/// Reads a catalog tree from the file system (spec §1).
///
/// PATH may be a directory (every `*.yaml` / `*.yml` below it, recursively, skipping names that
/// start with `_` or `.`) or a single catalog file. Symbolic links are followed, to files and to
/// directories; a link that leads back into one of its own ancestor directories is reported as a
/// symlink loop instead of being followed forever. Dangling links and link chains that loop are
/// reported when their name is a catalog file name; under any other name they are ignored, since
/// there is nothing behind them to read.
public enum CatalogTree {
  public static func read(_ path: String) throws(CatalogTreeError) -> CatalogTreeReading {
    guard !path.isEmpty else { throw CatalogTreeError("the catalog path is empty") }
    let root: FileStatus
    switch POSIX.status(path, followingLinks: true) {
    case .success(let status): root = status
    case .failure(let error) where error.code == ENOENT:
      throw CatalogTreeError("catalog path '\(path)' does not exist")
    case .failure(let error):
      throw CatalogTreeError("cannot read catalog path '\(path)': \(error.text)")
    }

    var walker = TreeWalker(root: path)
    switch root.kind {
    case .directory:
      switch POSIX.directoryEntries(path) {
      case .success(let listing):
        walker.walk(listing, directory: path, relative: "", ancestors: [root.identity])
      case .failure(let error):
        throw CatalogTreeError("cannot read catalog directory '\(path)': \(error.text)")
      }
    case .regular where lastComponent(path).isCatalogFileName:
      walker.readFile(at: path, display: path)
    case _ where lastComponent(path).isCatalogFileName:
      walker.report(path, "is \(root.kind.description), not a regular file")
    default:
      throw CatalogTreeError(
        "catalog path '\(path)' is neither a directory nor a .yaml or .yml file")
    }
    return walker.finish()
  }

  static func lastComponent(_ path: String) -> String {
    let trimmed = path.reversed().drop { $0 == "/" }
    return String(trimmed.prefix { $0 != "/" }.reversed())
  }
}

/// The recursive part of `CatalogTree.read`. Results are collected with their relative paths and
/// sorted once at the end: sorting whole paths byte-wise is not the same as visiting each
/// directory's entries in sorted order (`a-b.yaml` < `a.yaml` < `a/x.yaml`).
struct TreeWalker {
  private enum Outcome {
    case file([UInt8])
    case problem(Diagnostic)
  }

  private let displayPrefix: String
  private var outcomes: [(display: String, outcome: Outcome)] = []
  private var candidateCount = 0
  private let rootPath: String

  init(root: String) {
    rootPath = root
    displayPrefix = Self.displayPrefix(for: root)
  }

  /// What goes before a relative path to make its display path: PATH as written, so that
  /// diagnostics never show an absolute path the user did not give (`./` is dropped).
  static func displayPrefix(for root: String) -> String {
    var trimmed = Substring(root)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    switch trimmed {
    case ".": return ""
    case "/": return "/"
    default: return trimmed + "/"
    }
  }

  mutating func walk(
    _ listing: DirectoryListing, directory: String, relative: String,
    ancestors: [FileStatus.Identity]
  ) {
    for name in listing.undecodableNames where !name.isSkippedInCatalogTree {
      report(display(relative, name), "file name is not valid UTF-8", countsAsCandidate: false)
    }
    for name in listing.names where !name.isSkippedInCatalogTree {
      let childRelative = relative.isEmpty ? name : relative + "/" + name
      let childPath = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      visit(
        path: childPath, name: name, relative: childRelative, ancestors: ancestors)
    }
  }

  private mutating func visit(
    path: String, name: String, relative: String, ancestors: [FileStatus.Identity]
  ) {
    let isCatalog = name.isCatalogFileName
    let displayPath = displayPrefix + relative
    let target: FileStatus
    switch POSIX.status(path, followingLinks: true) {
    case .success(let status):
      target = status
    case .failure(let error):
      guard isCatalog else { return }
      switch (POSIX.status(path, followingLinks: false), error.code) {
      case (.success(let link), ENOENT) where link.kind == .symbolicLink:
        report(displayPath, "dangling symbolic link: its target does not exist")
      case (_, ELOOP):
        report(displayPath, "symlink loop: the link never reaches a file")
      default:
        report(displayPath, "cannot read file: \(error.text)")
      }
      return
    }

    switch target.kind {
    case .directory where isCatalog:
      report(displayPath, "is a directory, not a catalog file")
    case .directory:
      guard !ancestors.contains(target.identity) else {
        report(
          displayPath, "symlink loop: this directory leads back into one of its parents",
          countsAsCandidate: false)
        return
      }
      switch POSIX.directoryEntries(path) {
      case .success(let listing):
        walk(listing, directory: path, relative: relative, ancestors: ancestors + [target.identity])
      case .failure(let error):
        report(displayPath, "cannot read directory: \(error.text)", countsAsCandidate: false)
      }
    case .regular where isCatalog:
      readFile(at: path, display: displayPath)
    case _ where isCatalog:
      report(displayPath, "is \(target.kind.description), not a regular file")
    default:
      return
    }
  }

  /// Opens only after `stat` said "regular file", with `O_NONBLOCK` and a second `fstat` in case
  /// the name was swapped for a FIFO in between: neither a FIFO nor a device is ever read.
  mutating func readFile(at path: String, display displayPath: String) {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    guard descriptor >= 0 else {
      report(displayPath, "cannot read file: \(Errno(errno).text)")
      return
    }
    defer { close(descriptor) }
    let status: FileStatus
    switch POSIX.status(ofDescriptor: descriptor) {
    case .success(let value): status = value
    case .failure(let error):
      report(displayPath, "cannot read file: \(error.text)")
      return
    }
    guard status.kind == .regular else {
      report(displayPath, "is \(status.kind.description), not a regular file")
      return
    }
    switch POSIX.readAll(descriptor, limit: YAMLFrontEnd.maximumFileSize, sizeHint: status.size) {
    case .bytes(let bytes):
      candidateCount += 1
      outcomes.append((displayPath, .file(bytes)))
    case .tooLarge:
      candidateCount += 1
      outcomes.append((displayPath, .problem(CatalogLimits.tooLarge(displayPath))))
    case .failed(let error):
      report(displayPath, "cannot read file: \(error.text)")
    }
  }

  /// Records a problem with one entry. `countsAsCandidate` is false for problems with
  /// directories: a tree whose only entries are broken directories still has no catalog files.
  mutating func report(_ displayPath: String, _ message: String, countsAsCandidate: Bool = true) {
    if countsAsCandidate { candidateCount += 1 }
    outcomes.append(
      (displayPath, .problem(.error(.unreadableFile, message, at: .startOfFile(displayPath)))))
  }

  private func display(_ relative: String, _ name: String) -> String {
    displayPrefix + (relative.isEmpty ? name : relative + "/" + name)
  }

  func finish() -> CatalogTreeReading {
    var files: [CatalogSourceFile] = []
    var diagnostics: [Diagnostic] = []
    let sorted = outcomes.enumerated().sorted { lhs, rhs in
      lhs.element.display == rhs.element.display
        ? lhs.offset < rhs.offset : lhs.element.display.precedesBytewise(rhs.element.display)
    }
    for (_, entry) in sorted {
      switch entry.outcome {
      case .file(let bytes): files.append(CatalogSourceFile(path: entry.display, bytes: bytes))
      case .problem(let diagnostic): diagnostics.append(diagnostic)
      }
    }
    if candidateCount == 0 {
      diagnostics.append(CatalogLimits.emptyTree(rootPath))
    }
    return CatalogTreeReading(files: files, diagnostics: diagnostics)
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
