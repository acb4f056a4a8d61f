internal import Crypto

/// The project's one use of swift-crypto. Kept in its own file so that the fuzzing build,
/// which cannot link BoringSSL, can swap in another implementation of this one type.
struct SHA256Digest {
  private var hasher = SHA256()

  init() {}

  /// Hashes a payload as it is written, so that the manifest's digest needs no second pass.
  mutating func update(_ bytes: [UInt8]) {
    hasher.update(data: bytes)
  }

  /// The lower-case hex digest of everything given to `update`.
  func finalize() -> String {
    Self.hex(hasher.finalize())
  }

  /// The digest's first eight bytes as a big-endian number, for SKU codes (spec §9): the
  /// code needs only 60 bits, so no hex text is built for a key.
  static func leadingWord(of bytes: [UInt8]) -> UInt64 {
    var word: UInt64 = 0
    for byte in bytes.withUnsafeBytes({ SHA256.hash(data: $0) }).prefix(8) {
      word = word << 8 | UInt64(byte)
    }
    return word
  }

  static func hex(of bytes: [UInt8]) -> String {
    hex(SHA256.hash(data: bytes))
  }

  private static func hex(_ digest: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(64)
    for byte in digest {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
