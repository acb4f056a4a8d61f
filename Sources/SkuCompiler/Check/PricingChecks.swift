/// A catalog whose prices passed every check (spec §10): what the emitters take.
public struct CheckedCatalog: Sendable {
  public var products: [PricedProduct]
}

/// Runs each spec's pricing invariants on `from` prices (spec §10).
public enum PricingChecks {
  /// One broken invariant usually breaks it for many SKUs; the first few say what to fix.
  static let maximumReportsPerCheck = 10

  public static func run(_ catalog: PricedCatalog, into diagnostics: inout DiagnosticCollector)
    -> CheckedCatalog
  {
    for product in catalog.products {
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
  private var failures: [String] = []
  private var zeroDenominators: [String] = []

  init(spec: PricedSpec, check: ResolvedCheck, precision: Int) {
    self.spec = spec
    self.check = check
    self.precision = precision
  }

  private var periods: [Period?] { spec.resolved.pricedPeriods }

  private func applies(_ sku: PricedSku, _ periodIndex: Int) -> Bool {
    check.when?.matches(sku.selection, period: periods[periodIndex]) ?? true
  }

  private func label(_ sku: PricedSku, _ periodIndex: Int) -> String {
    let from = sku.prices[periodIndex].from.formatted(places: precision)
    return periods[periodIndex].map { "'\(sku.key)' (\($0.rawValue)) from \(from)" } ?? "'\(sku.key)' from \(from)"
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
    for (skuIndex, sku) in spec.skus.enumerated() {
      var others = sku.selection
      others[attribute] = -1
      for periodIndex in periods.indices where applies(sku, periodIndex) {
        let group = Group(others: others, period: periodIndex)
        if groups[group] == nil { order.append(group) }
        groups[group, default: []].append((sku.selection[attribute], skuIndex))
      }
    }
    let name = spec.resolved.enums[attribute].id.value
    for group in order {
      let members = (groups[group] ?? []).sorted { $0.value < $1.value }
      for (lower, higher) in zip(members, members.dropFirst()) {
        let cheaper = spec.skus[lower.sku]
        let dearer = spec.skus[higher.sku]
        if dearer.prices[group.period].from < cheaper.prices[group.period].from {
          failures.append(
            "\(label(dearer, group.period)) is cheaper than \(label(cheaper, group.period)), which comes before it along '\(name)'"
          )
        }
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
      for index in spec.skus.indices { pairs.append(((index, top), (index, bottom))) }
    case .attribute(let attribute):
      var positions: [[Int]: Int] = [:]
      for (index, sku) in spec.skus.enumerated() { positions[sku.selection] = index }
      for (index, sku) in spec.skus.enumerated() where sku.selection[attribute] == numerator {
        var partner = sku.selection
        partner[attribute] = denominator
        guard let other = positions[partner] else { continue }
        for period in periods.indices { pairs.append(((index, period), (other, period))) }
      }
    }
    for pair in pairs {
      let top = spec.skus[pair.top.sku]
      let bottom = spec.skus[pair.bottom.sku]
      guard applies(top, pair.top.period), applies(bottom, pair.bottom.period) else { continue }
      let numeratorFrom = top.prices[pair.top.period].from
      let denominatorFrom = bottom.prices[pair.bottom.period].from
      guard !denominatorFrom.isZero else {
        zeroDenominators.append(label(bottom, pair.bottom.period))
        continue
      }
      let belowMin = min.map { numeratorFrom < $0 * denominatorFrom } ?? false
      let aboveMax = max.map { numeratorFrom > $0 * denominatorFrom } ?? false
      if belowMin || aboveMax {
        let value = ExactDecimal.quotient(numeratorFrom, denominatorFrom, places: 4, mode: .halfUp)
        failures.append(
          "\(label(top, pair.top.period)) / \(label(bottom, pair.bottom.period)) = \(value?.description ?? "?"), \(belowMin ? "below the minimum \(min?.description ?? "")" : "above the maximum \(max?.description ?? "")")"
        )
      }
    }
  }

  private mutating func bounds(_ min: ExactDecimal?, _ max: ExactDecimal?) {
    for sku in spec.skus {
      for periodIndex in periods.indices where applies(sku, periodIndex) {
        let from = sku.prices[periodIndex].from
        if let min, from < min {
          failures.append("\(label(sku, periodIndex)) is below the minimum \(min)")
        } else if let max, from > max {
          failures.append("\(label(sku, periodIndex)) is above the maximum \(max)")
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
    for failure in failures.prefix(limit) {
      diagnostics.error(kind, failure, at: check.source.range)
    }
    if failures.count > limit {
      diagnostics.error(kind, "\(failures.count - limit) more SKUs fail this check", at: check.source.range)
    }
    for zero in zeroDenominators.prefix(limit) {
      diagnostics.error(
        .ratioZeroDenominator, "the ratio's denominator \(zero) is zero", at: check.source.range,
        hint: "a ratio to a free price is undefined; narrow the check with 'when'")
    }
  }
}
