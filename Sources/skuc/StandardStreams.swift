import SkuCompiler
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's standard streams: the one `OutputSink` of the command line.
///
/// A write error is remembered, never acted on here: `main` alone maps it to an exit status.
/// Once the reader of stdout is gone (`EPIPE`, with SIGPIPE ignored) further output is
/// dropped and the status stays what the run earned; any other error (`ENOSPC`, `EIO`) makes
/// the run exit 2, because a CI log that lost its diagnostics must not read as a pass.
final class StandardStreams: OutputSink, Sendable {
  static let shared = StandardStreams()

  private struct State {
    var closed: Set<Int32> = []
    var outputError: Int32?
    var errorStreamBroken = false
  }

  private let state = Mutex(State())

  func write(_ bytes: [UInt8], to channel: OutputChannel) {
    let descriptor = Self.descriptor(channel)
    guard !bytes.isEmpty, !state.withLock({ $0.closed.contains(descriptor) }) else { return }
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBufferPointer { buffer in
        systemWrite(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
      }
      if written < 0 {
        let code = errno
        if code == EINTR { continue }
        state.withLock { state in
          state.closed.insert(descriptor)
          if channel == .standardOutput, code != EPIPE, state.outputError == nil {
            state.outputError = code
          }
          if channel == .standardError { state.errorStreamBroken = true }
        }
        return
      }
      offset += written
    }
  }

  func wantsColour(_ channel: OutputChannel) -> Bool {
    guard getenv("NO_COLOR") == nil else { return false }
    return isatty(Self.descriptor(channel)) == 1
  }

  var outputFailure: String? {
    state.withLock { $0.outputError }.map {
      "cannot write to standard output: \(String(cString: strerror($0)))"
    }
  }

  private static func descriptor(_ channel: OutputChannel) -> Int32 {
    channel == .standardOutput ? STDOUT_FILENO : STDERR_FILENO
  }
}

/// `write(2)`, named apart from `OutputSink.write` and portable across C libraries.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.write(descriptor, bytes, count)
  #elseif canImport(Musl)
    return Musl.write(descriptor, bytes, count)
  #else
    return Darwin.write(descriptor, bytes, count)
  #endif
}
