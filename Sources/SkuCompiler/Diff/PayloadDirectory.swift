#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A directory written by `skuc build` (spec §11), read as one side of a diff.
///
/// Every payload the manifest lists is read and its SHA-256 checked against the manifest: a
/// payload that was edited, truncated or swapped after the build is refused (exit 2), never
/// silently compared; so is one whose derived fields disagree (`PayloadConsistency`), since
/// its hash may have been recomputed. Files are opened without following links (spec §15):
/// a link is followed only when its target stays inside the directory.
public enum PayloadDirectory {
  /// A payload file may be much larger than a catalog file; this only keeps a stray huge file
  /// from exhausting memory.
  static let maximumFileSize = 1 << 30

  public enum Probe: Sendable, Equatable {
    /// The directory holds a skuc manifest.
    case payloads
    /// No `manifest.json`, or one some other tool wrote: read the directory as a catalog.
    case notPayloads
  }

  /// Whether `path` is a payload directory. A `manifest.json` that is not JSON, or that names
  /// another version of the skuc manifest, is an error rather than a reason to read the
  /// directory as a catalog: it is most likely a damaged build output.
  public static func probe(_ path: String) throws(DiffError) -> Probe {
    guard case .success(let status) = POSIX.status(path, followingLinks: true),
      status.kind == .directory,
      case .success = POSIX.status(manifestPath(path), followingLinks: true)
    else { return .notPayloads }
    let manifest = try document(manifestPath(path), root: path)
    guard case .object(let members) = manifest,
      case .string(let format)? = members.first(where: { $0.0 == "format" })?.1
    else { return .notPayloads }
    if format == Emitter.manifestFormat { return .payloads }
    guard !format.hasPrefix("skuc-manifest") else {
      throw DiffError(
        "\(manifestPath(path)) has format \"\(format)\"; this skuc reads \"\(Emitter.manifestFormat)\""
      )
    }
    return .notPayloads
  }

  public static func read(_ path: String) throws(DiffError) -> DiffSide {
    let manifestFile = manifestPath(path)
    let manifest = Node(value: try document(manifestFile, root: path), file: manifestFile)
    var products: [DiffProduct] = []
    var seen: Set<String> = []
    for (index, entry) in try manifest.products().enumerated() {
      let place = "\(manifestFile): products[\(index)]"
      guard case .object(let members) = entry,
        case .string(let id)? = members.first(where: { $0.0 == "id" })?.1,
        case .string(let file)? = members.first(where: { $0.0 == "file" })?.1,
        case .string(let digest)? = members.first(where: { $0.0 == "sha256" })?.1,
        case .integer(let skus)? = members.first(where: { $0.0 == "skus" })?.1
      else {
        throw DiffError("\(place) needs the strings id, file and sha256 and the integer skus")
      }
      guard isPlainFileName(file) else {
        throw DiffError("\(place) names the file '\(file)', which is not a file name in \(path)")
      }
      guard seen.insert(id).inserted else {
        throw DiffError("\(place) lists product '\(id)' twice")
      }
      let payloadFile = join(path, file)
      let bytes = try contents(payloadFile, root: path)
      guard SHA256Digest.hex(of: bytes) == digest.lowercased() else {
        throw DiffError(
          "\(payloadFile) does not match its SHA-256 in \(manifestFile); it changed after skuc build wrote it"
        )
      }
      let payload: JSONValue
      do {
        payload = try JSONReader.parse(bytes)
      } catch {
        throw DiffError("\(payloadFile) is not valid JSON: \(error)")
      }
      let product = try PayloadDecoder.product(payload, file: payloadFile, verifying: true)
      guard product.id == id else {
        throw DiffError(
          "\(payloadFile) holds product '\(product.id)', but \(manifestFile) says '\(id)'")
      }
      let count = product.specs.reduce(0) { $0 + $1.skus.count }
      guard count == skus else {
        throw DiffError(
          "\(place).skus is \(skus), but \(payloadFile) holds \(counted(count, "SKU"))")
      }
      products.append(product)
    }
    return DiffSide(products: products)
  }

  private struct Node {
    var value: JSONValue
    var file: String

    func products() throws(DiffError) -> [JSONValue] {
      guard case .object(let members) = value,
        case .array(let products)? = members.first(where: { $0.0 == "products" })?.1
      else { throw DiffError("\(file) has no products array") }
      return products
    }
  }

  private static func manifestPath(_ directory: String) -> String {
    join(directory, Emitter.manifestName)
  }

  private static func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  /// A name directly inside the directory: no separators, not hidden, not `.` or `..`.
  private static func isPlainFileName(_ name: String) -> Bool {
    !name.isEmpty && !name.contains("/") && !name.hasPrefix(".") && !name.contains("\0")
  }

  private static func document(_ file: String, root: String) throws(DiffError) -> JSONValue {
    let bytes = try contents(file, root: root)
    do {
      return try JSONReader.parse(bytes)
    } catch {
      throw DiffError("\(file) is not valid JSON: \(error)")
    }
  }

  /// The bytes of a regular file; FIFOs and devices are refused before they are read. A
  /// symbolic link is resolved without opening anything and followed only when its target
  /// stays inside `root`; the file is then opened with `O_NOFOLLOW`, so a link swapped in
  /// meanwhile fails rather than leads outside.
  private static func contents(_ file: String, root: String) throws(DiffError) -> [UInt8] {
    let target = try PayloadLinks.target(of: file, root: root)
    let descriptor = open(target, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW)
    guard descriptor >= 0 else { throw DiffError("cannot read \(file): \(Errno(errno).text)") }
    defer { close(descriptor) }
    guard case .success(let status) = POSIX.status(ofDescriptor: descriptor),
      status.kind == .regular
    else {
      throw DiffError("cannot read \(file): not a regular file")
    }
    switch POSIX.readAll(descriptor, limit: maximumFileSize, sizeHint: status.size) {
    case .bytes(let bytes): return bytes
    case .tooLarge: throw DiffError("cannot read \(file): larger than \(maximumFileSize) bytes")
    case .failed(let error): throw DiffError("cannot read \(file): \(error.text)")
    }
  }
}
