import SkuCompiler

#if canImport(Glibc)
  import Glibc
#endif

/// What one run of a child process cost: wall time and peak resident memory.
struct Measurement {
  var milliseconds: Int
  var peakKiB: Int
  var status: Int32
  /// User plus system CPU time: on a shared machine it moves less than the wall time.
  var cpuMilliseconds = 0
}

/// Runs commands as child processes, so each scenario's peak memory is its own and the
/// measured program is the real `skuc` binary.
enum ChildProcess {
  static func monotonicMilliseconds() -> Int {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
  }

  /// Runs `arguments[0]` with its output sent to `output` (a path).
  static func run(_ arguments: [String], output: String = "/dev/null") -> Measurement {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = monotonicMilliseconds()
    guard let program = argv.first ?? nil,
      posix_spawn(&pid, program, &actions, nil, argv, environ) == 0
    else {
      return Measurement(milliseconds: 0, peakKiB: 0, status: -1)
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let elapsed = monotonicMilliseconds() - start
    let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let cpu =
      (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
      + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
    return Measurement(
      milliseconds: elapsed, peakKiB: usage.ru_maxrss, status: exitStatus, cpuMilliseconds: cpu)
  }
}

/// Scenario (e), run as `skuc-bench write-floor SRC DEST` in a child: the same payload bytes
/// written through the same atomic output protocol (staging, fsync per file, swap), with no
/// computation. It prints the milliseconds of the write alone.
enum WriteFloor {
  static func run(source: String, destination: String) -> Int32 {
    guard let directory = opendir(source) else { return 2 }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if !name.hasPrefix(".") { names.append(name) }
    }
    closedir(directory)
    names.sort()
    let files = names.map { ($0, read(source + "/" + $0)) }
    let start = ChildProcess.monotonicMilliseconds()
    do {
      try OutputDirectory(path: destination).replaceContents { writer in
        for (name, bytes) in files { try writer.write(name, bytes) }
      }
    } catch {
      return 2
    }
    print(ChildProcess.monotonicMilliseconds() - start)
    return 0
  }

  static func read(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "r") else { return [] }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = buffer.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, file) }
      if count <= 0 { break }
      bytes.append(contentsOf: buffer[0..<count])
    }
    return bytes
  }
}
