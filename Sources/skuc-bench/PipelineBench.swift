#if canImport(Glibc)
  import Glibc
#endif

/// Scenarios (b)–(e) of the performance issue, each run through the real `skuc` binary in a
/// child process: build of 2,000 products, one spec of 100k and 1M SKUs, diff of two versions,
/// and the write floor. Prints wall time, SKUs per second, peak RSS and the target ratios.
enum PipelineBench {
  struct Row {
    var name: String
    var measurement: Measurement
    var skus: Int
  }

  static func run(skuc: String, bench: String, workDirectory work: String) {
    PipelineCatalogs.makeDirectory(work)
    let products = 2000
    let skusPerProduct = 99
    print("generating catalogs in \(work) ...")
    PipelineCatalogs.writeProducts(count: products, to: work + "/b-old")
    // 5% of the edition prices change, so about 5% of the SKUs are repriced.
    PipelineCatalogs.writeProducts(count: products, to: work + "/b-new") { $0 % 20 == 7 ? 3 : 0 }
    PipelineCatalogs.writeLargeSpec(firstValues: 10, to: work + "/c-100k")
    PipelineCatalogs.writeLargeSpec(firstValues: 100, to: work + "/c-1m")

    var rows: [Row] = []
    let build = best(2) {
      ChildProcess.run([skuc, "build", work + "/b-old", "--out", work + "/out-b"])
    }
    rows.append(
      Row(name: "(b) build 2,000 products", measurement: build, skus: products * skusPerProduct))
    let floor = best(2) { writeFloor(bench: bench, source: work + "/out-b", work: work) }
    rows.append(
      Row(name: "(e) write floor, same bytes", measurement: floor, skus: products * skusPerProduct))
    let diff = best(2) {
      ChildProcess.run([skuc, "diff", work + "/b-old", work + "/b-new", "--format", "json"])
    }
    rows.append(
      Row(name: "(d) diff, 5% repriced", measurement: diff, skus: products * skusPerProduct))
    let small = ChildProcess.run([skuc, "build", work + "/c-100k", "--out", work + "/out-c"])
    rows.append(Row(name: "(c) one spec, 100k SKUs", measurement: small, skus: 100_000))
    let large = ChildProcess.run([skuc, "build", work + "/c-1m", "--out", work + "/out-c"])
    rows.append(Row(name: "(c) one spec, 1M SKUs", measurement: large, skus: 1_000_000))

    print("")
    print(pad("scenario", 30) + pad("wall", 10) + pad("SKUs/s", 12) + "peak RSS")
    for row in rows {
      let rate =
        row.measurement.milliseconds > 0 ? row.skus * 1000 / row.measurement.milliseconds : 0
      let status = row.measurement.status == 0 ? "" : "  (exit \(row.measurement.status))"
      print(
        pad(row.name, 30) + pad("\(seconds(row.measurement.milliseconds)) s", 10)
          + pad("\(rate)", 12) + "\(row.measurement.peakKiB / 1024) MiB" + status)
    }
    print("")
    report(
      "(b)/(e) build vs write floor", ratio(build.milliseconds, floor.milliseconds),
      target: "≤ 2.00")
    report(
      "(d)/(b) diff vs building one side", ratio(diff.milliseconds, build.milliseconds),
      target: "< 2.00")
    report(
      "(c) growth 100k → 1M SKUs", ratio(large.milliseconds, small.milliseconds), target: "≤ 11.00")
    report("(c) peak RSS at 1M SKUs", "\(large.peakKiB / 1024) MiB", target: "< 512 MiB")
  }

  /// The fastest of `count` runs: the one least disturbed by the rest of the machine.
  static func best(_ count: Int, _ run: () -> Measurement) -> Measurement {
    var fastest = run()
    for _ in 1..<count {
      let next = run()
      if next.milliseconds < fastest.milliseconds { fastest = next }
    }
    return fastest
  }

  static func writeFloor(bench: String, source: String, work: String) -> Measurement {
    let output = work + "/write-floor.txt"
    var measurement = ChildProcess.run(
      [bench, "write-floor", source, work + "/out-e"], output: output)
    let text = String(decoding: WriteFloor.read(output), as: UTF8.self)
    measurement.milliseconds =
      Int(text.split(separator: "\n").first ?? "") ?? measurement.milliseconds
    return measurement
  }

  static func ratio(_ numerator: Int, _ denominator: Int) -> String {
    guard denominator > 0 else { return "n/a" }
    let hundredths = (numerator * 100 + denominator / 2) / denominator
    let fraction = String(hundredths % 100)
    return "\(hundredths / 100).\(fraction.count == 1 ? "0" + fraction : fraction)"
  }

  static func seconds(_ milliseconds: Int) -> String {
    let fraction = String(milliseconds % 1000)
    return "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count) + fraction)"
  }

  static func report(_ name: String, _ value: String, target: String) {
    print(pad(name, 36) + pad(value, 10) + "target \(target)")
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(1, width - text.count))
  }
}
