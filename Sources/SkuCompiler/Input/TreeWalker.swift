#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The recursive part of `CatalogTree.read`. Results are collected with their relative paths and
/// sorted once at the end: sorting whole paths byte-wise is not the same as visiting each
/// directory's entries in sorted order (`a-b.yaml` < `a.yaml` < `a/x.yaml`).
///
/// Every object is reached through its real path (links resolved by `realpath`), checked to lie
/// inside `realRoot` before anything but its metadata is looked at, and opened with `O_NOFOLLOW`,
/// so that nothing outside the root is ever opened.
struct TreeWalker {
  private enum Outcome {
    case file([UInt8])
    case problem(Diagnostic)
  }

  private let displayPrefix: String
  private var outcomes: [(display: String, outcome: Outcome)] = []
  private var candidateCount = 0
  private let rootPath: String
  private let realRoot: String
  /// Where each directory read so far was first reached, by identity (a second way in is
  /// skipped: a diamond of links would otherwise be walked once per path, 2^n times).
  private var visited: [FileStatus.Identity: String] = [:]
  private let maximumEntries: Int
  private var entryCount = 0
  private var stopped = false
  /// Directories reached through a link, entered only after every real directory has been read,
  /// so that a directory is read (and its files named) by its own path, and a link into it is
  /// the second way in.
  private var pendingLinks:
    [(
      path: String, target: FileStatus, relative: String, display: String,
      ancestors: [FileStatus.Identity]
    )] = []

  init(root: String, realRoot: String, identity: FileStatus.Identity?, maximumEntries: Int) {
    rootPath = root
    self.realRoot = realRoot
    self.maximumEntries = maximumEntries
    displayPrefix = Self.displayPrefix(for: root)
    if let identity { visited[identity] = root }
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
      guard countEntry(display(relative, name)) else { return }
      report(display(relative, name), "file name is not valid UTF-8", countsAsCandidate: false)
    }
    // Sorted, so that which of two ways into a directory is the first does not depend on
    // `readdir` order.
    let names = listing.names.sorted { $0.precedesBytewise($1) }
    for name in names where !name.isSkippedInCatalogTree {
      let childRelative = relative.isEmpty ? name : relative + "/" + name
      guard countEntry(displayPrefix + childRelative) else { return }
      let childPath = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      visit(path: childPath, name: name, relative: childRelative, ancestors: ancestors)
    }
  }

  /// Counts one entry against the bound; past it, reports once and stops the whole walk.
  private mutating func countEntry(_ displayPath: String) -> Bool {
    guard !stopped else { return false }
    entryCount += 1
    guard entryCount > maximumEntries else { return true }
    stopped = true
    outcomes.append(
      (
        displayPath,
        .problem(
          .error(
            .tooManyTreeEntries,
            "the catalog tree has more than \(maximumEntries) entries; reading stopped here",
            at: .startOfFile(displayPath),
            hint: "point skuc at the catalog directory itself, not at a directory above it")
        )
      ))
    return false
  }

  /// PATH itself when it names one catalog file: the same link policy, with its directory as
  /// the root.
  mutating func visitRootFile(_ path: String) {
    visit(
      path: path, name: CatalogTree.lastComponent(path), relative: "", ancestors: [],
      display: path)
  }

  private mutating func visit(
    path: String, name: String, relative: String, ancestors: [FileStatus.Identity],
    display: String? = nil
  ) {
    let isCatalog = name.isCatalogFileName
    let displayPath = display ?? displayPrefix + relative
    var realPath = path
    let entry: FileStatus
    switch POSIX.status(path, followingLinks: false) {
    case .success(let status): entry = status
    case .failure(let error):
      if isCatalog { report(displayPath, "cannot read file: \(error.text)") }
      return
    }
    if entry.kind == .symbolicLink {
      switch resolveLink(path, isCatalog: isCatalog, displayPath: displayPath) {
      case .some(let resolved): realPath = resolved
      case .none: return
      }
    }
    let target: FileStatus
    switch POSIX.status(realPath, followingLinks: false) {
    case .success(let status): target = status
    case .failure(let error):
      if isCatalog { report(displayPath, "cannot read file: \(error.text)") }
      return
    }

    switch target.kind {
    case .directory where isCatalog:
      report(displayPath, "is a directory, not a catalog file")
    case .directory where entry.kind == .symbolicLink:
      pendingLinks.append((realPath, target, relative, displayPath, ancestors))
    case .directory:
      enter(
        realPath, target: target, relative: relative, display: displayPath, ancestors: ancestors)
    case .regular where isCatalog:
      readFile(at: realPath, display: displayPath)
    case _ where isCatalog:
      report(displayPath, "is \(target.kind.description), not a regular file")
    default:
      return
    }
  }

  /// Enters the directories reached through links, in the order they were met; entering one may
  /// meet more.
  mutating func followPendingLinks() {
    var next = 0
    while next < pendingLinks.count && !stopped {
      let link = pendingLinks[next]
      next += 1
      enter(
        link.path, target: link.target, relative: link.relative, display: link.display,
        ancestors: link.ancestors)
    }
  }

  /// The real path of a link whose target stays inside the root, or `nil` once the link has been
  /// reported (or ignored, for names that would not be read anyway). A link that leaves the root
  /// is only looked at with `stat`, to tell a directory (which the walk would enter) from a file
  /// under a name the walk skips.
  private mutating func resolveLink(
    _ path: String, isCatalog: Bool, displayPath: String
  ) -> String? {
    let real: String
    switch POSIX.realPath(path) {
    case .success(let value): real = value
    case .failure(let error):
      guard isCatalog else { return nil }
      switch error.code {
      case ENOENT: report(displayPath, "dangling symbolic link: its target does not exist")
      case ELOOP: report(displayPath, "symlink loop: the link never reaches a file")
      default: report(displayPath, "cannot read file: \(error.text)")
      }
      return nil
    }
    guard !real.isInsideDirectory(realRoot) else { return real }
    let isDirectory: Bool
    if case .success(let status) = POSIX.status(real, followingLinks: false) {
      isDirectory = status.kind == .directory
    } else {
      isDirectory = false
    }
    guard isCatalog || isDirectory else { return nil }
    candidateCount += isCatalog ? 1 : 0
    outcomes.append(
      (
        displayPath,
        .problem(
          .error(
            .linkLeavesRoot,
            "symbolic link leads outside the catalog root; skuc does not follow it",
            at: .startOfFile(displayPath),
            hint: "a catalog tree may link only to files and directories inside "
              + "'\(rootPath)'; copy the file into the tree instead")
        )
      ))
    return nil
  }

  private mutating func enter(
    _ path: String, target: FileStatus, relative: String, display displayPath: String,
    ancestors: [FileStatus.Identity]
  ) {
    guard !ancestors.contains(target.identity) else {
      report(
        displayPath, "symlink loop: this directory leads back into one of its parents",
        countsAsCandidate: false)
      return
    }
    if let first = visited[target.identity] {
      outcomes.append(
        (
          displayPath,
          .problem(
            .warning(
              .directoryReachedTwice,
              "this directory was already read as '\(first)'; this second way in is skipped",
              at: .startOfFile(displayPath),
              hint: "remove the link, or link to the files themselves")
          )
        ))
      return
    }
    visited[target.identity] = displayPath
    switch POSIX.directoryEntries(path) {
    case .success(let listing):
      walk(listing, directory: path, relative: relative, ancestors: ancestors + [target.identity])
    case .failure(let error):
      report(displayPath, "cannot read directory: \(error.text)", countsAsCandidate: false)
    }
  }

  /// Opens only after `lstat` said "regular file", with `O_NOFOLLOW`, `O_NONBLOCK` and a second
  /// `fstat` in case the name was swapped for a link or a FIFO in between: nothing outside the
  /// root, and neither a FIFO nor a device, is ever read.
  mutating func readFile(at path: String, display displayPath: String) {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW)
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
    if candidateCount == 0 && !stopped {
      diagnostics.append(CatalogLimits.emptyTree(rootPath))
    }
    return CatalogTreeReading(files: files, diagnostics: diagnostics)
  }
}

extension POSIX {
  /// `realpath(3)`: the absolute path with every link, `.` and `..` resolved.
  static func realPath(_ path: String) -> Result<String, Errno> {
    guard let resolved = realpath(path, nil) else { return .failure(Errno(errno)) }
    defer { free(resolved) }
    return .success(String(cString: resolved))
  }
}

extension String {
  /// Whether this real path is `directory` or below it, compared by whole components
  /// (`/a/bc` is not inside `/a/b`).
  func isInsideDirectory(_ directory: String) -> Bool {
    if directory == "/" { return hasPrefix("/") }
    return self == directory || hasPrefix(directory + "/")
  }
}
