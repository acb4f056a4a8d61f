/// A catalog whose prices passed every check (spec §10): what the emitters take.
public struct CheckedCatalog: Sendable {
  public var products: [PricedProduct]
}

/// Runs each spec's pricing invariants on `from` prices (spec §10).
public enum PricingChecks {
  /// One broken invariant usually breaks it for many SKUs; the first few say what to fix.
  static let maximumReportsPerCheck = 10

  public static func run(
    _ catalog: PricedCatalog, into diagnostics: inout DiagnosticCollector
  )
    -> CheckedCatalog
  {
    _ = Parallel.map(catalog.products, into: &diagnostics) { product, diagnostics in
      for spec in product.specs {
        for check in spec.resolved.checks {
          var runner = CheckRunner(spec: spec, check: check, precision: product.product.precision)
          runner.run()
          runner.flush(into: &diagnostics)
        }
      }
    }
    return CheckedCatalog(products: catalog.products)
  }
}

/// Evaluates one check over one spec, collecting its failures.
struct CheckRunner {
  let spec: PricedSpec
  let check: ResolvedCheck
  let precision: Int
  /// Every SKU's selection, decoded once for the whole check, or empty when the check reads
  /// no selection (a period ratio or bounds without `when`): a million arrays cost more than
  /// the check itself.
  private let selections: [[Int]]
  /// The first failures in full; a broken invariant usually fails for many SKUs, and only
  /// the first few are reported (with a count of the rest).
  private var failures: [String] = []
  private var failureCount = 0
  private var zeroDenominators: [String] = []

  init(spec: PricedSpec, check: ResolvedCheck, precision: Int) {
    self.spec = spec
    self.check = check
    self.precision = precision
    var readsSelections = check.when != nil
    switch check.kind {
    case .monotonic, .ratio(.attribute, _, _, _, _): readsSelections = true
    case .ratio(.period, _, _, _, _), .bounds: break
    }
    selections = readsSelections ? (0..<spec.skuCount).map { spec.selection(ofSku: $0) } : []
  }

  /// Counts a failure and says whether it is among the first few to describe in full.
  private mutating func countFailure() -> Bool {
    failureCount += 1
    return failures.count < PricingChecks.maximumReportsPerCheck
  }

  private var periods: [Period?] { spec.resolved.pricedPeriods }

  private func applies(_ sku: Int, _ period: Int) -> Bool {
    guard let when = check.when else { return true }
    return when.matches(selections[sku], period: periods[period])
  }

  /// How a failure names one (SKU, period) and its price; keys are only built for failures.
  private func label(_ sku: Int, _ period: Int) -> String {
    let key = SkuIdentity.key(
      product: spec.product.id.value, spec: spec.resolved, selection: spec.selection(ofSku: sku))
    let from = spec.from(sku: sku, period: period).formatted(places: precision)
    return periods[period].map { "'\(key)' (\($0.rawValue)) from \(from)" }
      ?? "'\(key)' from \(from)"
  }

  mutating func run() {
    switch check.kind {
    case .monotonic(let attribute): monotonic(attribute)
    case .ratio(let dimension, let numerator, let denominator, let min, let max):
      ratio(dimension, numerator, denominator, min, max)
    case .bounds(let min, let max): bounds(min, max)
    }
  }

  private mutating func monotonic(_ attribute: Int) {
    struct Group: Hashable {
      var others: [Int]
      var period: Int
    }
    var groups: [Group: [(value: Int, sku: Int)]] = [:]
    var order: [Group] = []
    for sku in 0..<spec.skuCount {
      var others = selections[sku]
      others[attribute] = -1
      for period in periods.indices where applies(sku, period) {
        let group = Group(others: others, period: period)
        if groups[group] == nil { order.append(group) }
        groups[group, default: []].append((selections[sku][attribute], sku))
      }
    }
    let name = spec.resolved.enums[attribute].id.value
    for group in order {
      let members = (groups[group] ?? []).sorted { $0.value < $1.value }
      for (lower, higher) in zip(members, members.dropFirst())
      where spec.from(sku: higher.sku, period: group.period)
        < spec.from(sku: lower.sku, period: group.period)
      {
        guard countFailure() else { continue }
        failures.append(
          "\(label(higher.sku, group.period)) is cheaper than \(label(lower.sku, group.period)), which comes before it along '\(name)'"
        )
      }
    }
  }

  private mutating func ratio(
    _ dimension: Dimension, _ numerator: Int, _ denominator: Int, _ min: ExactDecimal?,
    _ max: ExactDecimal?
  ) {
    var pairs: [(top: (sku: Int, period: Int), bottom: (sku: Int, period: Int))] = []
    switch dimension {
    case .period:
      guard let top = periods.firstIndex(where: { $0?.index == numerator }),
        let bottom = periods.firstIndex(where: { $0?.index == denominator })
      else { return }
      for sku in 0..<spec.skuCount { pairs.append(((sku, top), (sku, bottom))) }
    case .attribute(let attribute):
      var positions: [[Int]: Int] = [:]
      for sku in 0..<spec.skuCount { positions[selections[sku]] = sku }
      for sku in 0..<spec.skuCount where selections[sku][attribute] == numerator {
        var partner = selections[sku]
        partner[attribute] = denominator
        guard let other = positions[partner] else { continue }
        for period in periods.indices { pairs.append(((sku, period), (other, period))) }
      }
    }
    for pair in pairs {
      guard applies(pair.top.sku, pair.top.period), applies(pair.bottom.sku, pair.bottom.period)
      else { continue }
      let numeratorFrom = spec.from(sku: pair.top.sku, period: pair.top.period)
      let denominatorFrom = spec.from(sku: pair.bottom.sku, period: pair.bottom.period)
      guard !denominatorFrom.isZero else {
        if zeroDenominators.count < PricingChecks.maximumReportsPerCheck {
          zeroDenominators.append(label(pair.bottom.sku, pair.bottom.period))
        }
        continue
      }
      let belowMin = min.map { numeratorFrom < $0 * denominatorFrom } ?? false
      let aboveMax = max.map { numeratorFrom > $0 * denominatorFrom } ?? false
      if belowMin || aboveMax {
        let value = ExactDecimal.quotient(numeratorFrom, denominatorFrom, places: 4, mode: .halfUp)
        let bound =
          belowMin
          ? "below the minimum \(min?.description ?? "")"
          : "above the maximum \(max?.description ?? "")"
        guard countFailure() else { continue }
        failures.append(
          "\(label(pair.top.sku, pair.top.period)) / \(label(pair.bottom.sku, pair.bottom.period)) = \(value?.description ?? "?"), \(bound)"
        )
      }
    }
  }

  private mutating func bounds(_ min: ExactDecimal?, _ max: ExactDecimal?) {
    for sku in 0..<spec.skuCount {
      for period in periods.indices where applies(sku, period) {
        let from = spec.from(sku: sku, period: period)
        if let min, from < min, countFailure() {
          failures.append("\(label(sku, period)) is below the minimum \(min)")
        } else if let max, from > max, countFailure() {
          failures.append("\(label(sku, period)) is above the maximum \(max)")
        }
      }
    }
  }

  func flush(into diagnostics: inout DiagnosticCollector) {
    let limit = PricingChecks.maximumReportsPerCheck
    let kind: DiagnosticCode
    switch check.kind {
    case .monotonic: kind = .monotonicViolated
    case .ratio: kind = .ratioViolated
    case .bounds: kind = .boundsViolated
    }
    for failure in failures {
      diagnostics.error(kind, failure, at: check.source.range)
    }
    if failureCount > limit {
      diagnostics.error(
        kind, "\(failureCount - limit) more SKUs fail this check", at: check.source.range)
    }
    for zero in zeroDenominators.prefix(limit) {
      diagnostics.error(
        .ratioZeroDenominator, "the ratio's denominator \(zero) is zero", at: check.source.range,
        hint: "a ratio to a free price is undefined; narrow the check with 'when'")
    }
  }
}
