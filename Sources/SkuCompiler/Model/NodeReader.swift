/// The fields of one mapping, after unknown and missing keys were reported.
struct Fields {
  let mapping: YAMLMapping
  /// What the mapping stands for in messages, e.g. "spec 'standard'".
  let context: String

  subscript(key: String) -> YAMLNode? {
    mapping.entries.first { $0.key.text == key }?.value
  }

  func keyRange(_ key: String) -> SourceRange? {
    mapping.entries.first { $0.key.text == key }?.key.range
  }

  func has(_ key: String) -> Bool { self[key] != nil }
}

/// Reads typed values out of YAML nodes, reporting every problem to a collector and returning
/// `nil` for values it could not read, so that decoding goes on and finds the other errors.
struct NodeReader {
  var diagnostics = DiagnosticCollector()

  // MARK: Shape

  mutating func mapping(_ node: YAMLNode, _ what: String) -> YAMLMapping? {
    if case .mapping(let mapping) = node { return mapping }
    wrongKind(node, expected: "a mapping", what)
    return nil
  }

  mutating func sequence(_ node: YAMLNode, _ what: String) -> YAMLSequence? {
    if case .sequence(let sequence) = node { return sequence }
    wrongKind(node, expected: "a list", what)
    return nil
  }

  mutating func scalar(_ node: YAMLNode, _ what: String) -> YAMLScalar? {
    if case .scalar(let scalar) = node { return scalar }
    wrongKind(node, expected: "a single value", what)
    return nil
  }

  mutating func wrongKind(_ node: YAMLNode, expected: String, _ what: String) {
    let found: String
    if case .scalar(let scalar) = node, scalar.text.isEmpty, scalar.style == .plain {
      found = "nothing"
    } else {
      found = node.kindDescription
    }
    diagnostics.error(
      .wrongNodeKind, "\(what): expected \(expected), found \(found)", at: node.range)
  }

  /// Checks a mapping's keys against the known ones: unknown keys get a "did you mean"
  /// suggestion, and each missing required key is reported at `owner`, the key that holds the
  /// mapping (`product:`, a spec's id), or at the mapping itself when it is a list entry or
  /// the file: its first key is not what is wrong.
  mutating func fields(
    _ mapping: YAMLMapping, _ context: String, known: [String], required: [String] = [],
    owner: SourceRange? = nil
  ) -> Fields {
    var suggested: [String] = []
    for entry in mapping.entries where !known.contains(entry.key.text) {
      let suggestion = Suggestions.closest(to: entry.key.text, among: known)
      if let suggestion { suggested.append(suggestion) }
      diagnostics.error(
        .unknownKey, "unknown key '\(entry.key.text)' in \(context)", at: entry.key.range,
        hint: suggestion.map { "did you mean '\($0)'?" }
          ?? "expected one of: \(known.joined(separator: ", "))")
    }
    let fields = Fields(mapping: mapping, context: context)
    // A misspelt required key is one mistake, reported once: at the misspelling, whose hint
    // names the key.
    for key in required where !fields.has(key) && !suggested.contains(key) {
      diagnostics.error(
        .missingKey, "\(context) is missing the required key '\(key)'",
        at: owner ?? mapping.range)
    }
    return fields
  }

  /// The one key of `choices` that the mapping holds, or `nil` (reported) when it holds none
  /// (at the mapping, a list entry) or several (at the second one written, with a note at the
  /// first: one of them is the key to move or remove).
  mutating func exactlyOne(
    of choices: [String], in fields: Fields, _ code: DiagnosticCode, _ what: String,
    hint: String? = nil
  ) -> String? {
    let found = choices.filter { fields.has($0) }
    let list = "\(choices.dropLast().joined(separator: ", ")) or \(choices.last ?? "")"
    if found.count == 1 { return found.first }
    let written = fields.mapping.entries.filter { found.contains($0.key.text) }
    guard written.count >= 2 else {
      diagnostics.error(code, "\(what) needs one of \(list)", at: fields.mapping.range, hint: hint)
      return nil
    }
    diagnostics.error(
      code, "\(what) takes exactly one of \(list), found \(found.joined(separator: " and "))",
      at: written[1].key.range,
      notes: [DiagnosticNote("'\(written[0].key.text)' is here", at: written[0].key.range)],
      hint: hint)
    return nil
  }

  /// The value of a required field, or `nil` (reported) when it is written with no value,
  /// as in `price:`.
  mutating func present(_ fields: Fields, _ key: String) -> YAMLNode? {
    guard let node = fields[key] else { return nil }
    if case .scalar(let scalar) = node, scalar.text.isEmpty, scalar.style == .plain {
      diagnostics.error(
        .missingKey, "'\(key)' in \(fields.context) has no value",
        at: fields.keyRange(key) ?? node.range)
      return nil
    }
    return node
  }

  // MARK: Scalars

  /// Converts a scalar with one of the grammars; the grammar's error says which code applies.
  mutating func convert<T>(
    _ node: YAMLNode, _ what: String, _ parse: (String) -> Result<T, ScalarError>
  ) -> Located<T>? {
    guard let scalar = scalar(node, what) else { return nil }
    switch parse(scalar.text) {
    case .success(let value):
      return Located(value, at: scalar.range)
    case .failure(let error):
      diagnostics.error(error.code, "\(what): \(error.message)", at: scalar.range, hint: error.hint)
      return nil
    }
  }

  mutating func id(_ node: YAMLNode, _ what: String) -> Located<String>? {
    convert(node, what, ScalarGrammar.id)
  }

  mutating func attributeID(_ node: YAMLNode, _ what: String) -> Located<String>? {
    convert(node, what, ScalarGrammar.attributeID)
  }

  mutating func integer(_ node: YAMLNode, _ what: String) -> Located<Int>? {
    convert(node, what, ScalarGrammar.integer)
  }

  mutating func integer(
    _ node: YAMLNode, _ what: String, in bounds: ClosedRange<Int>
  ) -> Located<Int>? {
    guard let value = integer(node, what) else { return nil }
    guard bounds.contains(value.value) else {
      diagnostics.error(
        .valueOutOfRange,
        "\(what) must be between \(bounds.lowerBound) and \(bounds.upperBound), found \(value.value)",
        at: value.range)
      return nil
    }
    return value
  }

  mutating func decimal(_ node: YAMLNode, _ what: String) -> Located<ExactDecimal>? {
    convert(node, what, ScalarGrammar.decimal)
  }

  mutating func money(
    _ node: YAMLNode, _ what: String, precision: Int, currency: String
  ) -> Located<ExactDecimal>? {
    convert(node, what) { ScalarGrammar.money($0, precision: precision, currency: currency) }
  }

  mutating func text(_ node: YAMLNode, _ what: String) -> Located<String>? {
    guard let scalar = scalar(node, what) else { return nil }
    return Located(scalar.text, at: scalar.range)
  }

  /// One of a closed set of words, e.g. a billing mode; a near miss gets a suggestion.
  mutating func choice<T: RawRepresentable & CaseIterable>(
    _ node: YAMLNode, _ what: String, _: T.Type
  ) -> Located<T>? where T.RawValue == String {
    guard let scalar = scalar(node, what) else { return nil }
    if let value = T(rawValue: scalar.text) { return Located(value, at: scalar.range) }
    let names = T.allCases.map(\.rawValue)
    let suggestion = Suggestions.closest(to: scalar.text, among: names)
    diagnostics.error(
      .invalidChoice, "\(what): '\(scalar.text)' is not one of \(names.joined(separator: ", "))",
      at: scalar.range, hint: suggestion.map { "did you mean '\($0)'?" })
    return nil
  }

  /// Localized text (spec §2): a mapping with exactly the product's locales, or a plain
  /// string when the product has a single locale.
  mutating func localized(_ node: YAMLNode, _ what: String, locales: [String]) -> LocalizedText? {
    switch node {
    case .scalar(let scalar):
      if locales.count == 1, !(scalar.text.isEmpty && scalar.style == .plain) {
        if let hidden = NameSafety.forbiddenCharacter(in: scalar.text) {
          diagnostics.error(
            .invisibleCharacterInName,
            "\(what) contains the invisible character \(NameSafety.describe(hidden))",
            at: scalar.range,
            hint: "delete the character; it changes what a buyer reads, or makes two names that "
              + "look the same differ")
          return nil
        }
        return LocalizedText(entries: [.init(locale: locales[0], text: scalar.text)])
      }
      diagnostics.error(
        .invalidLocalizedText,
        "\(what) must give a text for each locale (\(locales.joined(separator: ", ")))",
        at: scalar.range,
        hint: "write {\(locales.map { "\($0): ..." }.joined(separator: ", "))}")
      return nil
    case .sequence:
      wrongKind(node, expected: "a mapping of locale to text", what)
      return nil
    case .mapping(let mapping):
      var ok = true
      for entry in mapping.entries where !locales.contains(entry.key.text) {
        ok = false
        diagnostics.error(
          .invalidLocalizedText,
          "\(what) has the locale '\(entry.key.text)', which is not in product.locales (\(locales.joined(separator: ", ")))",
          at: entry.key.range,
          hint: Suggestions.closest(to: entry.key.text, among: locales).map {
            "did you mean '\($0)'?"
          })
      }
      var entries: [LocalizedText.Entry] = []
      for locale in locales {
        guard let value = mapping.entries.first(where: { $0.key.text == locale })?.value else {
          ok = false
          diagnostics.error(
            .invalidLocalizedText, "\(what) is missing the locale '\(locale)'", at: mapping.range)
          continue
        }
        guard let text = text(value, "\(what) (\(locale))") else {
          ok = false
          continue
        }
        if let hidden = NameSafety.forbiddenCharacter(in: text.value) {
          ok = false
          diagnostics.error(
            .invisibleCharacterInName,
            "\(what) (\(locale)) contains the invisible character \(NameSafety.describe(hidden))",
            at: text.range,
            hint: "delete the character; it changes what a buyer reads, or makes two names that "
              + "look the same differ")
          continue
        }
        entries.append(.init(locale: locale, text: text.value))
      }
      return ok ? LocalizedText(entries: entries) : nil
    }
  }

  /// A list whose items are read one by one; `single` accepts a lone scalar as a one-item list
  /// (for `by: edition`).
  mutating func list<T>(
    _ node: YAMLNode, _ what: String, acceptsSingle: Bool = false,
    _ item: (inout NodeReader, YAMLNode) -> T?
  ) -> [T]? {
    let items: [YAMLNode]
    switch node {
    case .sequence(let sequence): items = sequence.items
    case .scalar where acceptsSingle: items = [node]
    default:
      wrongKind(node, expected: "a list", what)
      return nil
    }
    var result: [T] = []
    var ok = true
    for itemNode in items {
      if let value = item(&self, itemNode) { result.append(value) } else { ok = false }
    }
    return ok ? result : nil
  }
}
