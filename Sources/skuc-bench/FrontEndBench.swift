import SkuCompiler

#if canImport(Glibc)
  import Glibc
#endif

/// Scenario (a): the YAML front end against a bare libyaml event loop over the same bytes.
///
/// Times are the CPU time of the measuring thread, not wall-clock time, so that other
/// processes on a shared machine disturb them less. The two are timed alternately, iteration
/// by iteration, and each keeps its best time, the run least disturbed by everything else.
enum FrontEndBench {
  /// One input to measure; each builds its bytes once, up front.
  struct Scenario: Sendable {
    var name: String
    /// The path diagnostics and nodes carry, as long as a real catalog path.
    var file: String
    var makeInput: @Sendable () -> [UInt8]
  }

  static let scenarios: [Scenario] = [
    Scenario(name: "(a) front end, 15 MiB file", file: "Catalogs/bench/bench-product.yaml") {
      var generator = CatalogGenerator(seed: 0x5EED_C0DE)
      return generator.catalog(targetBytes: 15 * 1024 * 1024)
    },
    Scenario(name: "(a) front end, 1 MiB file", file: "Catalogs/bench/bench-product.yaml") {
      var generator = CatalogGenerator(seed: 0x5EED_C0DE)
      return generator.catalog(targetBytes: 1024 * 1024)
    },
  ]

  static func run(iterations: Int) {
    for scenario in scenarios {
      let bytes = scenario.makeInput()
      let events = LibYAMLBaseline.countEvents(bytes)
      let check = YAMLFrontEnd.parse(bytes, file: scenario.file)
      guard check.document != nil, events > 0 else {
        print("\(scenario.name): the input does not parse: \(check.diagnostics.map(\.message))")
        continue
      }
      var frontEnd = Int.max
      var baseline = Int.max
      for _ in 0..<iterations {
        frontEnd = min(frontEnd, nanoseconds { YAMLFrontEnd.parse(bytes, file: scenario.file) })
        baseline = min(baseline, nanoseconds { LibYAMLBaseline.countEvents(bytes) })
      }
      print("\(scenario.name): \(bytes.count) bytes, \(events) events, best of \(iterations)")
      print("  front end       \(megabytesPerSecond(bytes.count, frontEnd)) MB/s")
      print("  libyaml events  \(megabytesPerSecond(bytes.count, baseline)) MB/s")
      print(
        "  ratio           \(PipelineBench.ratio(baseline, frontEnd)) (front-end speed / libyaml speed, target ≥ 0.50)"
      )
    }
  }

  /// The CPU time `body` takes. Its result stays alive until the clock has stopped: freeing a
  /// large tree is the caller's cost, not the parser's.
  static func nanoseconds<Result>(_ body: () -> Result) -> Int {
    let start = threadCPUTime()
    let result = body()
    let elapsed = threadCPUTime() - start
    withExtendedLifetime(result) {}
    return max(elapsed, 1)
  }

  static func threadCPUTime() -> Int {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return now.tv_sec * 1_000_000_000 + now.tv_nsec
  }

  /// Bytes per nanosecond is gigabytes per second; a thousand times that is MB/s.
  static func megabytesPerSecond(_ bytes: Int, _ nanoseconds: Int) -> Int {
    bytes * 1000 / nanoseconds
  }
}
