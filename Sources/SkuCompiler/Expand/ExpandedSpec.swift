/// The SKU matrix of one spec after its rules (spec §6, §7).
///
/// Selections are stored as their position in the full cartesian product (first attribute
/// varying slowest), which is eight bytes a SKU however many attributes the spec has; the
/// value positions are decoded on demand.
public struct ExpandedSpec: Sendable {
  public var resolved: ResolvedSpec
  /// `radices[i]` is the value count of the spec's i-th enum attribute.
  public var radices: [Int]
  /// Matrix positions of the surviving selections, in matrix order.
  public var skus: [Int]
  /// Limited quantity ranges, `quantities.count` per SKU, or empty when no limit rule exists
  /// (then every SKU has the declared ranges).
  public var limitedRanges: [QuantityRange]
  /// Removed selections, in matrix order, with the index of the rule that removed each.
  public var removed: [Removal]

  public struct Removal: Sendable, Hashable {
    public var position: Int
    public var rule: Int
  }

  /// The value positions of a matrix position, in the spec's attribute order.
  public func selection(atMatrixPosition position: Int) -> [Int] {
    var values = Array(repeating: 0, count: radices.count)
    var rest = position
    for index in radices.indices.reversed() {
      values[index] = rest % radices[index]
      rest /= radices[index]
    }
    return values
  }

  /// `selection(ofSku:)` into a caller's buffer, so a loop over every SKU allocates nothing.
  func decode(sku: Int, into values: inout [Int]) {
    var rest = skus[sku]
    for index in radices.indices.reversed() {
      values[index] = rest % radices[index]
      rest /= radices[index]
    }
  }

  public func selection(ofSku sku: Int) -> [Int] {
    selection(atMatrixPosition: skus[sku])
  }

  public func range(ofSku sku: Int, quantity: Int) -> QuantityRange {
    if limitedRanges.isEmpty { return resolved.quantities[quantity].range }
    return limitedRanges[sku * resolved.quantities.count + quantity]
  }
}

/// A product with every spec expanded.
public struct ExpandedProduct: Sendable {
  public var product: Product
  public var specs: [ExpandedSpec]
}

public struct ExpandedCatalog: Sendable {
  public var products: [ExpandedProduct]
}
