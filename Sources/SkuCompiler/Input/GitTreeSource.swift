/// A catalog tree at a git revision, written `git:REV[:PATH]` on the command line (spec §14).
///
/// It is read with `git ls-tree` and `git cat-file`, never by checking anything out, so neither
/// the working tree nor the index is touched. PATH is relative to the repository's top level
/// (like `git show REV:PATH`), defaults to `Catalogs`, and may name a directory or one catalog
/// file; the same rules as on disk apply (byte-wise order, `_` and `.` names skipped).
/// Display paths are `REV:path`, e.g. `HEAD~1:Catalogs/crm.yaml`, with REV as the user wrote it.
///
/// Symbolic links stored in the revision are not followed: resolving them would mean
/// reimplementing the file system over git objects. A link with a catalog file name is reported
/// as an error; other links (and submodules) are ignored. A directory whose name is a catalog file
/// name is an error, as on disk.
public struct GitTreeSource: Sendable, Hashable {
  public static let defaultPath = "Catalogs"

  public var revision: String
  public var path: String

  public init(revision: String, path: String = GitTreeSource.defaultPath) {
    self.revision = revision
    self.path = path
  }

  /// Parses a command-line argument. Returns `nil` when it does not start with `git:` (it is
  /// then a directory), and throws when it does but is malformed. REV ends at the first `:`.
  public static func parse(_ argument: String) throws(CatalogTreeError) -> GitTreeSource? {
    guard argument.hasPrefix("git:") else { return nil }
    let rest = argument.dropFirst(4)
    let revision: Substring
    var path = Substring(defaultPath)
    if let colon = rest.firstIndex(of: ":") {
      revision = rest[..<colon]
      path = rest[rest.index(after: colon)...]
      guard !path.isEmpty else {
        throw CatalogTreeError("'\(argument)' has an empty path after the revision")
      }
    } else {
      revision = rest
    }
    guard !revision.isEmpty else {
      throw CatalogTreeError("'\(argument)' names no revision; write git:REV or git:REV:PATH")
    }
    return GitTreeSource(revision: String(revision), path: String(path))
  }

  /// Reads the tree. `directory` is where git looks for the repository (default: the current
  /// directory). A missing git, a directory outside any repository, an unknown revision or a PATH
  /// absent at that revision throw; problems with single files are diagnostics.
  public func read(
    inDirectory directory: String? = nil
  ) throws(CatalogTreeError)
    -> CatalogTreeReading
  {
    guard !revision.hasPrefix("-") else {
      throw CatalogTreeError("revision '\(revision)' must not start with '-'")
    }
    let git = try GitRunner(directory: directory)
    let repository = try git.run(["rev-parse", "--git-dir"])
    guard repository.status == 0 else {
      throw CatalogTreeError("cannot read \(display): \(repository.errorLine)")
    }
    let resolved = try git.run(["rev-parse", "--verify", "--quiet", revision + "^{tree}"])
    guard resolved.status == 0 else {
      throw CatalogTreeError("cannot read \(display): unknown revision '\(revision)'")
    }
    let tree = String(decoding: resolved.output, as: UTF8.self).trimmingWhitespace

    let treePath = normalizedPath
    var arguments = ["--literal-pathspecs", "ls-tree", "-r", "-l", "-z", "--full-tree", tree]
    if !treePath.isEmpty { arguments += ["--", treePath] }
    let listing = try git.run(arguments)
    guard listing.status == 0 else {
      throw CatalogTreeError("cannot list \(display): \(listing.errorLine)")
    }
    let entries = GitTreeEntry.parse(listing.output)
    guard !entries.isEmpty else {
      throw CatalogTreeError(
        "'\(path)' does not exist at revision '\(revision)'; name the catalog directory at that "
          + "revision as git:\(revision):PATH (PATH from the repository's top level)")
    }
    var plan = GitReadPlan(revision: revision, root: treePath)
    try plan.select(entries)
    let blobs = try git.catFile(plan.wanted.map(\.object))
    return plan.finish(blobs: blobs, display: display)
  }

  private var display: String { "git:\(revision):\(path)" }

  /// PATH as git's `--full-tree` pathspec: empty and `.` components dropped (`Catalogs//saas`,
  /// `./Catalogs/`, a leading `/`), and empty for the whole tree.
  var normalizedPath: String {
    path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
  }
}

/// One line of `git ls-tree -r -l -z`: `<mode> SP <type> SP <object> SP+ <size> TAB <path>`.
struct GitTreeEntry: Sendable, Equatable {
  var mode: String
  var type: String
  var object: String
  /// `nil` for submodules, whose size git prints as `-`.
  var size: Int?
  var path: String

  static func parse(_ output: [UInt8]) -> [GitTreeEntry] {
    output.split(separator: 0).compactMap { record in
      guard let tab = record.firstIndex(of: 0x09) else { return nil }
      let fields = record[..<tab].split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
      guard fields.count == 4 else { return nil }
      let path = String(decoding: record[record.index(after: tab)...], as: UTF8.self)
      return GitTreeEntry(
        mode: fields[0], type: fields[1], object: fields[2], size: Int(fields[3]), path: path)
    }
  }
}

/// Decides, entry by entry, what to read and what to report, applying the same rules as the
/// file-system walk.
private struct GitReadPlan {
  struct Wanted {
    var display: String
    var object: String
  }

  let revision: String
  let root: String
  private(set) var wanted: [Wanted] = []
  private var problems: [(display: String, diagnostic: Diagnostic)] = []
  private var reportedDirectories: Set<String> = []
  private var candidateCount = 0

  init(revision: String, root: String) {
    self.revision = revision
    self.root = root
  }

  mutating func select(_ entries: [GitTreeEntry]) throws(CatalogTreeError) {
    for entry in entries {
      let relative: [Substring]
      if root.isEmpty {
        relative = entry.path.split(separator: "/", omittingEmptySubsequences: false)
      } else if entry.path == root {
        guard CatalogTree.lastComponent(root).isCatalogFileName else {
          throw CatalogTreeError(
            "'\(root)' at revision '\(revision)' is neither a directory nor a .yaml or .yml file")
        }
        relative = []
      } else if entry.path.hasPrefix(root + "/") {
        relative = entry.path.dropFirst(root.count + 1).split(
          separator: "/", omittingEmptySubsequences: false)
      } else {
        continue
      }
      consider(entry, relative: relative)
    }
  }

  private mutating func consider(_ entry: GitTreeEntry, relative: [Substring]) {
    guard !relative.contains(where: { String($0).isSkippedInCatalogTree }) else { return }
    let display = "\(revision):\(entry.path)"
    // A directory named like a catalog file: reported once, its content not read (as on disk).
    let prefixComponents = root.isEmpty ? 0 : root.split(separator: "/").count
    for (index, component) in relative.dropLast().enumerated()
    where String(component).isCatalogFileName {
      let directory = entry.path.split(separator: "/").prefix(prefixComponents + index + 1)
        .joined(separator: "/")
      if reportedDirectories.insert(directory).inserted {
        report("\(revision):\(directory)", .unreadableFile, "is a directory, not a catalog file")
      }
      return
    }
    guard CatalogTree.lastComponent(entry.path).isCatalogFileName else { return }
    switch (entry.mode, entry.type) {
    case ("120000", _):
      report(
        display, .unreadableFile,
        "is a symbolic link; skuc does not follow links inside a git revision")
    case (_, "blob"):
      if let size = entry.size, size > YAMLFrontEnd.maximumFileSize {
        candidateCount += 1
        problems.append((display, CatalogLimits.tooLarge(display)))
      } else {
        candidateCount += 1
        wanted.append(Wanted(display: display, object: entry.object))
      }
    default:
      report(display, .unreadableFile, "is a git \(entry.type), not a catalog file")
    }
  }

  private mutating func report(_ display: String, _ code: DiagnosticCode, _ message: String) {
    candidateCount += 1
    problems.append((display, .error(code, message, at: .startOfFile(display))))
  }

  func finish(blobs: [[UInt8]?], display: String) -> CatalogTreeReading {
    var files: [CatalogSourceFile] = []
    var outcomes = problems
    for (item, bytes) in zip(wanted, blobs) {
      if let bytes, bytes.count <= YAMLFrontEnd.maximumFileSize {
        files.append(CatalogSourceFile(path: item.display, bytes: bytes))
      } else if bytes != nil {
        outcomes.append((item.display, CatalogLimits.tooLarge(item.display)))
      } else {
        outcomes.append(
          (
            item.display,
            .error(
              .unreadableFile, "git cannot read object \(item.object)",
              at: .startOfFile(item.display))
          ))
      }
    }
    files.sort { $0.path.precedesBytewise($1.path) }
    var diagnostics = outcomes.sorted { $0.display.precedesBytewise($1.display) }.map(\.diagnostic)
    if candidateCount == 0 {
      diagnostics.append(CatalogLimits.emptyTree(display))
    }
    return CatalogTreeReading(files: files, diagnostics: diagnostics)
  }
}

extension String {
  var trimmingWhitespace: String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
