/// Decodes one product file's node tree into a `Product` (spec §3–§5), reporting every shape
/// and typing problem it finds. Cross-references (which attribute a rule names, whether a
/// value exists) are the validation stage's job.
struct ProductDecoder {
  var reader = NodeReader()
  let file: String

  static let topLevelKeys = ["skuc", "product", "attributes", "specs"]
  static let productKeys = [
    "id", "type", "name", "currency", "locales", "precision", "rounding", "limits",
  ]
  static let defaultLocales = ["zh-CN", "en-US"]

  init(file: String) {
    self.file = file
  }

  mutating func decode(_ document: YAMLDocument) -> Product? {
    guard let top = reader.mapping(document.root, "the catalog file") else { return nil }
    let fields = reader.fields(
      top, "the catalog file", known: Self.topLevelKeys, required: Self.topLevelKeys)
    if let versionNode = reader.present(fields, "skuc"),
      let version = reader.integer(versionNode, "skuc"), version.value != 1
    {
      reader.diagnostics.error(
        .unsupportedLanguageVersion,
        "this skuc reads catalog language version 1, but the file declares version \(version.value)",
        at: version.range, hint: "write 'skuc: 1'")
    }
    guard let productNode = reader.present(fields, "product"),
      let header = decodeHeader(productNode, key: fields.keyRange("product"))
    else {
      return nil
    }
    var attributes: [Attribute] = []
    if let node = reader.present(fields, "attributes") {
      attributes = decodeAttributes(node, header) ?? []
    }
    var specs: [Spec] = []
    if let node = reader.present(fields, "specs") {
      var specDecoder = SpecDecoder(reader: reader, header: header)
      specs = specDecoder.decodeSpecs(node)
      reader = specDecoder.reader
    }
    return Product(
      file: file, id: header.id, type: header.type, name: header.name, currency: header.currency,
      locales: header.locales, precision: header.precision, rounding: header.rounding,
      limits: header.limits, attributes: attributes, specs: specs)
  }

  // MARK: product

  private mutating func decodeHeader(_ node: YAMLNode, key: SourceRange?) -> ProductHeader? {
    guard let mapping = reader.mapping(node, "product") else { return nil }
    let fields = reader.fields(
      mapping, "product", known: Self.productKeys, required: ["id", "type", "name", "currency"],
      owner: key)
    let id = reader.present(fields, "id").flatMap { reader.id($0, "product.id") }
    let type = reader.present(fields, "type").flatMap {
      reader.choice($0, "product.type", ProductType.self)
    }
    let locales = decodeLocales(fields)
    let name = reader.present(fields, "name").flatMap {
      reader.localized($0, "product.name", locales: locales)
    }
    let currency = reader.present(fields, "currency").flatMap { decodeCurrency($0) }
    let minorUnits = currency.flatMap { ScalarGrammar.minorUnits(ofCurrency: $0) }
    var precision = minorUnits ?? 2
    if let node = reader.present(fields, "precision"),
      let value = reader.integer(node, "product.precision", in: 0...6)
    {
      precision = value.value
    }
    var rounding = RoundingMode.halfUp
    if let node = reader.present(fields, "rounding"),
      let value = reader.choice(node, "product.rounding", RoundingMode.self)
    {
      rounding = value.value
    }
    var limits = TargetLimits.koogallery
    if let node = reader.present(fields, "limits") {
      limits = decodeLimits(node) ?? limits
    }
    guard let id, let type, let name, let currency else { return nil }
    return ProductHeader(
      id: id, type: type.value, name: name, currency: currency, locales: locales,
      precision: precision, rounding: rounding, limits: limits)
  }

  private mutating func decodeLocales(_ fields: Fields) -> [String] {
    guard let node = reader.present(fields, "locales") else { return Self.defaultLocales }
    let tags = reader.list(node, "product.locales") { reader, item -> Located<String>? in
      guard let text = reader.text(item, "a locale") else { return nil }
      guard Self.isLanguageTag(text.value) else {
        reader.diagnostics.error(
          .invalidLocale, "'\(text.value)' is not a BCP 47 language tag", at: text.range,
          hint: "write tags such as zh-CN or en-US")
        return nil
      }
      return text
    }
    guard let tags else { return Self.defaultLocales }
    guard !tags.isEmpty else {
      reader.diagnostics.error(
        .emptyList, "product.locales must name at least one locale", at: node.range)
      return Self.defaultLocales
    }
    var seen: [Located<String>] = []
    for tag in tags {
      if let first = seen.first(where: { $0.value == tag.value }) {
        reader.diagnostics.error(
          .duplicateListItem, "the locale '\(tag.value)' is listed twice", at: tag.range,
          notes: [DiagnosticNote("first listed here", at: first.range)])
      } else {
        seen.append(tag)
      }
    }
    return seen.map(\.value)
  }

  /// A pragmatic BCP 47 check: a 2–3 letter language, then subtags of 2–8 letters or digits.
  static func isLanguageTag(_ tag: String) -> Bool {
    let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
    guard let language = parts.first, (2...3).contains(language.count),
      language.allSatisfy({ $0.isLetter && $0.isASCII })
    else { return false }
    return parts.dropFirst().allSatisfy { part in
      (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
  }

  private mutating func decodeCurrency(_ node: YAMLNode) -> String? {
    reader.convert(node, "product.currency", ScalarGrammar.currency)?.value
  }

  private mutating func decodeLimits(_ node: YAMLNode) -> TargetLimits? {
    guard let mapping = reader.mapping(node, "product.limits") else { return nil }
    var limits = TargetLimits.koogallery
    for entry in mapping.entries {
      switch entry.key.text {
      case "max_skus_per_spec":
        if let value = reader.integer(
          entry.value, "max_skus_per_spec", in: 1...TargetLimits.expansionGuard)
        {
          limits.maxSkusPerSpec = value.value
        }
      case "max_enum_values":
        if let value = reader.integer(
          entry.value, "max_enum_values", in: 1...TargetLimits.expansionGuard)
        {
          limits.maxEnumValues = value.value
        }
      default:
        let known = ["max_skus_per_spec", "max_enum_values"]
        reader.diagnostics.error(
          .unknownLimit, "unknown limit '\(entry.key.text)'", at: entry.key.range,
          hint: Suggestions.closest(to: entry.key.text, among: known).map {
            "did you mean '\($0)'?"
          }
            ?? "limits are max_skus_per_spec and max_enum_values")
      }
    }
    return limits
  }
}

/// The product settings every later part of the file is read against.
struct ProductHeader {
  var id: Located<String>
  var type: ProductType
  var name: LocalizedText
  var currency: String
  var locales: [String]
  var precision: Int
  var rounding: RoundingMode
  var limits: TargetLimits
}
