/// How one spec's SKUs are laid out: a matrix with the first enum attribute as rows and the
/// second (if any) as columns, or a flat list of SKUs when there are more than two enum
/// attributes, which a two-dimensional grid cannot show without nesting.
struct ReportGrid {
  enum Shape: Equatable {
    /// No enum attribute: the spec's one SKU.
    case single
    /// One enum attribute: a row per value, a column per period.
    case list
    /// Two enum attributes: rows by the first, column groups by the second, then periods.
    case matrix
    /// Three or more: a row per SKU, a column per attribute, then the periods.
    case flat
  }

  /// One place in the grid: a SKU that is sold, or a selection a rule removed.
  enum Slot: Equatable {
    /// Index into the priced spec's `skus`.
    case sku(Int)
    /// The selection's value positions, and the index of the rule that removed it.
    case removed(selection: [Int], rule: Int)
  }

  struct Row: Equatable {
    /// The value positions the row's label shows: the first attribute's value (list, matrix),
    /// the whole selection (flat), or nothing (single).
    var label: [Int]
    /// One slot per column group (the second attribute's values in a matrix, else one).
    var slots: [Slot]
  }

  var shape: Shape
  var rows: [Row]

  init(_ spec: PricedSpec) {
    let expanded = spec.expanded
    let radices = expanded.radices
    var skuAt: [Int: Int] = [:]
    for (index, position) in expanded.skus.enumerated() { skuAt[position] = index }
    var ruleAt: [Int: Int] = [:]
    for removal in expanded.removed { ruleAt[removal.position] = removal.rule }
    func slot(_ position: Int) -> Slot {
      if let sku = skuAt[position] { return .sku(sku) }
      return .removed(
        selection: expanded.selection(atMatrixPosition: position), rule: ruleAt[position] ?? 0)
    }
    switch radices.count {
    case 0:
      shape = .single
      rows = [Row(label: [], slots: [.sku(0)])]
    case 1:
      shape = .list
      rows = (0..<radices[0]).map { Row(label: [$0], slots: [slot($0)]) }
    case 2:
      shape = .matrix
      rows = (0..<radices[0]).map { first in
        Row(label: [first], slots: (0..<radices[1]).map { slot(first * radices[1] + $0) })
      }
    default:
      shape = .flat
      rows = spec.skus.indices.map { Row(label: spec.skus[$0].selection, slots: [.sku($0)]) }
    }
  }

  /// Whether removed selections stand in the grid (as struck cells); a flat list shows only
  /// what is sold and leaves the removed ones to the list below it.
  var showsRemovedInPlace: Bool { shape == .list || shape == .matrix }
}

/// Colour steps of one spec: per period and per field, over the SKUs the spec sells, so a
/// year price is compared with year prices (a month is never "cheap" next to a year).
struct ReportSpecLevels {
  /// `price[period][sku]` and `from[period][sku]`.
  var price: [[Int]]
  var from: [[Int]]

  init(_ spec: PricedSpec) {
    let periods = spec.resolved.pricedPeriods.indices
    price = periods.map { period in ReportNumbers.levels(spec.skus.map { $0.prices[period].price })
    }
    from = periods.map { period in ReportNumbers.levels(spec.skus.map { $0.prices[period].from }) }
  }
}
