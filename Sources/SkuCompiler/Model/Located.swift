/// A value together with where it was written, so that later stages can point diagnostics at
/// the exact scalar that caused them.
public struct Located<Value: Sendable>: Sendable {
  public var value: Value
  public var range: SourceRange

  public init(_ value: Value, at range: SourceRange) {
    self.value = value
    self.range = range
  }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

/// Text in every locale of the product, in the product's locale order.
///
/// Catalog authors may write a plain string when the product has one locale; the model always
/// holds the full mapping so that output is uniform (spec §11).
public struct LocalizedText: Sendable, Hashable {
  public var entries: [Entry]

  public struct Entry: Sendable, Hashable {
    public var locale: String
    public var text: String

    public init(locale: String, text: String) {
      self.locale = locale
      self.text = text
    }
  }

  public init(entries: [Entry]) {
    self.entries = entries
  }

  public func text(for locale: String) -> String? {
    entries.first { $0.locale == locale }?.text
  }
}
