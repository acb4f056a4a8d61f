import SkuCompiler

#if canImport(Glibc)
  import Glibc
#endif

// skuc-bench: the performance benchmark behind `make bench`. Run it in release mode; timings
// of debug builds mean nothing.
//
//   skuc-bench                    every scenario: (a) front end, then (b)–(g) through `skuc`
//   skuc-bench pipeline [LETTERS]  only the pipeline scenarios named (e.g. `fg`), or all
//   skuc-bench front-end [N]      scenario (a) only, N iterations (few make profiling bearable)
//   skuc-bench write-floor SRC DEST   the write floor's child process (used by the scenarios)

let arguments = Array(CommandLine.arguments.dropFirst())

/// The directory of this executable, where `swift build` also puts `skuc`.
func executableDirectory() -> String {
  var buffer = [CChar](repeating: 0, count: 4096)
  let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
  guard length > 0 else { return ".build/release" }
  let path = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  return String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
}

switch arguments.first {
case "write-floor" where arguments.count == 3:
  exit(WriteFloor.run(source: arguments[1], destination: arguments[2]))
case "front-end":
  FrontEndBench.run(
    iterations: arguments.dropFirst().first.flatMap { Int($0) }.map { max($0, 1) } ?? 7)
case nil, "pipeline":
  let directory = executableDirectory()
  let work = "build/bench"
  if arguments.isEmpty {
    FrontEndBench.run(iterations: 5)
    print("")
  }
  PipelineBench.run(
    skuc: directory + "/skuc", bench: directory + "/skuc-bench", workDirectory: work,
    only: Set(arguments.dropFirst().joined()))
  // The outputs are gigabytes; keep them only when asked to look at them.
  if getenv("SKUC_BENCH_KEEP") == nil {
    _ = ChildProcess.run(["/bin/rm", "-rf", work])
  }
default:
  print("usage: skuc-bench [front-end [ITERATIONS] | pipeline [LETTERS] | write-floor SRC DEST]")
  exit(2)
}
