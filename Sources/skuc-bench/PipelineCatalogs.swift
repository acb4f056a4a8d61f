import SkuCompiler

#if canImport(Glibc)
  import Glibc
#endif

/// Writes the benchmark's catalog trees: deterministic, so every run measures the same work.
enum PipelineCatalogs {
  /// Scenario (b): `count` products of about 100 SKUs each (10 editions × 10 regions, one
  /// removed), month and year prices, graduated tiers, a rule, a table, checks.
  static func writeProducts(count: Int, to directory: String, priceShift: (Int) -> Int = { _ in 0 })
  {
    makeDirectory(directory)
    for index in 0..<count {
      let editions = (0..<10).map { "      e\($0): {zh-CN: 版本\($0), en-US: Edition \($0)}" }
      let regions = (0..<10).map { "      r\($0): {zh-CN: 区域\($0), en-US: Region \($0)}" }
      let table = (0..<10).map {
        "e\($0): \(100 + $0 * 10 + index % 7 + priceShift(index * 10 + $0))"
      }
      let text = """
        skuc: 1
        product:
          id: p\(padded(index))
          type: saas
          name: {zh-CN: 产品\(index), en-US: Product \(index)}
          currency: CNY
        attributes:
          edition:
            type: enum
            name: {zh-CN: 版本类型, en-US: Edition}
            values:
        \(editions.joined(separator: "\n"))
          region:
            type: enum
            name: {zh-CN: 区域, en-US: Region}
            values:
        \(regions.joined(separator: "\n"))
          users:
            type: quantity
            name: {zh-CN: 用户数, en-US: Users}
            min: 1
            max: 1000
        specs:
          standard:
            name: {zh-CN: 标准, en-US: Standard}
            billing: period
            periods: [month, year]
            attributes: [edition, region, users]
            rules:
              - forbid: {edition: e9, region: r9}
            pricing:
              - add:
                  by: edition
                  table: {\(table.joined(separator: ", "))}
              - when: {region: [r0, r1]}
                add: 15
              - per: users
                model: graduated
                tiers:
                  - {upto: 10, unit: 20}
                  - {upto: 100, unit: 15}
                  - {unit: 12}
              - when: {period: year}
                multiply: 10
            checks:
              - monotonic: edition
              - ratio: {attribute: period, numerator: year, denominator: month, min: 10, max: 12}

        """
      writeFile("\(directory)/p\(padded(index)).yaml", text)
    }
  }

  /// Scenario (c): one spec of `first × 100 × 100` SKUs with the limits raised; with
  /// `forbids`, that many forbid rules on distinct (a, b) pairs, each removing 100 SKUs.
  static func writeLargeSpec(firstValues: Int, forbids: Int = 0, to directory: String) {
    makeDirectory(directory)
    func attribute(_ name: String, _ count: Int) -> String {
      let values = (0..<count).map {
        "      \(name)\($0): {zh-CN: \(name)值\($0), en-US: \(name) \($0)}"
      }
      return
        "  \(name):\n    type: enum\n    name: {zh-CN: 属性\(name), en-US: \(name)}\n    values:\n"
        + values.joined(separator: "\n") + "\n"
    }
    let table = (0..<firstValues).map { "a\($0): \(100 + $0)" }.joined(separator: ", ")
    let text =
      """
      skuc: 1
      product:
        id: large
        type: saas
        name: {zh-CN: 大规格, en-US: Large}
        currency: CNY
        limits: {max_skus_per_spec: 10000000, max_enum_values: 100}
      attributes:

      """ + attribute("a", firstValues) + attribute("b", 100) + attribute("c", 100) + """
          users:
            type: quantity
            name: {zh-CN: 用户数, en-US: Users}
            min: 1
            max: 1000
        specs:
          s:
            name: {zh-CN: 规格, en-US: Spec}
            billing: period
            periods: [month, year]
            attributes: [a, b, c, users]
        \(rules(forbids, firstValues: firstValues))    pricing:
              - add: {by: a, table: {\(table)}}
              - when: {b: [b0, b1, b2]}
                add: 7
              - per: users
                model: graduated
                tiers: [{upto: 10, unit: 20}, {upto: 100, unit: 15}, {unit: 12}]
              - when: {period: year}
                multiply: 10
            checks:
              - ratio: {attribute: period, numerator: year, denominator: month, min: 10, max: 12}

        """
    writeFile("\(directory)/large.yaml", text)
  }

  static func rules(_ count: Int, firstValues: Int) -> String {
    guard count > 0 else { return "" }
    let lines = (0..<count).map {
      "      - forbid: {a: a\($0 % firstValues), b: b\($0 / firstValues)}"
    }
    return "    rules:\n" + lines.joined(separator: "\n") + "\n"
  }

  static func padded(_ index: Int) -> String {
    let digits = String(index)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// Creates `path` and any missing parents, like `mkdir -p`.
  static func makeDirectory(_ path: String) {
    var prefix = ""
    for component in path.split(separator: "/", omittingEmptySubsequences: false) {
      prefix += prefix.isEmpty && path.hasPrefix("/") ? "/" : (prefix.isEmpty ? "" : "/")
      prefix += component
      if !component.isEmpty { mkdir(prefix, 0o755) }
    }
  }

  static func writeFile(_ path: String, _ text: String) {
    guard let file = fopen(path, "w") else { fatalError("cannot create \(path)") }
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
  }
}
