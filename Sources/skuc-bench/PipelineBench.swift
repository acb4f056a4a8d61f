#if canImport(Glibc)
  import Glibc
#endif

/// The pipeline scenarios of the performance issues, each run through the real `skuc` binary
/// in a child process, and the table of issue 14: every `build` against the write floor of its
/// own bytes (the same files written, fsynced and swapped with no computation), `check` of a
/// 10^6-SKU spec, the same spec with 2,000 forbid rules, and `diff`.
enum PipelineBench {
  struct Row {
    var name: String
    var measurement: Measurement
    var skus: Int
    /// The write floor of the scenario's output, for builds.
    var floor: Measurement?
    var outputBytes = 0
  }

  /// Scenario letters: b (2,000 products), c (one spec, 100k and 1M SKUs), f (check of 1M
  /// SKUs), g (the same with 2,000 forbid rules), d (diff). All when none are given.
  static func run(skuc: String, bench: String, workDirectory work: String, only: Set<Character>) {
    func wanted(_ letter: Character) -> Bool { only.isEmpty || only.contains(letter) }
    PipelineCatalogs.makeDirectory(work)
    let products = 2000
    let skusPerProduct = 99
    print("generating catalogs in \(work) ...")
    if wanted("b") || wanted("d") {
      PipelineCatalogs.writeProducts(count: products, to: work + "/b-old")
    }
    if wanted("d") {
      // 5% of the edition prices change, so about 5% of the SKUs are repriced.
      PipelineCatalogs.writeProducts(count: products, to: work + "/b-new") { $0 % 20 == 7 ? 3 : 0 }
    }
    if wanted("c") { PipelineCatalogs.writeLargeSpec(firstValues: 10, to: work + "/c-100k") }
    if wanted("c") || wanted("f") || wanted("g") {
      PipelineCatalogs.writeLargeSpec(firstValues: 100, to: work + "/c-1m")
    }
    if wanted("g") {
      PipelineCatalogs.writeLargeSpec(firstValues: 100, forbids: 2000, to: work + "/g-1m-rules")
    }

    var rows: [Row] = []
    func build(_ name: String, _ catalog: String, skus: Int, runs: Int) {
      let out = work + "/out-" + catalog
      let measurement = best(runs) {
        ChildProcess.run([skuc, "build", work + "/" + catalog, "--out", out])
      }
      let floor = best(runs) { writeFloor(bench: bench, source: out, work: work) }
      rows.append(
        Row(
          name: name, measurement: measurement, skus: skus, floor: floor,
          outputBytes: directoryBytes(out)))
      _ = ChildProcess.run(["/bin/rm", "-rf", out, work + "/out-e"])
    }
    func check(_ name: String, _ catalog: String, skus: Int) {
      let measurement = best(3) { ChildProcess.run([skuc, "check", work + "/" + catalog]) }
      rows.append(Row(name: name, measurement: measurement, skus: skus))
    }
    if wanted("b") {
      build("(b) build 2,000 products", "b-old", skus: products * skusPerProduct, runs: 2)
    }
    if wanted("c") {
      build("(c) build one spec, 100k SKUs", "c-100k", skus: 100_000, runs: 2)
      build("(c) build one spec, 1M SKUs", "c-1m", skus: 1_000_000, runs: 1)
    }
    if wanted("f") { check("(f) check one spec, 1M SKUs", "c-1m", skus: 1_000_000) }
    if wanted("g") { check("(g) check 1M + 2,000 forbids", "g-1m-rules", skus: 800_000) }
    if wanted("d") {
      let diff = best(2) {
        ChildProcess.run([skuc, "diff", work + "/b-old", work + "/b-new", "--format", "json"])
      }
      rows.append(
        Row(name: "(d) diff, 5% repriced", measurement: diff, skus: products * skusPerProduct))
    }
    printTable(rows)
  }

  static func printTable(_ rows: [Row]) {
    print("")
    print(
      pad("scenario", 32) + pad("wall", 10) + pad("cpu", 10) + pad("SKUs/s", 10) + pad("RSS", 10)
        + pad("output", 10) + pad("floor", 10) + "wall/floor")
    for row in rows {
      let rate =
        row.measurement.milliseconds > 0 ? row.skus * 1000 / row.measurement.milliseconds : 0
      let status = row.measurement.status == 0 ? "" : "  (exit \(row.measurement.status))"
      var line =
        pad(row.name, 32) + pad("\(seconds(row.measurement.milliseconds)) s", 10)
        + pad("\(seconds(row.measurement.cpuMilliseconds)) s", 10) + pad("\(rate)", 10)
        + pad("\(row.measurement.peakKiB / 1024) MiB", 10)
      if let floor = row.floor {
        line +=
          pad("\(row.outputBytes / 1_000_000) MB", 10) + pad("\(seconds(floor.milliseconds)) s", 10)
          + ratio(row.measurement.milliseconds, floor.milliseconds)
      }
      print(line + status)
    }
    print("")
    for row in rows {
      if let floor = row.floor, row.outputBytes > 10_000_000 {
        report(
          "\(row.name) vs its write floor", ratio(row.measurement.milliseconds, floor.milliseconds),
          target: "≤ 1.50")
      }
      if row.name.hasPrefix("(c) build one spec, 1M") {
        report(
          "(c) peak RSS at 1M SKUs", "\(row.measurement.peakKiB / 1024) MiB", target: "< 256 MiB")
      }
      if row.name.hasPrefix("(f)") {
        report(
          "(f) check of 1M SKUs", "\(seconds(row.measurement.milliseconds)) s", target: "≤ 1.000 s")
      }
    }
    if let plain = rows.first(where: { $0.name.hasPrefix("(f)") }),
      let rules = rows.first(where: { $0.name.hasPrefix("(g)") })
    {
      report(
        "(g)/(f) 2,000 forbids vs none",
        ratio(rules.measurement.milliseconds, plain.measurement.milliseconds),
        target: "≤ 2.00")
    }
  }

  /// The fastest of `count` runs: the one least disturbed by the rest of the machine.
  static func best(_ count: Int, _ run: () -> Measurement) -> Measurement {
    var fastest = run()
    for _ in 1..<max(count, 1) {
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

  /// The total size of the regular files directly in `path`.
  static func directoryBytes(_ path: String) -> Int {
    guard let directory = opendir(path) else { return 0 }
    defer { closedir(directory) }
    var total = 0
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      var info = stat()
      if !name.hasPrefix("."), stat(path + "/" + name, &info) == 0 { total += Int(info.st_size) }
    }
    return total
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
    print(pad(name, 44) + pad(value, 10) + "target \(target)")
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(1, width - text.count))
  }
}
