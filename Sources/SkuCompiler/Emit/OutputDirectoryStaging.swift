#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes the files of a new output directory version into its staging directory.
///
/// It cannot be copied, so it cannot outlive `OutputDirectory.replaceContents`.
public struct StagingWriter: ~Copyable {
  private let area: StagingArea
  private var writtenNames: Set<String> = []

  init(area: StagingArea) {
    self.area = area
  }

  /// Writes one file completely: created (never overwriting), written, fsynced and closed, every
  /// step checked, so `ENOSPC` or `EIO` from any of them throws (reliability F2).
  ///
  /// `name` is a plain, visible file name such as `crm.json`.
  public mutating func write(_ name: String, _ bytes: [UInt8]) throws(OutputError) {
    let display = try claim(name)
    try area.writeFile(name, bytes, display: display)
    if StagingArea.testWriteDelayMicroseconds > 0 {
      usleep(StagingArea.testWriteDelayMicroseconds)
    }
  }

  /// Writes one file in pieces: `body` appends to it as the content is produced, so a large
  /// payload never has to be in memory whole. The file is then fsynced and closed like one
  /// written with `write(_:_:)`.
  public mutating func write<Failure: Error>(
    _ name: String, streaming body: (inout StagingFile) throws(Failure) -> Void
  ) throws {
    let display = try claim(name)
    var file = StagingFile(area: area, name: name, display: display)
    try file.open()
    do {
      try body(&file)
    } catch {
      file.abandon()
      throw error
    }
    try file.finish()
    if StagingArea.testWriteDelayMicroseconds > 0 {
      usleep(StagingArea.testWriteDelayMicroseconds)
    }
  }

  private mutating func claim(_ name: String) throws(OutputError) -> String {
    let display = area.directory.path + "/" + name
    guard !name.isEmpty, !name.contains("/"), !name.hasPrefix("."), !name.utf8.contains(0),
      name.utf8.count <= 255
    else {
      throw OutputError("cannot write '\(display)': '\(name)' is not a plain file name")
    }
    guard writtenNames.insert(name).inserted else {
      throw OutputError("cannot write \(display): it was already written by this build")
    }
    return display
  }
}

/// A file of the staging directory being written in pieces (`StagingWriter.write(_:streaming:)`).
/// Each piece is written under the interrupt lock, like a whole file is.
public struct StagingFile: ~Copyable {
  let area: StagingArea
  let name: String
  let display: String
  private var descriptor: Int32 = -1

  init(area: StagingArea, name: String, display: String) {
    self.area = area
    self.name = name
    self.display = display
  }

  mutating func open() throws(OutputError) {
    descriptor = try area.createFile(name, display: display)
  }

  public mutating func append(_ bytes: [UInt8]) throws(OutputError) {
    try area.appendFile(descriptor, bytes, name: name, display: display)
  }

  mutating func finish() throws(OutputError) {
    let written = descriptor
    descriptor = -1
    try area.finishFile(written, name: name, display: display, failure: nil)
  }

  /// Closes the descriptor after a failure in the middle; the staging directory is discarded.
  mutating func abandon() {
    if descriptor >= 0 { close(descriptor) }
    descriptor = -1
  }
}

/// One staging directory: created and locked beside DIR, filled by a `StagingWriter`, then
/// committed (swapped into DIR's place) or discarded.
///
/// Its path is registered with `StagingRegistry` for its whole life, and every step that
/// changes it runs under the registry's lock, so an interrupt handler either sees the staging
/// directory idle (and may remove it) or waits for the step to finish.
final class StagingArea {
  let directory: OutputDirectory
  let path: String
  private let descriptor: Int32
  private let registration: StagingRegistry.ID
  private var swap: SwapOutcome?

  /// Test hook for the end-to-end kill tests: `SKUC_TEST_WRITE_DELAY_MS` makes every written file
  /// wait that long, so that a signal reliably lands in the middle of a build. Not for users.
  static let testWriteDelayMicroseconds: UInt32 = {
    guard let raw = getenv("SKUC_TEST_WRITE_DELAY_MS"),
      let milliseconds = UInt32(String(cString: raw)), milliseconds <= 60_000
    else { return 0 }
    return milliseconds * 1000
  }()

  private init(
    directory: OutputDirectory, path: String, descriptor: Int32,
    registration: StagingRegistry.ID
  ) {
    self.directory = directory
    self.path = path
    self.descriptor = descriptor
    self.registration = registration
  }

  /// Creates the staging directory and takes an exclusive `flock` on it, which it keeps until it
  /// is committed or discarded. Creating, locking and removing stale staging directories all
  /// happen under an exclusive `flock` on the parent directory, so a concurrent build's cleanup
  /// never sees this directory between `mkdir` and its lock (reliability F5).
  static func create(for directory: OutputDirectory) throws(OutputError) -> StagingArea {
    let parentDescriptor = open(directory.parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard parentDescriptor >= 0 else {
      throw OutputError("cannot open \(directory.parent): \(Errno(errno).text)")
    }
    defer { close(parentDescriptor) }
    // On a file system without flock (some network file systems) stale staging directories
    // cannot be told from live ones, so none is removed; they are harmless, only untidy.
    if POSIX.lock(parentDescriptor, LOCK_EX) == nil {
      removeStaleStagingDirectories(of: directory)
    }
    let path = directory.sibling(
      directory.stagingPrefix + String(UInt64.random(in: .min ... .max), radix: 16))
    var descriptor: Int32 = -1
    let registration = try directory.registry.register(path) { () throws(OutputError) in
      guard mkdir(path, 0o777) == 0 else {
        throw OutputError(
          "cannot create a staging directory beside \(directory.path): \(Errno(errno).text)")
      }
      descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      guard descriptor >= 0 else {
        let error = Errno(errno)
        rmdir(path)
        throw OutputError("cannot open the staging directory for \(directory.path): \(error.text)")
      }
      _ = POSIX.lock(descriptor, LOCK_EX | LOCK_NB)
    }
    return StagingArea(
      directory: directory, path: path, descriptor: descriptor, registration: registration)
  }

  /// Removes the staging directories of `directory` that no live build holds locked: those left
  /// by a killed run (spec §12). A live one, even of this process, is locked and skipped.
  private static func removeStaleStagingDirectories(of directory: OutputDirectory) {
    guard case .success(let listing) = POSIX.directoryEntries(directory.parent) else { return }
    for name in listing.names where name.hasPrefix(directory.stagingPrefix) {
      let path = directory.sibling(name)
      let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      guard descriptor >= 0 else { continue }
      defer { close(descriptor) }
      guard POSIX.lock(descriptor, LOCK_EX | LOCK_NB) == nil else { continue }
      FileTree.remove(path)
    }
  }

  func writeFile(_ name: String, _ bytes: [UInt8], display: String) throws(OutputError) {
    let fileDescriptor = try createFile(name, display: display)
    var failure: Errno?
    do {
      try appendFile(fileDescriptor, bytes, name: name, display: display)
    } catch {
      failure = lastWriteFailure
    }
    try finishFile(fileDescriptor, name: name, display: display, failure: failure)
  }

  /// The errno of the last failed append, so that `finishFile` can still close the file and
  /// report the first failure.
  private var lastWriteFailure: Errno?

  func createFile(_ name: String, display: String) throws(OutputError) -> Int32 {
    var created: Int32 = -1
    try directory.registry.whileLive(registration) { () throws(OutputError) in
      let file = attempt(.createFile, name) {
        openat(descriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
      }
      guard case .success(let fileDescriptor) = file else {
        throw OutputError("cannot create \(display): \(file.errorText)")
      }
      created = fileDescriptor
    }
    return created
  }

  func appendFile(
    _ fileDescriptor: Int32, _ bytes: [UInt8], name: String, display: String
  )
    throws(OutputError)
  {
    try directory.registry.whileLive(registration) { () throws(OutputError) in
      if case .failure(let error) = attempt(.writeFile, name, { writeAll(fileDescriptor, bytes) }) {
        lastWriteFailure = error
        throw OutputError("cannot write \(display): \(error.text)")
      }
    }
  }

  /// Closes a finished file, checked: on some file systems a delayed write error surfaces only
  /// here. Its fsync is deferred to `commit`, which syncs every file before the swap: the
  /// kernel can then write all of them back together instead of one round trip per file, and
  /// nothing is swapped in before it is durable. With `failure` (an earlier write error) the
  /// file is only closed.
  func finishFile(
    _ fileDescriptor: Int32, name: String, display: String, failure: Errno?
  )
    throws(OutputError)
  {
    if let failure {
      close(fileDescriptor)
      throw OutputError("cannot write \(display): \(failure.text)")
    }
    try directory.registry.whileLive(registration) { () throws(OutputError) in
      // close always runs, even when a test injects its failure, so no descriptor leaks.
      let closeStatus = close(fileDescriptor)
      let closeError = errno
      let closed = attempt(.closeFile, name) {
        errno = closeError
        return closeStatus
      }
      if case .failure(let error) = closed {
        throw OutputError("cannot write \(display): \(error.text)")
      }
      unsynced.append(name)
    }
  }

  /// Files written but not yet fsynced, in writing order.
  private var unsynced: [String] = []

  /// fsyncs every written file (spec §12: every file fsynced before the swap), each under the
  /// interrupt lock on its own, so that an interrupt never waits for the whole batch.
  private func syncFiles() throws(OutputError) {
    for name in unsynced {
      try directory.registry.whileLive(registration) { () throws(OutputError) in
        try syncFile(name)
      }
    }
  }

  private func syncFile(_ name: String) throws(OutputError) {
    let display = directory.path + "/" + name
    let opened = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard opened >= 0 else {
      throw OutputError("cannot write \(display): \(Errno(errno).text)")
    }
    defer { close(opened) }
    if case .failure(let error) = attempt(.syncFile, name, { fsync(opened) }) {
      throw OutputError("cannot write \(display): \(error.text)")
    }
  }

  /// Makes the staging directory DIR: fsync it, swap it in, fsync the parent. If the parent
  /// cannot be synced the swap is undone, so a thrown error always means DIR is unchanged.
  /// The old content, now under the staging name, is removed afterwards; the swap itself is
  /// never undone once the parent is synced.
  func commit() throws(OutputError) {
    try syncFiles()
    try directory.registry.whileLive(registration) { () throws(OutputError) in
      if case .failure(let error) = attempt(.syncStaging, directory.name, { fsync(descriptor) }) {
        throw OutputError("cannot write \(directory.path): \(error.text)")
      }
      let outcome = try AtomicSwap.install(self)
      swap = outcome
      if case .failure(let error) = attempt(.syncParent, directory.name, { syncParent() }) {
        if AtomicSwap.undo(outcome, of: self) { swap = nil }
        throw OutputError("cannot write \(directory.path): \(error.text)")
      }
    }
    directory.registry.finish(registration) {
      if swap == .exchanged { FileTree.remove(path) }
    }
    close(descriptor)
  }

  /// Removes the staging directory after a failure. If a swap happened and could not be undone,
  /// the staging name holds DIR's old content; it is then left for the next run's cleanup
  /// rather than deleted.
  func discard() {
    directory.registry.finish(registration) {
      if swap == nil { FileTree.remove(path) }
    }
    close(descriptor)
  }

  private func syncParent() -> Int32 {
    let parentDescriptor = open(directory.parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard parentDescriptor >= 0 else { return -1 }
    defer { close(parentDescriptor) }
    return fsync(parentDescriptor)
  }

  /// Runs one system call, or fails it with the injected errno. Negative results are failures.
  func attempt(_ step: OutputStep, _ subject: String, _ call: () -> Int32) -> SystemCallResult {
    if let code = directory.injectFault?(step, subject) { return .failure(Errno(code)) }
    let result = call()
    return result < 0 ? .failure(Errno(errno)) : .success(result)
  }

  private func writeAll(_ fileDescriptor: Int32, _ bytes: [UInt8]) -> Int32 {
    guard let error = POSIX.writeAll(fileDescriptor, bytes) else { return 0 }
    errno = error.code
    return -1
  }
}

typealias SystemCallResult = Result<Int32, Errno>

extension Result where Failure == Errno {
  fileprivate var errorText: String {
    if case .failure(let error) = self { return error.text }
    return ""
  }
}
