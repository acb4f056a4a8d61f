#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes the report file atomically: a temporary file in the same directory, fsynced, renamed
/// over FILE, then the directory fsynced. A reader (a browser reloading the page, a CI upload)
/// sees the old page or the new one, never half of one. The temporary file is registered with
/// `StagingRegistry`, so SIGINT and SIGTERM remove it like a build's staging directory, and one
/// that `kill -9` left behind is removed by the next run.
///
/// FILE is replaced only when it is new or a page skuc wrote (spec §15, ownership): `--out
/// Catalogs/crm.yaml` is a typo, not a wish to lose the catalog.
enum ReportFile {
  /// What every page skuc writes carries in its `<head>`; how a page is recognised as skuc's.
  static let generatorMark = Array(#"<meta name="generator" content="skuc report">"#.utf8)
  /// How far into FILE the mark is looked for: it comes right after `<head>`.
  static let markWindow = 4096
  private static let doctype = Array("<!DOCTYPE html>".utf8)

  /// Refuses what cannot be written before anything is compiled: a directory, a file skuc did
  /// not write, or a file in a directory that does not exist.
  static func preflight(_ path: String) throws(UsageError) {
    guard !path.isEmpty else { throw UsageError("the output file name is empty") }
    switch POSIX.status(path, followingLinks: false) {
    case .success(let status) where status.kind == .directory:
      throw UsageError("\(path) is a directory; --out takes the HTML file to write")
    case .success(let status) where status.kind != .regular:
      throw UsageError(
        "\(path) is \(status.kind.description), not a report page skuc wrote; refusing to "
          + "replace it (choose another --out)")
    case .success:
      guard isOurPage(path) else {
        throw UsageError(
          "\(path) exists and is not a report page skuc wrote; refusing to replace it, since "
            + "skuc never overwrites files it did not write (remove it or choose another --out)")
      }
    case .failure:
      break
    }
    let directory = parent(of: path)
    switch POSIX.status(directory, followingLinks: true) {
    case .success(let status) where status.kind == .directory:
      return
    case .success:
      throw UsageError("cannot write \(path): \(directory) is not a directory")
    case .failure(let error):
      throw UsageError("cannot write \(path): \(directory): \(error.text)")
    }
  }

  /// Whether FILE starts like a page skuc wrote: an HTML document whose first bytes hold the
  /// generator mark. Both are required, so a catalog or note that merely mentions the mark (in
  /// a comment, say) is never taken for a page.
  static func isOurPage(_ path: String) -> Bool {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var head = [UInt8](repeating: 0, count: markWindow)
    let count = head.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    guard count > 0 else { return false }
    let bytes = head[0..<count]
    guard bytes.starts(with: doctype) else { return false }
    return bytes.indices.contains { start in
      bytes[start...].starts(with: generatorMark)
    }
  }

  /// The hidden temporary files of FILE: `.NAME.skuc-report-PID`.
  private static func temporaryPrefix(_ path: String) -> String {
    "." + ReportPaths.lastComponent(path) + ".skuc-report-"
  }

  /// Removes temporary files of FILE whose process is gone (a run killed by SIGKILL or a power
  /// cut). Only names of exactly skuc's pattern, regular files, and dead processes: a concurrent
  /// run's file is left alone.
  static func removeStaleTemporaries(of path: String) {
    let directory = parent(of: path)
    let prefix = temporaryPrefix(path)
    guard case .success(let listing) = POSIX.directoryEntries(directory) else { return }
    for name in listing.names where name.hasPrefix(prefix) {
      guard let pid = Int32(name.dropFirst(prefix.count)), pid > 0, pid != getpid(),
        kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      let full = directory + "/" + name
      guard case .success(let status) = POSIX.status(full, followingLinks: false),
        status.kind == .regular
      else { continue }
      unlink(full)
    }
  }

  static func write(_ bytes: [UInt8], to path: String) throws(UsageError) {
    let directory = parent(of: path)
    removeStaleTemporaries(of: path)
    let temporary = directory + "/" + temporaryPrefix(path) + "\(getpid())"
    var descriptor: Int32 = -1
    let registry = StagingRegistry.shared
    do throws(OutputError) {
      let id = try registry.register(temporary) { () throws(OutputError) in
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
          throw OutputError("cannot create \(temporary): \(Errno(errno).text)")
        }
      }
      var failure: OutputError?
      do throws(OutputError) {
        try registry.whileLive(id) { () throws(OutputError) in
          var error = POSIX.writeAll(descriptor, bytes)
          if error == nil && fsync(descriptor) != 0 { error = Errno(errno) }
          if close(descriptor) != 0 && error == nil { error = Errno(errno) }
          descriptor = -1
          if let error { throw OutputError("cannot write \(path): \(error.text)") }
          guard rename(temporary, path) == 0 else {
            throw OutputError("cannot replace \(path): \(Errno(errno).text)")
          }
          syncDirectory(directory)
        }
      } catch {
        failure = error
      }
      registry.finish(id) {
        if descriptor >= 0 { close(descriptor) }
        if failure != nil { unlink(temporary) }
      }
      if let failure { throw failure }
    } catch {
      throw UsageError(error.message)
    }
  }

  /// The directory part of `path`: `build` for `build/report.html`, `.` for `report.html`.
  static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let directory = String(path[..<slash])
    return directory.isEmpty ? "/" : directory
  }

  private static func syncDirectory(_ directory: String) {
    let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }
}
