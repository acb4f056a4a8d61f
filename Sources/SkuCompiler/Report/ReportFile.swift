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
/// `StagingRegistry`, so SIGINT and SIGTERM remove it like a build's staging directory.
enum ReportFile {
  /// Refuses what cannot be written before anything is compiled: a directory, or a file in a
  /// directory that does not exist.
  static func preflight(_ path: String) throws(UsageError) {
    guard !path.isEmpty else { throw UsageError("the output file name is empty") }
    if case .success(let status) = POSIX.status(path, followingLinks: true),
      status.kind == .directory
    {
      throw UsageError("\(path) is a directory; --out takes the HTML file to write")
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

  static func write(_ bytes: [UInt8], to path: String) throws(UsageError) {
    let directory = parent(of: path)
    let temporary = directory + "/." + ReportPaths.lastComponent(path) + ".skuc-report-\(getpid())"
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
