import Testing

@testable import SkuCompiler

/// Spec §15: the price gates compare what a buyer pays at every quantity breakpoint of either
/// side, so schedule changes that leave `price` and `from` alone still trip them.
@Suite struct DiffCostTests {
  typealias F = DiffFixture

  /// One SKU `p/s/x=a`, month only, price 10, with `seats` 1...100 under `schedule`.
  static func side(_ schedule: Schedule, max: Int = 100) -> DiffSide {
    let range = QuantityRange(min: 1, max: max, step: 1)
    let from = PricedPeriod.total(
      price: F.amount("10"), schedules: [schedule], quantities: [1], places: 2, mode: .halfUp)
    let price = DiffPrice(
      period: .month, price: F.amount("10"), from: from,
      schedules: [DiffSchedule(id: "seats", schedule: schedule)])
    return DiffSide(products: [
      F.product(
        "p",
        [
          F.spec(
            "s", periods: [.month],
            [F.sku("p/s/x=a", quantities: [DiffQuantity(id: "seats", range: range)], [price])])
        ])
    ])
  }

  static func tiers(_ model: ScheduleModel, _ tiers: [(Int?, String)]) -> Schedule {
    Schedule(model: model, tiers: tiers.map { ScheduleTier(upto: $0.0, unit: F.amount($0.1)) })
  }

  static let base = tiers(.graduated, [(10, "5"), (nil, "4")])

  private func gate(_ text: String, _ old: Schedule, _ new: Schedule) throws -> GateOutcome {
    let result = F.compare(Self.side(old), Self.side(new))
    return try #require(DiffGate.parse([text]).first).evaluate(result)
  }

  @Test func aLaterTierUnitRiseTripsAtItsFirstQuantity() throws {
    let raised = Self.tiers(.graduated, [(10, "5"), (nil, "9")])
    let result = F.compare(Self.side(Self.base), Self.side(raised))
    #expect(result.changes.compactMap(\.repricing).map(\.field) == [.unit])
    let outcome = try gate("increase:5", Self.base, raised)
    #expect(outcome.tripped)
    // At 100 seats: 10 + 50 + 90 × 4 = 420 -> 10 + 50 + 90 × 9 = 870.
    #expect(
      outcome.because
        == "p/s/x=a month total at seats=100 420.00 -> 870.00 (+450.00, +107.1%) (and 1 more)")
    #expect(try !gate("decrease:0", Self.base, raised).tripped)
  }

  @Test func movedUptoAndModelSwitchTrip() throws {
    let moved = Self.tiers(.graduated, [(50, "5"), (nil, "4")])
    #expect(try gate("increase:10", Self.base, moved).tripped)
    #expect(try !gate("decrease:0", Self.base, moved).tripped)
    let volume = Self.tiers(.volume, [(10, "5"), (nil, "4")])
    // Volume prices all 11 seats at 4: 54 instead of 59 at the tier boundary.
    let outcome = try gate("decrease:5", Self.base, volume)
    #expect(outcome.tripped)
    #expect(outcome.because.hasPrefix("p/s/x=a month total at seats="))
    #expect(try !gate("increase:0", Self.base, volume).tripped)
  }

  @Test func quantitiesOnlyOneSideSellsAreNotCompared() {
    let result = F.compare(Self.side(Self.base, max: 100), Self.side(Self.base, max: 200))
    #expect(result.costs.isEmpty, "no total differs where both sides sell")
    #expect(result.changes.map(\.kind) == [.skuChanged])
  }
}
