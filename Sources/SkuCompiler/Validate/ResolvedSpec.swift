/// A dimension a selector or table can name: one of the spec's enum attributes (by its
/// position in the spec's matrix order) or the pseudo-attribute `period`.
public enum Dimension: Sendable, Hashable {
  case attribute(Int)
  case period
}

/// Index of a period among `Period.allCases`, the value order of the `period` dimension.
extension Period {
  var index: Int { self == .month ? 0 : 1 }
}

/// A selector with its ids resolved to dimension and value positions, so that matching a
/// selection is a few array reads.
public struct ResolvedSelector: Sendable, Hashable {
  public struct Term: Sendable, Hashable {
    public var dimension: Dimension
    /// `allowed[v]` says whether value position `v` is listed.
    public var allowed: [Bool]
  }

  public var terms: [Term]
  public var source: Selector

  /// Whether a selection (value positions in matrix order) in `period` matches. A term on
  /// `period` never matches a SKU priced without a period.
  public func matches(_ selection: some RandomAccessCollection<Int>, period: Period?) -> Bool {
    for term in terms {
      switch term.dimension {
      case .attribute(let position):
        let value = selection[selection.index(selection.startIndex, offsetBy: position)]
        if !term.allowed[value] { return false }
      case .period:
        guard let period, term.allowed[period.index] else { return false }
      }
    }
    return true
  }

  /// Whether the selector can be decided without a period (it names none).
  public var namesPeriod: Bool { terms.contains { $0.dimension == .period } }
}

/// A table whose keys are resolved to value positions; `"*"` becomes `wildcard`.
public struct ResolvedTable: Sendable, Hashable {
  public indirect enum Node: Sendable, Hashable {
    /// An index into `leaves`.
    case leaf(Int)
    case level(Level)
  }

  public struct Level: Sendable, Hashable {
    public var exact: [Int: Node]
    public var wildcard: Node?
  }

  public struct Leaf: Sendable, Hashable {
    public var value: ExactDecimal
    public var range: SourceRange
    /// The keys on the way to this leaf, for "entry never used" warnings.
    public var path: [String]
  }

  public var dimensions: [Dimension]
  public var root: Level
  public var leaves: [Leaf]
  public var source: AmountTable

  /// The leaf for a selection and period (spec §8.1): exact key first, `"*"` when the exact
  /// branch has no entry deeper down.
  public func lookup(_ selection: some RandomAccessCollection<Int>, period: Period?) -> Int? {
    func value(at depth: Int) -> Int? {
      switch dimensions[depth] {
      case .attribute(let position):
        selection[selection.index(selection.startIndex, offsetBy: position)]
      case .period:
        period?.index
      }
    }
    func search(_ level: Level, depth: Int) -> Int? {
      if let key = value(at: depth), let node = level.exact[key], let found = descend(node, depth) {
        return found
      }
      if let wildcard = level.wildcard { return descend(wildcard, depth) }
      return nil
    }
    func descend(_ node: Node, _ depth: Int) -> Int? {
      switch node {
      case .leaf(let index): index
      case .level(let next): search(next, depth: depth + 1)
      }
    }
    return search(root, depth: 0)
  }
}

public enum ResolvedAmount: Sendable, Hashable {
  case literal(ExactDecimal)
  case table(ResolvedTable)
}

public struct ResolvedTier: Sendable, Hashable {
  public var upto: Int?
  public var unit: ResolvedAmount
}

public enum ResolvedAction: Sendable, Hashable {
  case add(ResolvedAmount)
  case addPerUnit(quantity: Int, ResolvedAmount)
  case multiply(ResolvedAmount)
  case multiplyPerUnit(quantity: Int, ResolvedAmount)
  case replaceSchedule(quantity: Int, ScheduleModel, [ResolvedTier])
}

public struct ResolvedStep: Sendable, Hashable {
  public var when: ResolvedSelector?
  public var action: ResolvedAction
  public var source: PricingStep
}

public struct ResolvedLimit: Sendable, Hashable {
  public var quantity: Int
  public var min: Int?
  public var max: Int?
}

public enum ResolvedRuleAction: Sendable, Hashable {
  case forbid(ResolvedSelector)
  case require(ResolvedSelector)
  case limit([ResolvedLimit])
}

public struct ResolvedRule: Sendable, Hashable {
  public var when: ResolvedSelector?
  public var action: ResolvedRuleAction
  public var source: Rule
}

public enum ResolvedCheckKind: Sendable, Hashable {
  case monotonic(attribute: Int)
  case ratio(
    dimension: Dimension, numerator: Int, denominator: Int, min: ExactDecimal?, max: ExactDecimal?)
  case bounds(min: ExactDecimal?, max: ExactDecimal?)
}

public struct ResolvedCheck: Sendable, Hashable {
  public var when: ResolvedSelector?
  public var kind: ResolvedCheckKind
  public var source: PricingCheck
}

public struct QuantityDimension: Sendable, Hashable {
  public var attribute: Attribute
  public var range: QuantityRange
}

/// A spec whose every reference is checked and resolved: the input of expansion and pricing.
public struct ResolvedSpec: Sendable {
  public var spec: Spec
  /// The spec's enum attributes in matrix order.
  public var enums: [Attribute]
  public var quantities: [QuantityDimension]
  /// The periods priced: the listed ones, or `[nil]` for billing without periods.
  public var pricedPeriods: [Period?]
  public var rules: [ResolvedRule]
  public var steps: [ResolvedStep]
  public var checks: [ResolvedCheck]

  public func valueCount(_ position: Int) -> Int { enums[position].enumValues?.count ?? 0 }

  public func values(_ position: Int) -> [EnumValue] { enums[position].enumValues ?? [] }
}

/// A product that passed validation, with its specs resolved.
public struct ValidatedProduct: Sendable {
  public var product: Product
  public var specs: [ResolvedSpec]
}

public struct ValidatedCatalog: Sendable {
  public var products: [ValidatedProduct]
}
