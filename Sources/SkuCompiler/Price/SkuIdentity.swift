/// SKU keys and codes (spec §9). The key is how versions are compared, so it sorts the
/// attributes by id: reordering attributes or values must never change it.
public enum SkuIdentity {
  public static func key(product: String, spec: ResolvedSpec, selection: [Int]) -> String {
    let pairs = selection.enumerated().map { attribute, value in
      (spec.enums[attribute].id.value, spec.values(attribute)[value].id.value)
    }.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
    return "\(product)/\(spec.spec.id.value)/" + pairs.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
  }

  /// `S` and the first 15 upper-case hex digits of the key's SHA-256.
  public static func code(forKey key: String) -> String {
    "S" + String(SHA256Digest.hex(of: Array(key.utf8)).prefix(15)).uppercased()
  }
}
