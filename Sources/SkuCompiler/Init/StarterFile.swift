#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why the starter file could not be written: DIR is not usable or the file exists. The
/// driver reports it as a usage error (exit 2).
struct StarterFileError: Error, Sendable {
  var message: String

  init(_ message: String) {
    self.message = message
  }
}

/// Writing the starter file so that it appears whole or not at all, and never replaces a file.
///
/// The text is written to a hidden temporary file beside it, synced, then hard-linked to its
/// name: `link` fails when the name exists, so a file that appears between our check and our
/// write is never overwritten either, and a crash leaves at most a hidden file that the catalog
/// walk skips (spec §1).
enum StarterFile {
  static let schemaPath = "Schemas/catalog.schema.json"

  static func fileName(for type: ProductType) -> String { "\(type.rawValue)-example.yaml" }

  static func write(directory: String, type: ProductType) throws(StarterFileError) -> String {
    try prepare(directory)
    let name = fileName(for: type)
    let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
    if case .success = POSIX.status(path, followingLinks: false) {
      throw StarterFileError(
        "\(path) already exists; skuc init never overwrites a file (move it away or choose another DIR)"
      )
    }
    let text = StarterCatalog.text(for: type, schemaLine: schemaLine(for: directory))
    let temporary = directory + "/.\(name).skuc-init-\(getpid())"
    try writeSynced(temporary, Array(text.utf8), display: path)
    defer { unlink(temporary) }
    if link(temporary, path) != 0 {
      let error = Errno(errno)
      if error.code == EEXIST {
        throw StarterFileError(
          "\(path) already exists; skuc init never overwrites a file (move it away or choose another DIR)"
        )
      }
      throw StarterFileError("cannot write \(path): \(error.text)")
    }
    let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if directoryDescriptor >= 0 {
      fsync(directoryDescriptor)
      close(directoryDescriptor)
    }
    return path
  }

  /// DIR must be a directory, or be missing with an existing parent (then it is created).
  private static func prepare(_ directory: String) throws(StarterFileError) {
    switch POSIX.status(directory, followingLinks: true) {
    case .success(let status):
      guard status.kind == .directory else {
        throw StarterFileError("\(directory) is not a directory")
      }
    case .failure(let error) where error.code == ENOENT:
      if mkdir(directory, 0o777) != 0 {
        let error = Errno(errno)
        let hint = error.code == ENOENT ? " (its parent directory must exist)" : ""
        throw StarterFileError("cannot create \(directory): \(error.text)\(hint)")
      }
    case .failure(let error):
      throw StarterFileError("cannot use \(directory): \(error.text)")
    }
  }

  private static func writeSynced(
    _ path: String, _ bytes: [UInt8], display: String
  ) throws(StarterFileError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw StarterFileError("cannot write \(display): \(Errno(errno).text)")
    }
    var failure = POSIX.writeAll(descriptor, bytes)
    if failure == nil && fsync(descriptor) != 0 { failure = Errno(errno) }
    if close(descriptor) != 0 && failure == nil { failure = Errno(errno) }
    if let failure {
      unlink(path)
      throw StarterFileError("cannot write \(display): \(failure.text)")
    }
  }

  /// The editor modeline: relative to the nearest enclosing directory that holds skuc's JSON
  /// Schema (the skuc repository, or a catalog repository that vendors `Schemas/`), so the
  /// link keeps working when the tree is cloned elsewhere. Outside such a tree there is no
  /// file to point at, and the line says how to set it up instead of pointing nowhere.
  static func schemaLine(for directory: String) -> String {
    guard let resolved = realpath(directory, nil) else { return schemaHelp }
    defer { free(resolved) }
    var components = String(cString: resolved).split(separator: "/").map(String.init)
    var depth = 0
    while true {
      let base = "/" + components.joined(separator: "/")
      let candidate = (base == "/" ? "" : base) + "/" + schemaPath
      if case .success(let status) = POSIX.status(candidate, followingLinks: true),
        status.kind == .regular
      {
        return "# yaml-language-server: $schema=" + String(repeating: "../", count: depth)
          + schemaPath
      }
      guard !components.isEmpty else { return schemaHelp }
      components.removeLast()
      depth += 1
    }
  }

  /// Not a modeline itself (the language server reads only a comment that starts with it), so
  /// an editor does not go looking for a file that is not there.
  static let schemaHelp = """
    # Editor support: skuc's JSON Schema is Schemas/catalog.schema.json in the skuc repository.
    # Copy it into your catalog repository and make this the first line of the file, with the
    # path from this file to the schema:
    #   # yaml-language-server: $schema=../Schemas/catalog.schema.json
    """
}
