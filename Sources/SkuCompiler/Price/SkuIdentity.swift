/// SKU keys and codes (spec §9). The key is how versions are compared, so it sorts the
/// attributes by id: reordering attributes or values must never change it.
public enum SkuIdentity {
  public static func key(product: String, spec: ResolvedSpec, selection: [Int]) -> String {
    let pairs = selection.enumerated().map { attribute, value in
      (spec.enums[attribute].id.value, spec.values(attribute)[value].id.value)
    }.sorted { $0.0.precedesBytewise($1.0) }
    return "\(product)/\(spec.spec.id.value)/"
      + pairs.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
  }

  /// `S` and the first 15 upper-case hex digits of the key's SHA-256.
  public static func code(forKey key: String) -> String {
    code(value: codeValue(forKey: key))
  }

  /// The code's 15 hex digits as a number: what the collision check compares, eight bytes a
  /// SKU instead of a string.
  public static func codeValue(forKey key: String) -> UInt64 {
    codeValue(forKeyBytes: Array(key.utf8))
  }

  /// The first 15 hex digits are the digest's first 60 bits.
  static func codeValue(forKeyBytes key: [UInt8]) -> UInt64 {
    SHA256Digest.leadingWord(of: key) >> 4
  }

  public static func code(value: UInt64) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "S" + String(repeating: "0", count: 15 - digits.count) + digits
  }
}
