/// The two streams a command writes to.
public enum OutputChannel: Sendable {
  case standardOutput
  case standardError
}

/// Where a command's output goes. The executable owns the process's streams and decides what a
/// failed write means for the exit status (spec §12); the library only hands it bytes, so that
/// nothing below the command line can end the process or hide a failure.
public protocol OutputSink: AnyObject {
  func write(_ bytes: [UInt8], to channel: OutputChannel)

  /// Whether `channel` is a terminal that welcomes colour (`NO_COLOR` unset).
  func wantsColour(_ channel: OutputChannel) -> Bool

  /// Why standard output could not be written, when its reader did not simply go away: a
  /// command that already changed files names them when this is set.
  var outputFailure: String? { get }
}

extension OutputSink {
  public func write(_ text: String, to channel: OutputChannel) {
    guard !text.isEmpty else { return }
    write(Array(text.utf8), to: channel)
  }
}
