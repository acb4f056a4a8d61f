import Dispatch
import SkuCompiler
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's signal behaviour (spec §12), installed once before any output:
/// - SIGPIPE is ignored, so a closed pipe (`skuc matrix | head -1`) is a failed write with
///   `EPIPE` that `StandardStreams` ends output on, instead of killing the process;
/// - SIGINT and SIGTERM remove every live staging directory, then exit 130 and 143. The
///   handlers are dispatch signal sources, so the cleanup runs on an ordinary thread.
enum SignalHandlers {
  private static let sources = Mutex<[any DispatchSourceSignal]>([])

  static func install() {
    signal(SIGPIPE, SIG_IGN)
    sources.withLock { sources in
      guard sources.isEmpty else { return }
      let queue = DispatchQueue(label: "skuc.interrupts")
      for (number, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
        // Dispatch asks for the default action to be disabled; on Linux it then installs its own
        // forwarding handler when the source is registered.
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
        source.setEventHandler {
          InterruptCleanup.removeLiveStaging { _exit(status) }
        }
        source.resume()
        sources.append(source)
      }
    }
  }
}
