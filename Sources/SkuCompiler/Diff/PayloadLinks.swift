#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The link policy of payload directories read by `skuc diff` (spec §15, links): a symbolic
/// link is followed only when its resolved target stays inside the directory; otherwise it is
/// an error at the link's path and the target is never opened.
enum PayloadLinks {
  /// The path to open for `file`: itself when it is not a link, else its resolved target
  /// inside `root`.
  static func target(of file: String, root: String) throws(DiffError) -> String {
    guard case .success(let status) = POSIX.status(file, followingLinks: false),
      status.kind == .symbolicLink
    else { return file }
    guard let resolvedRoot = resolved(root) else {
      throw DiffError("cannot read \(root): \(Errno(errno).text)")
    }
    guard let resolvedFile = resolved(file) else {
      throw DiffError("\(file) is a symbolic link that cannot be resolved: \(Errno(errno).text)")
    }
    let prefix = resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/"
    guard resolvedFile.hasPrefix(prefix) else {
      throw DiffError(
        "\(file) is a symbolic link whose target leaves \(root); payload directories are read without following links out of them"
      )
    }
    return resolvedFile
  }

  /// The canonical path (links and `..` resolved by the kernel, nothing opened for reading).
  private static func resolved(_ path: String) -> String? {
    guard let pointer = realpath(path, nil) else { return nil }
    defer { free(pointer) }
    return String(cString: pointer)
  }
}
