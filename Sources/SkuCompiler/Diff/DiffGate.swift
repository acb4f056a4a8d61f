/// A `--fail-on` gate (spec §14): a kind of change that makes `skuc diff` exit 1.
public enum DiffGate: Sendable, Hashable {
  case removal
  /// A price or from price rose by more than `limit` percent; `written` is PCT as given.
  case increase(limit: ExactDecimal, written: String)
  /// A price or from price fell by more than `limit` percent.
  case decrease(limit: ExactDecimal, written: String)
  case trialChange
  /// Billing or periods changed.
  case billingChange
  /// What amounts mean changed: currency, precision, rounding, a quantity's unit or a spec's
  /// usage unit (spec §15).
  case pricingBasis
  case any

  /// The gate as it is named in output: `removal`, `increase:5`, ...
  public var name: String {
    switch self {
    case .removal: "removal"
    case .increase(_, let written): "increase:\(written)"
    case .decrease(_, let written): "decrease:\(written)"
    case .trialChange: "trial-change"
    case .billingChange: "billing-change"
    case .pricingBasis: "pricing-basis"
    case .any: "any"
    }
  }

  static let syntax =
    "removal, increase:PCT, decrease:PCT, trial-change, billing-change, pricing-basis or any"

  /// Parses comma lists (`removal,increase:5`); each argument may hold several gates. A gate
  /// named twice is kept once, in first-mention order.
  public static func parse(_ arguments: [String]) throws(DiffError) -> [DiffGate] {
    var gates: [DiffGate] = []
    for argument in arguments {
      for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
        let gate = try parseOne(String(part).trimmingWhitespace)
        if !gates.contains(gate) { gates.append(gate) }
      }
    }
    return gates
  }

  private static func parseOne(_ text: String) throws(DiffError) -> DiffGate {
    switch text {
    case "removal": return .removal
    case "trial-change": return .trialChange
    case "billing-change": return .billingChange
    case "pricing-basis": return .pricingBasis
    case "any": return .any
    case "": throw DiffError("--fail-on has an empty gate; expected \(syntax)")
    default: break
    }
    for rising in [true, false] {
      let prefix = rising ? "increase:" : "decrease:"
      guard text.hasPrefix(prefix) else { continue }
      let number = String(text.dropFirst(prefix.count))
      guard !number.hasPrefix("-"), case .success(let limit) = ScalarGrammar.decimal(number) else {
        throw DiffError(
          "invalid gate '\(text)': PCT must be a decimal number ≥ 0 such as 5 or 2.5 (no % sign)")
      }
      return rising
        ? .increase(limit: limit, written: number) : .decrease(limit: limit, written: number)
    }
    if text == "increase" || text == "decrease" {
      throw DiffError("invalid gate '\(text)': write \(text):PCT, e.g. \(text):5")
    }
    let known = [
      "removal", "increase:", "decrease:", "trial-change", "billing-change", "pricing-basis", "any",
    ]
    let hint = Suggestions.closest(to: text, among: known).map { " (did you mean '\($0)'?)" } ?? ""
    throw DiffError("unknown gate '\(text)'\(hint); expected \(syntax)")
  }
}

/// What one gate found.
public struct GateOutcome: Sendable, Hashable {
  public var gate: DiffGate
  public var tripped: Bool
  /// Why it tripped (the first offending change and how many there are), or why not.
  public var because: String
}

extension DiffGate {
  /// Price gates look at the plan's `price` and `from` entries and at the totals at each
  /// quantity breakpoint (`DiffResult.costs`); the others at the plan alone.
  public func evaluate(_ result: DiffResult) -> GateOutcome {
    var candidates = result.changes
    switch self {
    case .increase, .decrease: candidates += result.costs
    default: break
    }
    let offending = candidates.filter(matches)
    guard let first = offending.first else {
      return GateOutcome(gate: self, tripped: false, because: quietReason)
    }
    let worst = worstOffender(offending) ?? first
    let more = offending.count > 1 ? " (and \(offending.count - 1) more)" : ""
    return GateOutcome(gate: self, tripped: true, because: "\(DiffWording.sentence(worst))\(more)")
  }

  private func matches(_ change: DiffChange) -> Bool {
    switch self {
    case .removal:
      return [.productRemoved, .specRemoved, .skuRemoved].contains(change.kind)
    case .increase(let limit, _):
      return change.repricing?.exceeds(limit, rising: true) ?? false
    case .decrease(let limit, _):
      return change.repricing?.exceeds(limit, rising: false) ?? false
    case .trialChange:
      if case .specChanged(.trialDays, _, _) = change.detail { return true }
      return false
    case .billingChange:
      if case .specChanged(let field, _, _) = change.detail {
        return field == .billing || field == .periods
      }
      return false
    case .pricingBasis:
      return Self.isBasisChange(change.detail)
    case .any:
      return true
    }
  }

  private static func isBasisChange(_ detail: DiffChange.Detail) -> Bool {
    switch detail {
    case .productChanged(let field, _, _):
      [.currency, .precision, .rounding].contains(field)
    case .attributeChanged(let change):
      change.field == .unit
    case .specChanged(let field, _, _):
      field == .usageUnit
    default:
      false
    }
  }

  /// For price gates, the largest change (a rise from 0 counts as the largest); otherwise the
  /// first in plan order.
  private func worstOffender(_ offending: [DiffChange]) -> DiffChange? {
    let rising: Bool
    switch self {
    case .increase: rising = true
    case .decrease: rising = false
    default: return nil
    }
    return offending.max { lhs, rhs in
      guard let a = lhs.repricing, let b = rhs.repricing else { return false }
      return Self.relativeChange(a, rising: rising).isLess(
        than: Self.relativeChange(b, rising: rising))
    }
  }

  /// |delta| / old as an exact fraction, compared by cross-multiplication; `nil` old means ∞.
  private struct Fraction {
    var numerator: ExactDecimal
    var denominator: ExactDecimal

    func isLess(than other: Fraction) -> Bool {
      switch (denominator.isZero, other.denominator.isZero) {
      case (true, _): false
      case (false, true): true
      case (false, false): numerator * other.denominator < other.numerator * denominator
      }
    }
  }

  private static func relativeChange(_ repricing: DiffChange.Repricing, rising: Bool) -> Fraction {
    Fraction(numerator: rising ? repricing.delta : -repricing.delta, denominator: repricing.old)
  }

  private var quietReason: String {
    switch self {
    case .removal: "nothing is delisted"
    case .increase(_, let written):
      "no price, from price or total at a quantity breakpoint rose by more than \(written)%"
    case .decrease(_, let written):
      "no price, from price or total at a quantity breakpoint fell by more than \(written)%"
    case .trialChange: "no trial days changed"
    case .billingChange: "no billing or periods changed"
    case .pricingBasis: "no currency, precision, rounding or unit changed"
    case .any: "no changes"
    }
  }
}
