import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs git as a child process for `GitTreeSource`.
///
/// The environment is pinned (`LC_ALL=C` so messages do not depend on `LANG`,
/// `GIT_OPTIONAL_LOCKS=0` so a read never writes the index, no terminal prompts), and standard
/// output, standard error and standard input are serviced concurrently so that neither side can
/// block on a full pipe.
struct GitRunner {
  struct Output {
    var status: Int32
    var output: [UInt8]
    var error: [UInt8]

    /// git's first message line, for an error that quotes it.
    var errorLine: String {
      let text = String(decoding: error, as: UTF8.self).trimmingWhitespace
      let line = text.split(separator: "\n").first.map(String.init) ?? ""
      return line.isEmpty ? "git exited with status \(status)" : line
    }
  }

  let executable: String
  let directory: String?

  init(directory: String?) throws(CatalogTreeError) {
    guard let executable = Self.findExecutable() else {
      throw CatalogTreeError("cannot read a git revision: no git executable found in PATH")
    }
    self.executable = executable
    self.directory = directory
  }

  private static func findExecutable() -> String? {
    let searchPath = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
    for directory in searchPath.split(separator: ":") where !directory.isEmpty {
      let candidate = String(directory) + "/git"
      if case .success(let status) = POSIX.status(candidate, followingLinks: true),
        status.kind == .regular, access(candidate, X_OK) == 0
      {
        return candidate
      }
    }
    return nil
  }

  func run(_ arguments: [String], input: [UInt8]? = nil) throws(CatalogTreeError) -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    var environment = ProcessInfo.processInfo.environment
    environment["LC_ALL"] = "C"
    environment["GIT_OPTIONAL_LOCKS"] = "0"
    environment["GIT_TERMINAL_PROMPT"] = "0"
    process.environment = environment

    let outputPipe = Pipe()
    let errorPipe = Pipe()
    let inputPipe = Pipe()
    process.standardOutput = outputPipe
    process.standardError = errorPipe
    process.standardInput = inputPipe
    // A git that exits before reading all of its input must not kill skuc with SIGPIPE; the
    // write then fails with EPIPE and git's own status tells what went wrong.
    signal(SIGPIPE, SIG_IGN)
    do {
      try process.run()
    } catch {
      throw CatalogTreeError("cannot run git (\(executable)): \(error.localizedDescription)")
    }

    let collected = Mutex<[UInt8]>([])
    let group = DispatchGroup()
    let errorReader = errorPipe.fileHandleForReading
    DispatchQueue.global().async(group: group) {
      let bytes = [UInt8](errorReader.readDataToEndOfFile())
      collected.withLock { $0 = bytes }
    }
    let inputWriter = inputPipe.fileHandleForWriting
    DispatchQueue.global().async(group: group) {
      if let input { try? inputWriter.write(contentsOf: input) }
      try? inputWriter.close()
    }
    let output = [UInt8](outputPipe.fileHandleForReading.readDataToEndOfFile())
    group.wait()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, output: output, error: collected.withLock { $0 })
  }

  /// The contents of each object, in order, via one `git cat-file --batch`; `nil` for an object
  /// git reports missing. Sizes were checked against the 16 MiB limit from `ls-tree -l` before.
  func catFile(_ objects: [String]) throws(CatalogTreeError) -> [[UInt8]?] {
    guard !objects.isEmpty else { return [] }
    let input = Array(objects.map { $0 + "\n" }.joined().utf8)
    let result = try run(["cat-file", "--batch"], input: input)
    guard result.status == 0 else {
      throw CatalogTreeError("git cat-file failed: \(result.errorLine)")
    }
    var blobs: [[UInt8]?] = []
    var cursor = result.output.startIndex
    let bytes = result.output
    for _ in objects {
      guard let newline = bytes[cursor...].firstIndex(of: 0x0A) else {
        throw CatalogTreeError("git cat-file ended early")
      }
      let header = bytes[cursor..<newline].split(separator: 0x20)
      cursor = bytes.index(after: newline)
      guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)),
        size >= 0, bytes.distance(from: cursor, to: bytes.endIndex) > size
      else {
        blobs.append(nil)
        continue
      }
      blobs.append(Array(bytes[cursor..<(cursor + size)]))
      cursor += size + 1
    }
    return blobs
  }
}
