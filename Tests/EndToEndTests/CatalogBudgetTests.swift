import Foundation
import Testing

/// Reliability H5 end to end (spec §15, budgets): specs each under the per-spec guard, but
/// 4 × 10^7 SKUs together, are refused before expanding, at the largest spec, with notes naming
/// every spec. The old expander ran them until memory ran out; the watchdog catches that.
@Suite("Catalog-wide expansion budget", .serialized)
struct CatalogBudgetTests {
  /// Seven enum attributes of ten values: 10^7 selections per spec that lists all of them.
  static func catalog(specs: Int) -> String {
    let values = (0..<10).map { "        v\($0): {zh-CN: 值\($0), en-US: Value \($0)}" }.joined(
      separator: "\n")
    let attributes = (0..<7).map {
      "  a\($0):\n    type: enum\n    name: {zh-CN: 属性\($0), en-US: Attribute \($0)}\n    values:\n\(values)"
    }.joined(separator: "\n")
    let specList = (0..<specs).map {
      """
        s\($0):
          name: {zh-CN: 规格\($0), en-US: Spec \($0)}
          billing: one-time
          attributes: [a0, a1, a2, a3, a4, a5, a6]
          pricing:
            - add: 10
      """
    }.joined(separator: "\n")
    return """
      skuc: 1
      product:
        id: big
        type: saas
        name: {zh-CN: 大, en-US: Big}
        currency: USD
        limits: {max_skus_per_spec: 10000000}
      attributes:
      \(attributes)
      specs:
      \(specList)

      """
  }

  @Test func manySpecsUnderTheGuardAreRefusedTogetherBeforeExpanding() throws {
    let temp = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: temp) }
    let file = temp.appendingPathComponent("big.yaml")
    try Data(Self.catalog(specs: 4).utf8).write(to: file)
    let run = try watchedSkuc(["check", file.path], timeout: 30)
    #expect(run.status == 1, "\(run.summary)")
    let errors = errorLines(run)
    #expect(
      errors.map(String.init) == [
        "\(file.path):108:3: error[R320]: the catalog would expand to 40000000 SKUs before rules across 4 specs, more than the 10000000 skuc expands for one catalog; spec 's0' of product 'big' is the largest"
      ], "\(run.stderr)")
    for spec in 0..<4 {
      #expect(
        run.stderr.contains(
          "note: spec 's\(spec)' of product 'big' expands to 10000000 SKUs before rules"),
        "\(run.stderr)")
    }
  }
}
