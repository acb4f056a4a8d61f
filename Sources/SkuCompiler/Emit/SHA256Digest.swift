internal import Crypto

/// The project's one use of swift-crypto. Kept in its own file so that the fuzzing build,
/// which cannot link BoringSSL, can swap in another implementation of this one function.
enum SHA256Digest {
  static func hex(of bytes: [UInt8]) -> String {
    let digest = SHA256.hash(data: bytes)
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
