#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An output directory problem: the directory cannot be used, or writing it failed. Always an
/// I/O or usage error (exit 2); whenever one is thrown, DIR is as it was before.
public struct OutputError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}

/// The directory `skuc build --out DIR` owns (spec §12).
///
/// Its whole content is replaced in one step: files are streamed into a hidden staging directory
/// beside DIR, each one fsynced, then the staging directory and DIR swap places with
/// `renameat2(RENAME_EXCHANGE)` and the parent is fsynced. A crash at any moment leaves DIR with
/// the whole old or the whole new content. DIR is only replaced when it is missing, empty, or
/// holds only what a build wrote (spec §15, `OutputOwnership`): build never deletes files it did
/// not write.
public struct OutputDirectory: Sendable {
  /// DIR as the user gave it, without trailing slashes; used in every message.
  public let path: String
  let parent: String
  let name: String
  /// Test seam: when it returns an errno for a step, that step fails with it instead of running.
  var injectFault: OutputFaultInjector?
  /// Where live staging directories are registered for the interrupt handler; tests use their
  /// own registry so that a simulated interrupt does not touch other tests' directories.
  var registry = StagingRegistry.shared

  public init(path: String) {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    self.path = String(trimmed)
    if let slash = trimmed.lastIndex(of: "/") {
      name = String(trimmed[trimmed.index(after: slash)...])
      parent = slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    } else {
      name = String(trimmed)
      parent = "."
    }
    injectFault = nil
  }

  /// Checks everything that can be checked before the catalog is even compiled, so that a build
  /// that cannot write its output fails early and without writing anything (reliability F1):
  /// the parent exists and is a writable directory, and DIR is absent, or a writable directory
  /// that is empty or holds a skuc manifest.
  public func preflight() throws(OutputError) {
    guard !name.isEmpty, name != ".", name != ".." else {
      throw OutputError(
        "cannot use '\(path)' as the output directory: build replaces the whole directory, "
          + "so give it a directory of its own, such as build/payloads")
    }
    switch POSIX.status(parent, followingLinks: true) {
    case .success(let status) where status.kind == .directory:
      break
    case .success:
      throw OutputError("cannot create \(path): \(parent) is not a directory")
    case .failure(let error) where error.code == ENOENT:
      throw OutputError("cannot create \(path): the parent directory \(parent) does not exist")
    case .failure(let error):
      throw OutputError("cannot use \(parent): \(error.text)")
    }
    if access(parent, W_OK | X_OK) != 0 {
      throw OutputError("cannot write to \(parent): \(Errno(errno).text)")
    }
    _ = try currentState()
  }

  /// Streams the new content through `body`, then swaps it into DIR's place (spec §12).
  ///
  /// Throws an `OutputError` (or whatever `body` throws); in both cases DIR is unchanged and the
  /// staging directory is removed. Several builds may replace the same DIR at once, even from one
  /// process: each has its own staging directory and DIR ends with one complete version.
  public func replaceContents(_ body: (inout StagingWriter) throws -> Void) throws {
    try preflight()
    let staging = try StagingArea.create(for: self)
    do {
      var writer = StagingWriter(area: staging)
      try body(&writer)
      try staging.commit()
    } catch {
      staging.discard()
      throw error
    }
  }

  enum State {
    case absent, empty, ours
  }

  /// What DIR holds now, or an error when it must not be replaced. Checked again just before
  /// the swap, since another program may have changed DIR while the payloads were written.
  func currentState() throws(OutputError) -> State {
    switch POSIX.status(path, followingLinks: false) {
    case .success(let status) where status.kind == .directory:
      break
    case .success(let status) where status.kind == .symbolicLink:
      throw OutputError(
        "\(path) is a symbolic link; give the directory it points to as --out, "
          + "since build replaces DIR itself")
    case .success:
      throw OutputError("\(path) exists and is not a directory")
    case .failure(let error) where error.code == ENOENT:
      return .absent
    case .failure(let error):
      throw OutputError("cannot use \(path): \(error.text)")
    }
    if access(path, W_OK | X_OK) != 0 {
      throw OutputError("cannot write to \(path): \(Errno(errno).text)")
    }
    let listing: DirectoryListing
    switch POSIX.directoryEntries(path) {
    case .success(let value): listing = value
    case .failure(let error): throw OutputError("cannot read \(path): \(error.text)")
    }
    if listing.names.isEmpty && listing.undecodableNames.isEmpty { return .empty }
    try OutputOwnership(directory: path).check(listing)
    return .ours
  }

  /// A path beside DIR, in the same parent (so a rename between them is atomic).
  func sibling(_ siblingName: String) -> String {
    switch parent {
    case "/": "/" + siblingName
    case ".": siblingName
    default: parent + "/" + siblingName
    }
  }

  /// Staging directories of this DIR start with this hidden prefix; the next run removes those a
  /// killed run left behind. DIR's name is shortened so the whole name stays under NAME_MAX.
  var stagingPrefix: String {
    var shortName = ""
    for scalar in name.unicodeScalars {
      guard shortName.utf8.count + String(scalar).utf8.count <= 200 else { break }
      shortName.unicodeScalars.append(scalar)
    }
    return "." + shortName + ".skuc-staging-"
  }
}

/// The steps of writing an output directory that tests can make fail.
enum OutputStep: Sendable, Hashable {
  case createFile, writeFile, syncFile, closeFile, syncStaging, swap, syncParent
}

/// Given a step and the file name it concerns (or DIR's name), returns an errno to fail with.
typealias OutputFaultInjector = @Sendable (OutputStep, String) -> Int32?
