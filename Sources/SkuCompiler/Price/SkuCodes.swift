/// Every SKU's code (spec §9) as its 60-bit number, in SKU order.
///
/// A code depends on its SKU's key alone, so the SKUs are cut into fixed ranges hashed on
/// every core; the result is the same array whatever the core count. Hashing was about a third
/// of `check` on a large spec.
enum SkuCodes {
  static let rangeSize = 1 << 16

  static func codes(of expanded: ExpandedSpec, product: String) -> [UInt64] {
    let ranges = stride(from: 0, to: expanded.skus.count, by: rangeSize).map {
      $0..<min($0 + rangeSize, expanded.skus.count)
    }
    let parts = Parallel.map(ranges) { range in
      var keys = SkuKeyBuilder(product: product, spec: expanded.resolved)
      var selection = Array(repeating: 0, count: expanded.radices.count)
      var codes: [UInt64] = []
      codes.reserveCapacity(range.count)
      for sku in range {
        expanded.decode(sku: sku, into: &selection)
        keys.build(selection)
        codes.append(keys.codeValue)
      }
      return codes
    }
    var codes: [UInt64] = []
    codes.reserveCapacity(expanded.skus.count)
    for part in parts { codes.append(contentsOf: part) }
    return codes
  }
}
