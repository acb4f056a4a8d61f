/// A JSON document as data, for the canonical writer.
///
/// Objects are ordered lists of members, not dictionaries: the payload's key order is part of
/// its bytes, and `Dictionary` order changes from run to run. Equality and hashing are
/// structural and include member order, because two objects that differ only in order would
/// still be written as different bytes.
///
/// There is deliberately no case for a decimal number: amounts are JSON strings with exactly
/// `precision` fraction digits (spec §11), since many JSON readers turn numbers into binary
/// floating point and `0.10` would silently become 0.1000000000000000055…. Use `amount(_:places:)`.
public indirect enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case integer(Int)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// An amount as the payload writes it: a string with exactly `places` fraction digits.
  ///
  /// - Precondition: `value` has at most `places` fraction digits (see
  ///   `ExactDecimal.formatted(places:)`).
  public static func amount(_ value: ExactDecimal, places: Int) -> JSONValue {
    .string(value.formatted(places: places))
  }

  /// `.string` for a present value, `.null` for an absent one (spec §11: absent values are
  /// `null`).
  public static func string(orNull value: String?) -> JSONValue {
    value.map { .string($0) } ?? .null
  }

  /// `.integer` for a present value, `.null` for an absent one.
  public static func integer(orNull value: Int?) -> JSONValue {
    value.map { .integer($0) } ?? .null
  }

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.integer(let a), .integer(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  public func hash(into hasher: inout Hasher) {
    switch self {
    case .null:
      hasher.combine(0)
    case .bool(let value):
      hasher.combine(1)
      hasher.combine(value)
    case .integer(let value):
      hasher.combine(2)
      hasher.combine(value)
    case .string(let value):
      hasher.combine(3)
      hasher.combine(value)
    case .array(let elements):
      hasher.combine(4)
      hasher.combine(elements)
    case .object(let members):
      hasher.combine(5)
      hasher.combine(members.count)
      for (key, value) in members {
        hasher.combine(key)
        hasher.combine(value)
      }
    }
  }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
  ExpressibleByDictionaryLiteral
{
  public init(nilLiteral: ()) { self = .null }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(integerLiteral value: Int) { self = .integer(value) }
  public init(stringLiteral value: String) { self = .string(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

  /// Members in the order written, which is the order they are emitted in.
  public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
}
