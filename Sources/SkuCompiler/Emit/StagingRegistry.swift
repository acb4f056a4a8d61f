import Synchronization

/// What an interrupted build must clean up (spec §12, reliability F3 and F6). The executable
/// installs the signal handlers and calls `removeLiveStaging(thenExit:)` from them.
///
/// The handlers must run on an ordinary thread, not in signal context (dispatch signal sources
/// do), because this takes locks, allocates and walks directories. It coordinates with writers
/// through `StagingRegistry`'s lock: a file write, a commit (fsync, swap, parent fsync) and the
/// removal of old content each run entirely under it, so the handler acts between steps and
/// then exits while still holding the lock, and no writer can start another step. A swap that
/// already happened is never undone: the staging name then holds the old content, which the
/// handler removes like any staging directory. (An interrupt that lands after the swap thus exits
/// 130/143 with DIR already holding the complete new content; DIR is whole either way.)
public enum InterruptCleanup {
  /// Removes every live staging directory, then calls `endProcess` while still holding the
  /// lock.
  public static func removeLiveStaging(thenExit endProcess: () -> Void) {
    StagingRegistry.shared.terminate(then: endProcess)
  }
}

/// Every staging directory that is live in this process, behind one lock shared with the
/// interrupt handler.
final class StagingRegistry: Sendable {
  typealias ID = UInt64

  static let shared = StagingRegistry()

  private struct State {
    var nextID: ID = 0
    var live: [ID: String] = [:]
    var terminated = false
  }

  private let state = Mutex(State())

  /// Records `path` as live and runs `create` (which makes the directory) under the lock, so an
  /// interrupt sees either no directory or a registered one.
  func register(_ path: String, _ create: () throws(OutputError) -> Void) throws(OutputError) -> ID
  {
    try state.withLock { (state) throws(OutputError) -> ID in
      try Self.checkRunning(state)
      try create()
      state.nextID += 1
      state.live[state.nextID] = path
      return state.nextID
    }
  }

  /// Runs one step on a live staging directory, under the lock.
  func whileLive(_ id: ID, _ body: () throws(OutputError) -> Void) throws(OutputError) {
    try state.withLock { (state) throws(OutputError) in
      try Self.checkRunning(state)
      try body()
    }
  }

  /// Runs the last step on a staging directory (removing it or the old content under its name)
  /// and forgets it, under the lock.
  func finish(_ id: ID, _ body: () -> Void) {
    state.withLock { state in
      guard !state.terminated else { return }
      body()
      state.live[id] = nil
    }
  }

  /// Removes every live staging directory, then calls `endProcess` while still holding the
  /// lock, so that no writer can take another step. In the command line it never returns; tests
  /// pass one that does, and then every later step throws.
  func terminate(then endProcess: () -> Void) {
    state.withLock { state in
      state.terminated = true
      for path in state.live.values { FileTree.remove(path) }
      state.live.removeAll()
      endProcess()
    }
  }

  var livePaths: [String] {
    state.withLock { Array($0.live.values) }
  }

  private static func checkRunning(_ state: borrowing State) throws(OutputError) {
    if state.terminated { throw OutputError("interrupted") }
  }
}
