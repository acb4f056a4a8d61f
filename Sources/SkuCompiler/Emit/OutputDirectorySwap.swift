#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

enum SwapOutcome: Sendable, Equatable {
  /// DIR did not exist; the staging directory was renamed to DIR.
  case renamed
  /// DIR existed; it and the staging directory swapped names, so the staging name now holds the
  /// old content.
  case exchanged
}

/// The one-step replacement of DIR by a staging directory (spec §12).
enum AtomicSwap {
  /// Attempts are bounded: another build may create or replace DIR between our look and our
  /// rename, and each such race is simply retried with the new state.
  private static let attempts = 8

  static func install(_ staging: StagingArea) throws(OutputError) -> SwapOutcome {
    let directory = staging.directory
    for _ in 0..<attempts {
      let state = try directory.currentState()
      let result = staging.attempt(.swap, directory.name) {
        state == .absent
          ? rename(staging.path, directory.path) : exchange(staging.path, directory.path)
      }
      switch result {
      case .success:
        return state == .absent ? .renamed : .exchanged
      case .failure(let error) where state == .absent && [EEXIST, ENOTEMPTY].contains(error.code):
        continue  // another build created DIR meanwhile: exchange with it instead
      case .failure(let error) where state != .absent && error.code == ENOENT:
        continue  // DIR vanished meanwhile: rename instead
      case .failure(let error) where state != .absent && [EINVAL, ENOSYS].contains(error.code):
        throw OutputError(
          "cannot replace \(directory.path) atomically: the file system does not support "
            + "exchanging two directories (\(error.text))")
      case .failure(let error):
        throw OutputError("cannot replace \(directory.path): \(error.text)")
      }
    }
    throw OutputError("cannot replace \(directory.path): other processes keep changing it")
  }

  /// Puts DIR back as it was before `install`. Returns whether that worked.
  static func undo(_ outcome: SwapOutcome, of staging: StagingArea) -> Bool {
    switch outcome {
    case .renamed: rename(staging.directory.path, staging.path) == 0
    case .exchanged: exchange(staging.path, staging.directory.path) == 0
    }
  }

  /// Swaps two directory entries atomically. glibc has exported `renameat2` since 2.28 but its
  /// header declares it only under `_GNU_SOURCE`, which Swift's Glibc module does not set, so
  /// the symbol is looked up at run time.
  private static func exchange(_ first: String, _ second: String) -> Int32 {
    #if canImport(Darwin)
      return renamex_np(first, second, UInt32(RENAME_SWAP))
    #else
      typealias RenameAt2 =
        @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) ->
        Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else {
        errno = ENOSYS
        return -1
      }
      let renameAt2 = unsafeBitCast(symbol, to: RenameAt2.self)
      let renameExchange: UInt32 = 1 << 1  // RENAME_EXCHANGE from <linux/fs.h>
      return renameAt2(AT_FDCWD, first, AT_FDCWD, second, renameExchange)
    #endif
  }
}

/// Removal of a directory tree without following symbolic links.
enum FileTree {
  /// Best effort: `ENOENT` (another process removing the same tree) is expected, and anything
  /// that cannot be removed stays for the next run's stale cleanup. Works on descriptors and raw
  /// names, so names that are not UTF-8 and very deep trees are removed too.
  static func remove(_ path: String) {
    if unlink(path) == 0 || errno == ENOENT { return }
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    removeContents(of: descriptor)
    rmdir(path)
  }

  /// Empties the directory open at `descriptor`, and closes it.
  private static func removeContents(of descriptor: Int32) {
    guard let stream = fdopendir(descriptor) else {
      close(descriptor)
      return
    }
    defer { closedir(stream) }
    var names: [[CChar]] = []
    while let entry = readdir(stream) {
      let bytes = POSIX.entryName(entry)
      if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
      names.append(bytes.map { CChar(bitPattern: $0) } + [0])
    }
    for name in names {
      if unlinkat(descriptor, name, 0) == 0 || errno == ENOENT { continue }
      let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      guard child >= 0 else { continue }
      removeContents(of: child)
      unlinkat(descriptor, name, AT_REMOVEDIR)
    }
  }
}
