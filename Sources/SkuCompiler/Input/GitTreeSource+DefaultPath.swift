extension GitTreeSource {
  /// Parses `git:REV[:PATH]` next to the diff's other side (spec §15): without a PATH, when
  /// the other side is a directory inside the same repository as the current directory, PATH is
  /// that directory's path from the repository's top level, so that `skuc diff git:HEAD
  /// sub/Catalogs` compares like with like; otherwise it is `Catalogs`.
  public static func parse(
    _ argument: String, besides other: String?
  ) throws(CatalogTreeError) -> GitTreeSource? {
    guard var source = try parse(argument) else { return nil }
    let rest = argument.dropFirst(4)
    if !rest.contains(":"), let other, let path = repositoryPath(of: other) {
      source.path = path
    }
    return source
  }

  /// The path of directory `other` from the top level of the repository the current directory
  /// is in, or `nil` when it is no directory, a `git:` side, or outside that repository.
  static func repositoryPath(of other: String) -> String? {
    guard !other.hasPrefix("git:"),
      case .success(let status) = POSIX.status(other, followingLinks: true),
      status.kind == .directory,
      case .success(let real) = POSIX.realPath(other),
      let here = topLevel(in: nil), let there = topLevel(in: real), here == there
    else { return nil }
    guard real != here else { return "." }
    guard real.isInsideDirectory(here) else { return nil }
    return String(real.dropFirst(here == "/" ? 1 : here.count + 1))
  }

  /// `git rev-parse --show-toplevel` in `directory` (the current one for `nil`), resolved.
  private static func topLevel(in directory: String?) -> String? {
    guard let git = try? GitRunner(directory: directory),
      let result = try? git.run(["rev-parse", "--show-toplevel"]), result.status == 0
    else { return nil }
    let path = String(decoding: result.output, as: UTF8.self).trimmingWhitespace
    guard case .success(let real) = POSIX.realPath(path) else { return nil }
    return real
  }
}
