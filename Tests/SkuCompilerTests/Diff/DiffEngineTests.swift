import Testing

@testable import SkuCompiler

@Suite struct DiffEngineTests {
  typealias F = DiffFixture

  private func repricing(_ old: String, _ new: String, precision: Int = 2) -> DiffChange.Repricing?
  {
    F.compare(F.single(old, precision: precision), F.single(new, precision: precision)).changes
      .first?.repricing
  }

  @Test func percentRoundsHalfUpAtTies() {
    // 400 -> 449 is exactly +12.25%: half-up gives 12.3 (half-even would give 12.2).
    #expect(repricing("400", "449")?.percent?.description == "12.3")
    // 400 -> 351 is exactly -12.25%: ties round away from zero.
    #expect(repricing("400", "351")?.percent?.description == "-12.3")
    // 8.00 -> 8.02 is exactly +0.25%.
    #expect(repricing("8", "8.02")?.percent?.formatted(places: 1) == "0.3")
    // 400 -> 450.99 is 12.7475%: exact before rounding, so 12.7, not 12.8 via 12.75.
    #expect(repricing("400", "450.99")?.percent?.formatted(places: 1) == "12.7")
    // 3 -> 4 is 33.333…%.
    #expect(repricing("3", "4")?.percent?.formatted(places: 1) == "33.3")
    // 3 -> 5 is 66.666…%.
    #expect(repricing("3", "5")?.percent?.formatted(places: 1) == "66.7")
  }

  @Test func percentIsNullWhenOldIsZero() throws {
    let result = F.compare(F.single("0", from: "10"), F.single("5", from: "15"))
    let price = try #require(result.changes.first?.repricing)
    #expect(price.field == .price)
    #expect(price.percent == nil)
    #expect(price.delta == F.amount("5"))
    let json = DiffJSONFormat.entry(result.changes[0])
    guard case .object(let members) = json else {
      Issue.record("entry is not an object")
      return
    }
    #expect(members.first { $0.0 == "percent" }?.1 == .null)
    #expect(members.first { $0.0 == "delta" }?.1 == .string("5.00"))
  }

  @Test func deltaUsesTheWiderPrecision() throws {
    let old = F.single("10.5", precision: 2)
    let new = F.single("10.125", precision: 3)
    let changes = F.compare(old, new).changes
    #expect(changes.first?.kind == .productChanged, "the precision itself is a change")
    let change = try #require(changes.first { $0.kind == .skuRepriced })
    let json = DiffJSONFormat.entry(change)
    #expect(
      json
        == [
          "kind": "sku-repriced", "product": "p", "spec": "s", "key": "p/s/x=a", "period": "month",
          "field": "price", "old": "10.500", "new": "10.125", "delta": "-0.375", "percent": "-3.6",
        ])
  }

  @Test func identicalSidesHaveNoChanges() {
    let side = F.single("10")
    let result = F.compare(side, side)
    #expect(result.changes.isEmpty)
    #expect(result.summary == DiffSummary([]))
  }

  @Test func priceAndFromAreSeparateEntriesPerPeriod() {
    let old = DiffSide(products: [
      F.product(
        "p",
        [
          F.spec(
            "s",
            [
              F.sku(
                "p/s/", [F.price(.month, "10", from: "20"), F.price(.year, "100", from: "200")])
            ])
        ])
    ])
    let new = DiffSide(products: [
      F.product(
        "p",
        [
          F.spec(
            "s",
            [
              F.sku(
                "p/s/", [F.price(.month, "11", from: "21"), F.price(.year, "100", from: "210")])
            ])
        ])
    ])
    let result = F.compare(old, new)
    let entries = result.changes.compactMap(\.repricing).map {
      "\($0.period?.rawValue ?? "-") \($0.field)"
    }
    #expect(entries == ["month price", "month from", "year from"])
    #expect(result.summary.skusRepriced == 1)
  }

  @Test func orderIsAdditionsThenChangesThenDelists() {
    let old = DiffSide(products: [
      F.product("gone", [F.spec("s", [F.sku("gone/s/", [F.price(.month, "1")])])]),
      F.product(
        "p",
        [
          F.spec(
            "a",
            [F.sku("p/a/x=1", [F.price(.month, "1")]), F.sku("p/a/x=2", [F.price(.month, "1")])]),
          F.spec("old", [F.sku("p/old/", [F.price(.month, "1")])]),
        ]),
    ])
    let new = DiffSide(products: [
      F.product(
        "p",
        [
          F.spec("new", [F.sku("p/new/", [F.price(.month, "1")])]),
          F.spec(
            "a", trialDays: 7,
            [F.sku("p/a/x=3", [F.price(.month, "1")]), F.sku("p/a/x=1", [F.price(.month, "2")])]),
        ]),
      F.product("fresh", [F.spec("s", [F.sku("fresh/s/", [F.price(.month, "1")])])]),
    ])
    let result = F.compare(old, new)
    let plan = result.changes.map { "\($0.kind.rawValue) \($0.key ?? $0.spec ?? $0.product)" }
    #expect(
      plan == [
        "product-added fresh",
        "spec-added new",
        "sku-added p/a/x=3",
        "spec-changed a",
        "sku-repriced p/a/x=1",
        "sku-repriced p/a/x=1",
        "product-removed gone",
        "sku-removed p/a/x=2",
        "spec-removed old",
      ])
    let summary = result.summary
    #expect(
      [
        summary.productsAdded, summary.productsRemoved, summary.specsAdded, summary.specsRemoved,
        summary.skusAdded, summary.skusRemoved, summary.skusRepriced,
      ] == [1, 1, 1, 1, 1, 1, 1])
  }

  @Test func addedOrRemovedPeriodIsOnlyASpecChange() {
    let old = DiffSide(products: [
      F.product("p", [F.spec("s", periods: [.year], [F.sku("p/s/", [F.price(.year, "100")])])])
    ])
    let new = DiffSide(products: [
      F.product(
        "p",
        [
          F.spec(
            "s", periods: [.month, .year],
            [F.sku("p/s/", [F.price(.month, "12"), F.price(.year, "110")])])
        ])
    ])
    let result = F.compare(old, new)
    #expect(result.changes.map(\.kind) == [.specChanged, .skuRepriced, .skuRepriced])
    #expect(
      result.changes[0].detail
        == .specChanged(.periods, old: .periods([.year]), new: .periods([.month, .year])))
    #expect(result.changes.compactMap(\.repricing).allSatisfy { $0.period == .year })
    let back = F.compare(new, old)
    #expect(back.changes.map(\.kind) == [.specChanged, .skuRepriced, .skuRepriced])
  }

  @Test func specFieldsAreReportedInOrder() {
    let old = DiffSide(products: [
      F.product(
        "p",
        [F.spec("s", trialDays: 7, name: "Old", [F.sku("p/s/", name: "x", [F.price(.month, "1")])])]
      )
    ])
    let new = DiffSide(products: [
      F.product(
        "p",
        [
          F.spec(
            "s", billing: .oneTime, periods: nil, trialDays: nil, name: "New",
            [F.sku("p/s/", name: "x", [F.price(nil, "1")])])
        ])
    ])
    let fields = F.compare(old, new).changes.compactMap { change -> String? in
      if case .specChanged(let field, _, _) = change.detail { return field.rawValue }
      return nil
    }
    #expect(fields == ["billing", "periods", "trialDays", "name"])
  }

  @Test func skuRangeScheduleAndNameChanges() {
    let graduated = Schedule(
      model: .graduated,
      tiers: [
        ScheduleTier(upto: 10, unit: F.amount("5")), ScheduleTier(upto: nil, unit: F.amount("4")),
      ])
    let linear = Schedule(model: .linear, tiers: [ScheduleTier(upto: nil, unit: F.amount("5"))])
    func side(max: Int, schedule: Schedule, name: String) -> DiffSide {
      DiffSide(products: [
        F.product(
          "p",
          [
            F.spec(
              "s", periods: [.month],
              [
                F.sku(
                  "p/s/", name: name,
                  quantities: [
                    DiffQuantity(id: "users", range: QuantityRange(min: 1, max: max, step: 1))
                  ],
                  [
                    F.price(
                      .month, "1", from: "6",
                      schedules: [DiffSchedule(id: "users", schedule: schedule)])
                  ])
              ])
          ])
      ])
    }
    let result = F.compare(
      side(max: 10, schedule: linear, name: "A"), side(max: 20, schedule: graduated, name: "B"))
    let fields = result.changes.compactMap { change -> String? in
      if case .skuChanged(let field, _, _) = change.detail { return field.fieldName }
      return nil
    }
    #expect(fields == ["name", "quantities", "schedule"])
    #expect(result.summary.skusRepriced == 0)
    let schedule = DiffJSONFormat.entry(result.changes[2])
    guard case .object(let members) = schedule else {
      Issue.record("not an object")
      return
    }
    #expect(
      members.map(\.0) == ["kind", "product", "spec", "key", "period", "field", "old", "new"])
    #expect(
      members.last?.1
        == [
          "users": [
            "model": "graduated",
            "tiers": [["upto": 10, "unit": "5.00"], ["upto": nil, "unit": "4.00"]],
          ]
        ])
  }

  @Test func localeOrderAloneIsNoNameChange() {
    let a = LocalizedText(entries: [
      .init(locale: "en-US", text: "A"), .init(locale: "zh-CN", text: "甲"),
    ])
    let b = LocalizedText(entries: [
      .init(locale: "zh-CN", text: "甲"), .init(locale: "en-US", text: "A"),
    ])
    #expect(a.sameText(as: b))
    #expect(!a.sameText(as: F.text("A")))
  }
}

/// Spec §15: product- and attribute-level changes, reported once at their level.
@Suite struct DiffUpperLevelTests {
  typealias F = DiffFixture

  static func text(_ pairs: [(String, String)]) -> LocalizedText {
    LocalizedText(entries: pairs.map { LocalizedText.Entry(locale: $0.0, text: $0.1) })
  }

  static func side(
    locales: [(String, String)] = [("zh-CN", "产品")], currency: String = "CNY",
    attributes: [DiffAttribute] = []
  ) -> DiffSide {
    DiffSide(products: [
      DiffProduct(
        id: "p", name: text(locales), currency: currency, precision: 2, attributes: attributes,
        specs: [
          DiffSpec(
            id: "s", name: text(locales.map { ($0.0, "规格") }), billing: .oneTime, periods: nil,
            trialDays: nil, usageUnit: nil, skus: [])
        ])
    ])
  }

  @Test func anAddedLocaleIsOneChangeNotOnePerName() {
    let result = F.compare(
      Self.side(), Self.side(locales: [("zh-CN", "产品"), ("en-US", "Product")]))
    #expect(result.changes.map(\.kind) == [.productChanged])
    #expect(
      result.changes.first?.detail
        == .productChanged(.locales, old: .texts(["zh-CN"]), new: .texts(["en-US", "zh-CN"])))
  }

  @Test func attributesAddedRemovedAndChanged() {
    let seats = DiffAttribute(
      id: "seats", name: F.text("Seats"),
      kind: .quantity(unit: F.text("seat"), range: QuantityRange(min: 1, max: 10, step: 1)))
    var wider = seats
    wider.kind = .quantity(unit: F.text("seat"), range: QuantityRange(min: 1, max: 20, step: 1))
    let edition = DiffAttribute(
      id: "edition", name: F.text("Edition"),
      kind: .enumeration([DiffEnumValue(id: "basic", name: F.text("Basic"))]))
    let result = F.compare(
      Self.side(attributes: [seats]), Self.side(attributes: [wider, edition]))
    #expect(
      result.changes.map(DiffWording.sentence) == [
        "p attribute seats max 10 -> 20", #"p attribute edition type none -> "enum""#,
      ])
    #expect(DiffGate.pricingBasis.evaluate(result).tripped == false)
  }

  @Test func currencyChangeTripsPricingBasisAndNoPercent() {
    let old = F.single("10")
    var new = F.single("20")
    new.products[0].currency = "USD"
    let result = F.compare(old, new)
    #expect(result.changes.first?.kind == .productChanged)
    #expect(result.changes.compactMap(\.repricing).allSatisfy { $0.percent == nil })
    #expect(DiffGate.pricingBasis.evaluate(result).tripped)
    let increase = DiffGate.increase(limit: .zero, written: "0")
    #expect(!increase.evaluate(result).tripped, "no percent across currencies")
  }

  @Test func roundingAndUsageUnitArePricingBasis() {
    let old = F.single("10")
    var rounding = old
    rounding.products[0].rounding = .down
    #expect(DiffGate.pricingBasis.evaluate(F.compare(old, rounding)).tripped)
    var usage = old
    usage.products[0].specs[0].usageUnit = F.text("call")
    let result = F.compare(old, usage)
    #expect(result.changes.map(\.kind) == [.specChanged])
    #expect(DiffGate.pricingBasis.evaluate(result).tripped)
    var renamed = old
    renamed.products[0].specs[0].name = F.text("other")
    #expect(!DiffGate.pricingBasis.evaluate(F.compare(old, renamed)).tripped)
  }
}
