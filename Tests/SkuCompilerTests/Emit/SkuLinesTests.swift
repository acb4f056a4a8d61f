import Testing

@testable import SkuCompiler

/// A large spec's SKU lines are encoded in ranges on every core; the payload must be byte for
/// byte the one written SKU by SKU on one thread.
@Suite struct SkuLinesTests {
  static let yaml = """
    skuc: 1
    product:
      id: wide
      type: saas
      name: {zh-CN: 宽, en-US: Wide}
      currency: CNY
      limits: {max_skus_per_spec: 100000, max_enum_values: 100}
    attributes:
      users: {type: quantity, name: {zh-CN: 用户, en-US: Users}, min: 1, max: 500}
      a: {type: enum, name: {zh-CN: 甲, en-US: A}, values: {\((0..<30).map { "a\($0): {zh-CN: 甲\($0), en-US: A\($0)}" }.joined(separator: ", "))}}
      b: {type: enum, name: {zh-CN: 乙, en-US: B}, values: {\((0..<30).map { "b\($0): {zh-CN: 乙\($0), en-US: B\($0)}" }.joined(separator: ", "))}}
      c: {type: enum, name: {zh-CN: 丙, en-US: C}, values: {\((0..<11).map { "c\($0): {zh-CN: 丙\($0), en-US: C\($0)}" }.joined(separator: ", "))}}
    specs:
      s:
        name: {zh-CN: 规格, en-US: Spec}
        billing: period
        periods: [month, year]
        attributes: [a, b, c, users]
        rules:
          - forbid: {a: a3, c: [c1, c2]}
        pricing:
          - add: {by: a, table: {\((0..<30).map { "a\($0): '\(100 + $0).5'" }.joined(separator: ", "))}}
          - when: {c: [c0, c5]}
            multiply: '1.07'
          - per: users
            model: graduated
            tiers: [{upto: 10, unit: 20}, {unit: '12.25'}]
          - when: {period: year}
            multiply: 10

    """

  @Test func parallelLinesEqualTheOneByOnePayload() throws {
    let compilation = compile(Self.yaml)
    #expect(compilation.errorCount == 0, "\(compilation.diagnostics.map(\.message))")
    let product = try #require(compilation.catalog?.products.first)
    let skus = product.specs.reduce(0) { $0 + $1.skuCount }
    #expect(skus > SkuLines.parallelThreshold && skus > 2 * SkuLines.chunkSize)
    var parallel = JSONStreamWriter()
    var oneByOne = JSONStreamWriter(acceptsEncodedLines: false)
    PayloadBuilder.encode(product, into: &parallel) { _ in }
    PayloadBuilder.encode(product, into: &oneByOne) { _ in }
    parallel.finish()
    oneByOne.finish()
    #expect(parallel.bytes.count > 1_000_000)
    #expect(parallel.bytes == oneByOne.bytes)
  }
}
