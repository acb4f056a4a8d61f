/// Decodes `specs` (spec §6, §7, §10), keeping every reference as written for validation.
struct SpecDecoder {
  var reader: NodeReader
  let header: ProductHeader

  static let specKeys = [
    "name", "billing", "periods", "trial_days", "usage_unit", "attributes", "rules", "pricing",
    "checks",
  ]

  mutating func decodeSpecs(_ node: YAMLNode) -> [Spec] {
    guard let mapping = reader.mapping(node, "specs") else { return [] }
    if mapping.entries.isEmpty {
      reader.diagnostics.error(
        .noSpecs, "a product needs at least one spec", at: mapping.range,
        hint: "add a spec such as 'standard:' with a billing mode and pricing")
    }
    var specs: [Spec] = []
    for entry in mapping.entries {
      guard let id = reader.id(.scalar(entry.key), "spec id") else { continue }
      if let spec = decodeSpec(entry.value, id: id) { specs.append(spec) }
    }
    return specs
  }

  private mutating func decodeSpec(_ node: YAMLNode, id: Located<String>) -> Spec? {
    let context = "spec '\(id.value)'"
    guard let mapping = reader.mapping(node, context) else { return nil }
    let fields = reader.fields(
      mapping, context, known: Self.specKeys, required: ["name", "billing", "pricing"],
      owner: id.range)
    let name = reader.present(fields, "name").flatMap {
      reader.localized($0, "\(context) name", locales: header.locales)
    }
    let billing = reader.present(fields, "billing").flatMap {
      reader.choice($0, "\(context) billing", Billing.self)
    }
    let periods = reader.present(fields, "periods").flatMap { decodePeriods($0, context) }
    let trialDays = reader.present(fields, "trial_days").flatMap {
      reader.integer($0, "\(context) trial_days", in: 1...365)
    }
    let usageUnit = reader.present(fields, "usage_unit").flatMap {
      reader.localized($0, "\(context) usage_unit", locales: header.locales)
    }
    let attributes =
      reader.present(fields, "attributes").flatMap { node in
        reader.list(node, "\(context) attributes") { reader, item in
          reader.text(item, "an attribute id")
        }
      } ?? []
    let rules =
      reader.present(fields, "rules").flatMap { decodeList($0, "\(context) rules") { $0.rule($1) } }
      ?? []
    let pricing = reader.present(fields, "pricing").flatMap {
      decodeList($0, "\(context) pricing") { $0.step($1) }
    }
    let checks =
      reader.present(fields, "checks").flatMap {
        decodeList($0, "\(context) checks") { $0.check($1) }
      } ?? []
    guard let name, let billing, let pricing else { return nil }
    if fields.has("periods") && periods == nil { return nil }
    if fields.has("trial_days") && trialDays == nil { return nil }
    if fields.has("usage_unit") && usageUnit == nil { return nil }
    return Spec(
      id: id, name: name, billing: billing, periods: periods, trialDays: trialDays,
      usageUnit: usageUnit, attributes: attributes, rules: rules, pricing: pricing,
      checks: checks,
      keyRanges: Dictionary(
        mapping.entries.map { ($0.key.text, $0.key.range) }, uniquingKeysWith: { first, _ in first }
      ),
      range: id.range)
  }

  /// Reads a list whose items are expressions (rules, steps, checks).
  private mutating func decodeList<T>(
    _ node: YAMLNode, _ what: String, _ item: (inout ExpressionDecoder, YAMLNode) -> T?
  ) -> [T]? {
    var expressions = ExpressionDecoder(reader: reader, header: header)
    defer { reader = expressions.reader }
    guard let sequence = expressions.reader.sequence(node, what) else { return nil }
    var result: [T] = []
    var ok = true
    for itemNode in sequence.items {
      if let value = item(&expressions, itemNode) { result.append(value) } else { ok = false }
    }
    return ok ? result : nil
  }

  private mutating func decodePeriods(_ node: YAMLNode, _ context: String) -> [Period]? {
    let periods = reader.list(node, "\(context) periods") { reader, item in
      reader.choice(item, "a period", Period.self)
    }
    guard let periods else { return nil }
    if periods.isEmpty {
      reader.diagnostics.error(
        .emptyList, "\(context) periods must list month, year or both", at: node.range)
      return nil
    }
    var result: [Located<Period>] = []
    for period in periods {
      if let first = result.first(where: { $0.value == period.value }) {
        reader.diagnostics.error(
          .duplicateListItem, "\(context) lists the period '\(period.value.rawValue)' twice",
          at: period.range, notes: [DiagnosticNote("first listed here", at: first.range)])
        return nil
      }
      result.append(period)
    }
    return result.map(\.value)
  }
}
