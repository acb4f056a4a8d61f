/// Stops the fuzzer with a message when an invariant of the code under test breaks.
///
/// libFuzzer records any trap as a crash and saves the input, so a broken invariant is
/// reported exactly like a crash in the library itself.
func require(
  _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
  file: StaticString = #fileID, line: UInt = #line
) {
  if !condition() {
    fatalError("invariant broken: \(message())", file: file, line: line)
  }
}

/// Reads a fuzzer input as a stream of small decisions, so that one byte string can describe a
/// structured value. Once the bytes run out every read returns zero, which always picks the
/// smallest choice, so every input describes a finite value.
struct FuzzBytes {
  private let bytes: [UInt8]
  private var index = 0

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  var isAtEnd: Bool { index >= bytes.count }

  mutating func byte() -> UInt8 {
    guard index < bytes.count else { return 0 }
    defer { index += 1 }
    return bytes[index]
  }

  /// A value in `0..<bound`; `bound` must be positive.
  mutating func below(_ bound: Int) -> Int {
    Int(byte()) % bound
  }

  mutating func bytes(_ count: Int) -> [UInt8] {
    let end = min(bytes.count, index + count)
    defer { index = max(index, end) }
    return index < end ? Array(bytes[index..<end]) : []
  }

  mutating func int64() -> Int64 {
    var value: UInt64 = 0
    for _ in 0..<8 { value = value << 8 | UInt64(byte()) }
    return Int64(bitPattern: value)
  }
}
