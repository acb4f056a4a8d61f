/// How a spec is charged (spec §6), with the order API's names.
public enum Billing: String, Sendable, Hashable, CaseIterable {
  case period
  case oneTime = "one-time"
  case onDemand = "on-demand"
  case onDemandPackage = "on-demand-package"

  public var chargingMode: String {
    switch self {
    case .period: "PERIOD"
    case .oneTime: "ONE_TIME"
    case .onDemand: "ON_DEMAND"
    case .onDemandPackage: "ON_DEMAND_PKG"
    }
  }

  /// Whether the spec sells by period, which makes the pseudo-attribute `period` available.
  public var hasPeriods: Bool { self == .period || self == .onDemandPackage }
}

public enum Period: String, Sendable, Hashable, CaseIterable {
  case month
  case year
}

/// The pseudo-attribute's id, usable in `when`, `by` and checks of periodic specs.
public let periodAttributeID = "period"

/// A selector term: one attribute and the values it accepts (spec §7).
public struct SelectorTerm: Sendable, Hashable {
  public var attribute: Located<String>
  public var values: [Located<String>]
}

public struct Selector: Sendable, Hashable {
  public var terms: [SelectorTerm]
  public var range: SourceRange
}

public struct LimitTerm: Sendable, Hashable {
  public var attribute: Located<String>
  public var min: Located<Int>?
  public var max: Located<Int>?
}

public enum RuleAction: Sendable, Hashable {
  case forbid(Selector)
  case require(Selector)
  case limit([LimitTerm])
}

public struct Rule: Sendable, Hashable {
  public var when: Selector?
  public var action: RuleAction
  public var because: String?
  public var range: SourceRange
}

/// A nested amount table (spec §8.1). Leaves are money or factors depending on the step.
public indirect enum TableNode: Sendable, Hashable {
  case leaf(ExactDecimal, SourceRange)
  case branch([TableBranch])
}

public struct TableBranch: Sendable, Hashable {
  public var key: Located<String>
  public var node: TableNode
}

public struct AmountTable: Sendable, Hashable {
  public var by: [Located<String>]
  public var root: [TableBranch]
  public var range: SourceRange
}

/// A money amount or a factor: a literal or a table keyed by attribute values.
public enum AmountExpression: Sendable, Hashable {
  case literal(ExactDecimal, SourceRange)
  case table(AmountTable)
}

public enum ScheduleModel: String, Sendable, Hashable {
  case linear
  case graduated
  case volume
}

public struct TierDefinition: Sendable, Hashable {
  public var upto: Located<Int>?
  public var unit: AmountExpression
  public var range: SourceRange
}

public enum StepAction: Sendable, Hashable {
  case add(AmountExpression)
  case multiply(AmountExpression)
  case tiers(ScheduleModel, [TierDefinition])
}

public struct PricingStep: Sendable, Hashable {
  public var when: Selector?
  public var per: Located<String>?
  public var action: StepAction
  public var range: SourceRange
}

public enum CheckKind: Sendable, Hashable {
  case monotonic(Located<String>)
  case ratio(
    attribute: Located<String>, numerator: Located<String>, denominator: Located<String>,
    min: ExactDecimal?, max: ExactDecimal?)
  case bounds(min: ExactDecimal?, max: ExactDecimal?)
}

public struct PricingCheck: Sendable, Hashable {
  public var when: Selector?
  public var kind: CheckKind
  public var range: SourceRange
}

public struct Spec: Sendable, Hashable {
  public var id: Located<String>
  public var name: LocalizedText
  public var billing: Located<Billing>
  /// `nil` for billing modes without periods.
  public var periods: [Period]?
  public var trialDays: Located<Int>?
  public var usageUnit: LocalizedText?
  public var attributes: [Located<String>]
  public var rules: [Rule]
  public var pricing: [PricingStep]
  public var checks: [PricingCheck]
  /// Where each key of the spec's mapping is written, so that a diagnostic about a key that
  /// must not be there (or about what it conflicts with) points at the key itself.
  public var keyRanges: [String: SourceRange]
  /// The spec's id key (`standard:`): where diagnostics about the spec as a whole point, not
  /// its first line, which is whichever key happens to come first.
  public var range: SourceRange
}
