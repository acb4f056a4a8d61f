import SkuCompiler

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// skuc-bench: measures the YAML front end against a bare libyaml event loop over the same
// bytes, and prints both speeds and their ratio. Run it in release mode (`make bench`);
// timings of debug builds mean nothing.
//
// Times are the CPU time of the measuring thread, not wall-clock time, so that other
// processes on a shared machine disturb them less. The two are timed alternately, iteration
// by iteration, and each keeps its best time, the run least disturbed by everything else.

/// One input to measure. Add scenarios here; each builds its bytes once, up front.
struct Scenario {
  var name: String
  /// The path diagnostics and nodes carry, as long as a real catalog path.
  var file: String
  var makeInput: () -> [UInt8]
}

let scenarios: [Scenario] = [
  Scenario(name: "catalog-15MiB", file: "Catalogs/bench/bench-product.yaml") {
    var generator = CatalogGenerator(seed: 0x5EED_C0DE)
    return generator.catalog(targetBytes: 15 * 1024 * 1024)
  },
  Scenario(name: "catalog-1MiB", file: "Catalogs/bench/bench-product.yaml") {
    var generator = CatalogGenerator(seed: 0x5EED_C0DE)
    return generator.catalog(targetBytes: 1024 * 1024)
  },
]

/// `skuc-bench [ITERATIONS]`; few iterations make profiling runs bearable.
let iterations = CommandLine.arguments.dropFirst().first.flatMap { Int($0) }.map { max($0, 1) } ?? 7

/// The CPU time `body` takes. Its result stays alive until the clock has stopped: freeing a
/// large tree is the caller's cost, not the parser's.
func time<Result>(_ body: () -> Result) -> Double {
  let start = threadCPUTime()
  let result = body()
  let elapsed = threadCPUTime() - start
  withExtendedLifetime(result) {}
  return elapsed
}

func threadCPUTime() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

func format(_ value: Double, decimals: Int) -> String {
  var scale = 1.0
  for _ in 0..<decimals { scale *= 10 }
  return "\((value * scale).rounded() / scale)"
}

for scenario in scenarios {
  let bytes = scenario.makeInput()
  let events = LibYAMLBaseline.countEvents(bytes)
  let check = YAMLFrontEnd.parse(bytes, file: scenario.file)
  guard check.document != nil, events > 0 else {
    print("\(scenario.name): the input does not parse: \(check.diagnostics.map(\.message))")
    continue
  }
  var frontEnd = Double.infinity
  var baseline = Double.infinity
  for _ in 0..<iterations {
    frontEnd = min(frontEnd, time { YAMLFrontEnd.parse(bytes, file: scenario.file) })
    baseline = min(baseline, time { LibYAMLBaseline.countEvents(bytes) })
  }
  let megabytes = Double(bytes.count) / 1_000_000
  print(
    "\(scenario.name): \(format(megabytes, decimals: 2)) MB, \(events) events, best of \(iterations)"
  )
  print("  front end       \(format(megabytes / frontEnd, decimals: 1)) MB/s")
  print("  libyaml events  \(format(megabytes / baseline, decimals: 1)) MB/s")
  print(
    "  ratio           \(format(baseline / frontEnd, decimals: 2)) (front end speed / libyaml speed)"
  )
}
