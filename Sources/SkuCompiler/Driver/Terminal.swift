#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Musl)
  internal import Musl
#elseif canImport(Darwin)
  internal import Darwin
#endif

/// The process's standard streams, written with `fwrite` so that a closed pipe
/// (`skuc matrix | head -1`) surfaces as a failed write we can end quietly on, not a crash.
public enum Terminal {
  public enum Stream: Sendable {
    case output
    case error
  }

  public static func write(_ text: String, to stream: Stream) {
    guard !text.isEmpty else { return }
    write(Array(text.utf8), to: stream)
  }

  public static func write(_ bytes: [UInt8], to stream: Stream) {
    let descriptor = stream == .output ? STDOUT_FILENO : STDERR_FILENO
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBufferPointer { buffer in
        Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        // The reader went away (EPIPE with SIGPIPE ignored): nobody is left to tell.
        exit(stream == .output ? 0 : 2)
      }
      offset += written
    }
  }

  /// Whether the stream is a terminal, and colour is welcome there (`NO_COLOR` unset).
  public static func wantsColour(_ stream: Stream) -> Bool {
    guard getenv("NO_COLOR") == nil else { return false }
    return isatty(stream == .output ? STDOUT_FILENO : STDERR_FILENO) == 1
  }
}
