/// What a buyer pays for q units, compared at every quantity breakpoint of either side
/// (spec §15): each `min`, `max`, `upto` and `upto + 1` that both sides sell. A tier unit
/// raised, an `upto` moved or a switch from graduated to volume changes some of these totals
/// even when `price` and `from` stay, and the price gates compare them.
enum DiffCosts {
  static func changes(
    _ sides: DiffSkuSides, _ old: DiffPrice, _ new: DiffPrice, places: Int
  ) -> [DiffChange] {
    // Totals are a function of these alone: when none differs, no total can.
    guard
      old.price != new.price || old.schedules != new.schedules
        || sides.old.quantities != sides.new.quantities
        || sides.oldProduct.precision != sides.newProduct.precision
        || sides.oldProduct.rounding != sides.newProduct.rounding
    else { return [] }
    var found: [DiffChange] = []
    for quantity in sides.new.quantities {
      guard let was = sides.old.quantities.first(where: { $0.id == quantity.id }),
        let oldSchedule = old.schedules.first(where: { $0.id == quantity.id }),
        let newSchedule = new.schedules.first(where: { $0.id == quantity.id })
      else { continue }
      let low = max(was.range.min, quantity.range.min)
      let high = min(was.range.max, quantity.range.max)
      guard low <= high else { continue }
      var points: Set<Int> = [was.range.min, was.range.max, quantity.range.min, quantity.range.max]
      for tier in oldSchedule.schedule.tiers + newSchedule.schedule.tiers {
        if let upto = tier.upto {
          points.insert(upto)
          if upto < Int.max { points.insert(upto + 1) }
        }
      }
      for units in points.sorted() where (low...high).contains(units) {
        let before = total(sides.old, sides.oldProduct, old, quantity.id, units)
        let after = total(sides.new, sides.newProduct, new, quantity.id, units)
        guard before != after else { continue }
        found.append(
          DiffChange(
            product: sides.newProduct.id, spec: sides.newSpec.id, specName: sides.newSpec.name,
            key: sides.new.key, skuName: sides.new.name,
            detail: .repriced(
              DiffChange.Repricing(
                period: new.period, field: .total, quantity: quantity.id, units: units,
                old: before, new: after, places: places))))
      }
    }
    return found
  }

  /// The price, `units` of `quantity` and every other quantity at its minimum, rounded as
  /// `from` is (spec §8.4), on one side.
  private static func total(
    _ sku: DiffSku, _ product: DiffProduct, _ price: DiffPrice, _ quantity: String, _ units: Int
  ) -> ExactDecimal {
    var schedules: [Schedule] = []
    var amounts: [Int] = []
    for schedule in price.schedules {
      guard let range = sku.quantities.first(where: { $0.id == schedule.id })?.range else {
        continue
      }
      schedules.append(schedule.schedule)
      amounts.append(schedule.id == quantity ? units : range.min)
    }
    return PricedPeriod.total(
      price: price.price, schedules: schedules, quantities: amounts, places: product.precision,
      mode: product.rounding)
  }
}
