/// How a scalar was written. Kept because the spec gives quoted and plain scalars the same
/// meaning, but diagnostics (and hints such as "quote this value") need to know which it was.
public enum ScalarStyle: String, Sendable, Hashable {
  case plain
  case singleQuoted
  case doubleQuoted
  case literal
  case folded
}

/// A scalar exactly as written: skuc has no implicit typing, so `NO`, `0.10` and `~` all stay
/// text until a field's type converts them.
public struct YAMLScalar: Sendable, Hashable {
  public var text: String
  public var style: ScalarStyle
  public var range: SourceRange

  public init(text: String, style: ScalarStyle, range: SourceRange) {
    self.text = text
    self.style = style
    self.range = range
  }
}

/// One `key: value` pair. Keys are always scalars: the front end rejects any other key.
public struct YAMLEntry: Sendable, Hashable {
  public var key: YAMLScalar
  public var value: YAMLNode

  public init(key: YAMLScalar, value: YAMLNode) {
    self.key = key
    self.value = value
  }
}

/// A mapping in source order. Order matters in catalogs (attribute and value order is the
/// matrix order), so this is a list, never a dictionary.
public struct YAMLMapping: Sendable, Hashable {
  public var entries: [YAMLEntry]
  public var range: SourceRange

  public init(entries: [YAMLEntry], range: SourceRange) {
    self.entries = entries
    self.range = range
  }
}

public struct YAMLSequence: Sendable, Hashable {
  public var items: [YAMLNode]
  public var range: SourceRange

  public init(items: [YAMLNode], range: SourceRange) {
    self.items = items
    self.range = range
  }
}

/// A node of the positioned tree the front end produces from one catalog file.
public enum YAMLNode: Sendable, Hashable {
  case scalar(YAMLScalar)
  case mapping(YAMLMapping)
  case sequence(YAMLSequence)

  public var range: SourceRange {
    switch self {
    case .scalar(let scalar): scalar.range
    case .mapping(let mapping): mapping.range
    case .sequence(let sequence): sequence.range
    }
  }

  /// The kind in the words diagnostics use: "expected a mapping, found a string".
  public var kindDescription: String {
    switch self {
    case .scalar: "a string"
    case .mapping: "a mapping"
    case .sequence: "a list"
    }
  }
}

/// One parsed catalog file: its single document's root node.
public struct YAMLDocument: Sendable, Hashable {
  public var file: String
  public var root: YAMLNode

  public init(file: String, root: YAMLNode) {
    self.file = file
    self.root = root
  }
}
