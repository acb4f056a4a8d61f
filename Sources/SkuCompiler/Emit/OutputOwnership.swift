import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decides whether a non-empty DIR holds only what a build wrote (spec §15, ownership): a
/// `manifest.json` in the skuc format, and the payload files it lists (each named
/// `<product id>.json`, as build names them), each with the listed SHA-256. Anything else (a `NOTES.md`, a `.git/`, a payload edited by hand, a forged one-line
/// manifest beside source files) is someone else's, and DIR is left alone.
struct OutputOwnership {
  let directory: String

  /// Throws naming the first foreign entry in byte-wise order.
  func check(_ listing: DirectoryListing) throws(OutputError) {
    let names = (listing.names + listing.undecodableNames).sorted { $0.precedesBytewise($1) }
    guard let listed = manifestEntries() else {
      let first = names.first ?? "manifest.json"
      throw OutputError(
        "\(directory) is not empty and holds no manifest.json written by skuc (first entry: "
          + "'\(first.escapingControlCharacters)'); refusing to replace it, since build never "
          + "deletes files it did not write (empty it or choose another --out)")
    }
    let undecodable = Set(listing.undecodableNames)
    for name in names where name != "manifest.json" {
      let reason: String?
      if undecodable.contains(name) {
        reason = "its name is not valid UTF-8"
      } else if let digest = listed[name] {
        reason = mismatch(name, expected: digest)
      } else {
        reason = "manifest.json does not list it"
      }
      if let reason {
        throw OutputError(
          "\(directory) holds '\(name.escapingControlCharacters)', which build did not write "
            + "(\(reason)); refusing to replace \(directory), since build never deletes files "
            + "it did not write (move it elsewhere or choose another --out)")
      }
    }
  }

  /// The payload files `manifest.json` lists, by file name, with their hashes; `nil` when there
  /// is no manifest in the skuc format.
  private func manifestEntries() -> [String: String]? {
    let descriptor = open(
      directory + "/manifest.json", O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    guard case .success(let status) = POSIX.status(ofDescriptor: descriptor),
      status.kind == .regular,
      case .bytes(let bytes) = POSIX.readAll(
        descriptor, limit: YAMLFrontEnd.maximumFileSize, sizeHint: status.size),
      let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
      object["format"] as? String == Emitter.manifestFormat,
      let products = object["products"] as? [[String: Any]]
    else { return nil }
    var entries: [String: String] = [:]
    for product in products {
      // Build writes `<product id>.json` and nothing else, so a manifest that lists any other
      // name (a forged one claiming `crm.yaml` with its true hash) is not ours.
      guard let id = product["id"] as? String, case .success = ScalarGrammar.id(id),
        let file = product["file"] as? String, file == id + ".json",
        let digest = product["sha256"] as? String
      else { return nil }
      entries[file] = digest
    }
    return entries
  }

  /// Why a listed file is not the one build wrote, or `nil` when it is.
  private func mismatch(_ name: String, expected: String) -> String? {
    let descriptor = open(
      directory + "/" + name, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY)
    guard descriptor >= 0 else { return "it is not a regular file" }
    defer { close(descriptor) }
    guard case .success(let status) = POSIX.status(ofDescriptor: descriptor),
      status.kind == .regular
    else { return "it is not a regular file" }
    var digest = SHA256Digest()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { return "it cannot be read: \(Errno(errno).text)" }
      if count == 0 { break }
      digest.update(Array(chunk[0..<count]))
    }
    return digest.finalize() == expected
      ? nil : "its content does not match the sha256 in manifest.json"
  }
}
