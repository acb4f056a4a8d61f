#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few facts about a file system object that reading a catalog tree and replacing an output
/// directory depend on. Taken from `stat` so that a FIFO or a device is recognised before
/// anything opens it: opening a FIFO for reading blocks until a writer appears.
struct FileStatus: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    case regular, directory, symbolicLink, fifo, socket, characterDevice, blockDevice, unknown

    /// How a diagnostic names an object that is not a regular file.
    var description: String {
      switch self {
      case .regular: "a regular file"
      case .directory: "a directory"
      case .symbolicLink: "a symbolic link"
      case .fifo: "a FIFO"
      case .socket: "a socket"
      case .characterDevice: "a character device"
      case .blockDevice: "a block device"
      case .unknown: "not a regular file"
      }
    }
  }

  /// A directory's identity, used to notice a symbolic link that leads back into one of its own
  /// ancestors.
  struct Identity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
  }

  var kind: Kind
  var identity: Identity
  var size: Int64

  init(_ raw: stat) {
    switch raw.st_mode & S_IFMT {
    case S_IFREG: kind = .regular
    case S_IFDIR: kind = .directory
    case S_IFLNK: kind = .symbolicLink
    case S_IFIFO: kind = .fifo
    case S_IFSOCK: kind = .socket
    case S_IFCHR: kind = .characterDevice
    case S_IFBLK: kind = .blockDevice
    default: kind = .unknown
    }
    identity = Identity(device: UInt64(raw.st_dev), inode: UInt64(raw.st_ino))
    size = Int64(raw.st_size)
  }
}

/// Thin, errno-returning wrappers over the POSIX calls skuc's file handling needs. Foundation's
/// `FileManager` hides the distinctions that matter here (a FIFO, a symlink loop, a partial
/// write), so these stay close to the system calls.
enum POSIX {
  /// The C library's text for an errno value. skuc never calls `setlocale`, so this is the
  /// English "C" locale text whatever `LANG` says (reliability F8).
  static func errorText(_ code: Int32) -> String {
    String(cString: strerror(code))
  }

  static func status(_ path: String, followingLinks: Bool) -> Result<FileStatus, Errno> {
    var raw = stat()
    let result = followingLinks ? stat(path, &raw) : lstat(path, &raw)
    return result == 0 ? .success(FileStatus(raw)) : .failure(Errno(errno))
  }

  static func status(ofDescriptor descriptor: Int32) -> Result<FileStatus, Errno> {
    var raw = stat()
    return fstat(descriptor, &raw) == 0 ? .success(FileStatus(raw)) : .failure(Errno(errno))
  }

  /// The names in a directory, without `.` and `..`, in the order `readdir` gives them.
  /// Names that are not valid UTF-8 are listed apart, repaired for display only, so that callers
  /// report them instead of opening a "repaired" name that does not exist.
  static func directoryEntries(_ path: String) -> Result<DirectoryListing, Errno> {
    guard let stream = opendir(path) else { return .failure(Errno(errno)) }
    defer { closedir(stream) }
    var listing = DirectoryListing()
    while true {
      errno = 0
      guard let entry = readdir(stream) else {
        return errno == 0 ? .success(listing) : .failure(Errno(errno))
      }
      let bytes = entryName(entry)
      if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
      if let name = String(validating: bytes, as: UTF8.self) {
        listing.names.append(name)
      } else {
        listing.undecodableNames.append(String(decoding: bytes, as: UTF8.self))
      }
    }
  }

  /// The bytes of a `dirent`'s name, without the terminating NUL.
  static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> [UInt8] {
    withUnsafeBytes(of: &entry.pointee.d_name) { raw in
      Array(raw.prefix { $0 != 0 })
    }
  }

  /// Reads at most `limit` bytes. One more byte is asked for so that a file that grew past the
  /// limit (or whose `st_size` lies, as in `/proc`) is noticed without reading it unboundedly.
  static func readAll(_ descriptor: Int32, limit: Int, sizeHint: Int64) -> BoundedRead {
    let budget = limit + 1
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(min(max(sizeHint, 0), Int64(budget))))
    let chunkSize = 1 << 16
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    while bytes.count < budget {
      let wanted = min(chunkSize, budget - bytes.count)
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failed(Errno(errno))
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes.count > limit ? .tooLarge : .bytes(bytes)
  }

  /// Writes every byte, resuming after partial writes and `EINTR`.
  static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Errno? {
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { raw in
        write(descriptor, raw.baseAddress.map { $0 + written }, raw.count - written)
      }
      if count < 0 {
        if errno == EINTR { continue }
        return Errno(errno)
      }
      written += count
    }
    return nil
  }

  /// `flock` that resumes after `EINTR`.
  static func lock(_ descriptor: Int32, _ operation: Int32) -> Errno? {
    while flock(descriptor, operation) != 0 {
      if errno != EINTR { return Errno(errno) }
    }
    return nil
  }
}

/// An errno value, kept as a type so that messages are built in one place.
struct Errno: Error, Equatable, Sendable {
  var code: Int32
  init(_ code: Int32) { self.code = code }
  var text: String { POSIX.errorText(code) }
}

struct DirectoryListing: Sendable {
  var names: [String] = []
  var undecodableNames: [String] = []
}

enum BoundedRead {
  case bytes([UInt8])
  case tooLarge
  case failed(Errno)
}
