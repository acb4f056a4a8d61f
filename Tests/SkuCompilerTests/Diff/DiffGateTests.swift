import Testing

@testable import SkuCompiler

@Suite struct DiffGateTests {
  typealias F = DiffFixture

  private func outcome(_ gate: String, _ old: DiffSide, _ new: DiffSide) throws -> GateOutcome {
    let gates = try DiffGate.parse([gate])
    return try #require(gates.first).evaluate(F.compare(old, new))
  }

  @Test func parsesCommaListsAndKeepsOrder() throws {
    let gates = try DiffGate.parse([
      "removal, increase:5", "decrease:2.5,trial-change", "billing-change,any,removal",
    ])
    #expect(
      gates.map(\.name) == [
        "removal", "increase:5", "decrease:2.5", "trial-change", "billing-change", "any",
      ])
  }

  @Test(arguments: [
    "", "increase", "increase:", "increase:abc", "increase:5%", "increase:-1", "increase:1e3",
    "decrease:.5", "remove", "ANY", "removal,,any",
  ])
  func rejectsInvalidGates(_ text: String) {
    #expect(throws: DiffError.self) { try DiffGate.parse([text]) }
  }

  @Test func unknownGateSuggestsTheClosest() {
    do {
      _ = try DiffGate.parse(["remvoal"])
      Issue.record("accepted")
    } catch {
      #expect(error.message.contains("did you mean 'removal'"))
    }
  }

  @Test func increaseComparesExactlyNotTheRoundedPercent() throws {
    // 299 -> 329 is +10.033…%, shown as 10.0 but more than 10.
    #expect(try outcome("increase:10", F.single("299"), F.single("329")).tripped)
    #expect(try !outcome("increase:10.04", F.single("299"), F.single("329")).tripped)
    // Exactly +5% is not more than 5%.
    #expect(try !outcome("increase:5", F.single("100"), F.single("105")).tripped)
    #expect(try outcome("increase:4.99", F.single("100"), F.single("105")).tripped)
    #expect(try outcome("increase:0", F.single("100"), F.single("100.01")).tripped)
    // A fall never trips an increase gate.
    #expect(try !outcome("increase:0", F.single("100"), F.single("50")).tripped)
  }

  @Test func riseFromZeroTripsEveryIncreaseGate() throws {
    let result = try outcome("increase:1000000", F.single("0", from: "5"), F.single("1", from: "6"))
    #expect(result.tripped)
    #expect(result.because.contains("0.00 -> 1.00"))
  }

  @Test func decreaseIsSymmetric() throws {
    #expect(try outcome("decrease:9", F.single("329"), F.single("299")).tripped)
    #expect(try !outcome("decrease:10", F.single("329"), F.single("299")).tripped)
    #expect(try !outcome("decrease:0", F.single("299"), F.single("329")).tripped)
    #expect(try outcome("decrease:99.9", F.single("10"), F.single("0", from: "10")).tripped)
  }

  @Test func becauseNamesTheLargestChangeAndCountsTheRest() throws {
    let old = DiffSide(products: [
      F.product(
        "p",
        [F.spec("s", periods: [.month], [F.sku("p/s/x=a", [F.price(.month, "100", from: "100")])])])
    ])
    let new = DiffSide(products: [
      F.product(
        "p",
        [F.spec("s", periods: [.month], [F.sku("p/s/x=a", [F.price(.month, "110", from: "130")])])])
    ])
    let result = try outcome("increase:5", old, new)
    #expect(result.tripped)
    #expect(result.because == "p/s/x=a month from 100.00 -> 130.00 (+30.00, +30.0%) (and 1 more)")
  }

  @Test func structuralGates() throws {
    let base = DiffSide(products: [
      F.product(
        "p",
        [
          F.spec(
            "s", trialDays: 7, [F.sku("p/s/x=a", [F.price(.month, "1"), F.price(.year, "10")])])
        ])
    ])
    let trial = DiffSide(products: [
      F.product(
        "p",
        [
          F.spec(
            "s", trialDays: 14, [F.sku("p/s/x=a", [F.price(.month, "1"), F.price(.year, "10")])])
        ])
    ])
    let fewerPeriods = DiffSide(products: [
      F.product(
        "p",
        [F.spec("s", periods: [.year], trialDays: 7, [F.sku("p/s/x=a", [F.price(.year, "10")])])])
    ])
    let delisted = DiffSide(products: [F.product("p", [F.spec("s", trialDays: 7, [])])])

    #expect(try outcome("trial-change", base, trial).tripped)
    #expect(try !outcome("trial-change", base, fewerPeriods).tripped)
    #expect(try outcome("billing-change", base, fewerPeriods).tripped)
    #expect(try !outcome("billing-change", base, trial).tripped)
    #expect(try outcome("removal", base, delisted).tripped)
    #expect(try !outcome("removal", base, fewerPeriods).tripped)
    #expect(try !outcome("removal", delisted, base).tripped)
    #expect(try outcome("any", base, trial).tripped)
    let quiet = try outcome("any", base, base)
    #expect(!quiet.tripped)
    #expect(quiet.because == "no changes")
  }
}
