extension ProductDecoder {
  /// Marketplace names an attribute may not take (spec §5): the console uses them itself.
  static let reservedAttributeIDs = ["appname", "version", "os", "mode"]
  static let reservedAttributeNames = [
    "appName", "version", "os", "mode", "应用名称", "版本", "操作系统", "所属模式",
  ]

  mutating func decodeAttributes(_ node: YAMLNode, _ header: ProductHeader) -> [Attribute]? {
    guard let mapping = reader.mapping(node, "attributes") else { return nil }
    var attributes: [Attribute] = []
    for entry in mapping.entries {
      let idNode = YAMLNode.scalar(entry.key)
      guard let id = reader.attributeID(idNode, "attribute id") else { continue }
      if id.value == periodAttributeID {
        reader.diagnostics.error(
          .reservedName,
          "'period' is reserved for the billing period and cannot be an attribute id",
          at: id.range, hint: "periods are declared per spec with 'periods: [month, year]'")
        continue
      }
      if Self.reservedAttributeIDs.contains(id.value.lowercased()) {
        reader.diagnostics.error(
          .reservedName,
          "the attribute id '\(id.value)' is reserved by the marketplace (appName, version, os, mode)",
          at: id.range, hint: "choose another id, e.g. '\(id.value)_type'")
        continue
      }
      if let attribute = decodeAttribute(entry.value, id: id, header) {
        attributes.append(attribute)
      }
    }
    return attributes
  }

  private mutating func decodeAttribute(
    _ node: YAMLNode, id: Located<String>, _ header: ProductHeader
  ) -> Attribute? {
    let context = "attribute '\(id.value)'"
    guard let mapping = reader.mapping(node, context) else { return nil }
    let typeNode = mapping.entries.first { $0.key.text == "type" }?.value
    let typeText: String? =
      if case .scalar(let scalar) = typeNode { scalar.text } else { nil }
    switch typeText {
    case "enum":
      let fields = reader.fields(
        mapping, context, known: ["type", "name", "values"], required: ["type", "name", "values"],
        owner: id.range)
      let name = decodeAttributeName(fields, context, header)
      let values = reader.present(fields, "values").flatMap { decodeValues($0, id: id, header) }
      guard let name, let values else { return nil }
      return Attribute(id: id, name: name, kind: .enumeration(values), range: mapping.range)
    case "quantity":
      let fields = reader.fields(
        mapping, context, known: ["type", "name", "unit", "min", "max", "step"],
        required: ["type", "name", "min", "max"], owner: id.range)
      let name = decodeAttributeName(fields, context, header)
      let unit = reader.present(fields, "unit").flatMap {
        reader.localized($0, "\(context) unit", locales: header.locales)
      }
      let range = decodeQuantityRange(fields, context)
      guard let name, let range, fields["unit"] == nil || unit != nil else { return nil }
      let unitText = unit ?? LocalizedText(entries: [])
      return Attribute(
        id: id, name: name, kind: .quantity(range, unit: unitText), range: mapping.range)
    default:
      let fields = reader.fields(
        mapping, context, known: ["type", "name", "values", "unit", "min", "max", "step"],
        required: ["type"], owner: id.range)
      if let node = reader.present(fields, "type") {
        _ = reader.choice(node, "\(context) type", AttributeTypeName.self)
      }
      return nil
    }
  }

  private mutating func decodeAttributeName(
    _ fields: Fields, _ context: String, _ header: ProductHeader
  ) -> LocalizedText? {
    guard let node = reader.present(fields, "name"),
      let name = reader.localized(node, "\(context) name", locales: header.locales)
    else { return nil }
    for entry in name.entries where Self.reservedAttributeNames.contains(entry.text) {
      reader.diagnostics.error(
        .reservedName,
        "the attribute name '\(entry.text)' (\(entry.locale)) is reserved by the marketplace",
        at: node.range,
        hint: "reserved names: \(Self.reservedAttributeNames.joined(separator: ", "))")
      return nil
    }
    return name
  }

  private mutating func decodeValues(
    _ node: YAMLNode, id: Located<String>, _ header: ProductHeader
  ) -> [EnumValue]? {
    let context = "attribute '\(id.value)'"
    guard let mapping = reader.mapping(node, "\(context) values") else { return nil }
    let limit = header.limits.maxEnumValues
    if mapping.entries.isEmpty || mapping.entries.count > limit {
      reader.diagnostics.error(
        .enumValueCount,
        mapping.entries.isEmpty
          ? "\(context) has no values"
          : "\(context) has \(mapping.entries.count) values, more than the limit of \(limit)",
        at: mapping.range,
        hint: mapping.entries.isEmpty
          ? "an enum attribute needs at least one value"
          : "KooGallery allows \(TargetLimits.koogallery.maxEnumValues) values per attribute; raise product.limits.max_enum_values for other targets"
      )
    }
    var values: [EnumValue] = []
    // The first value with each name, per locale: a linear search per value made an attribute
    // with a million values take hours (docs/robustness.md).
    var firstWithName: [String: [String: EnumValue]] = [:]
    var ok = true
    for entry in mapping.entries {
      guard let valueID = reader.id(.scalar(entry.key), "value id"),
        let name = reader.localized(
          entry.value, "\(context) value '\(entry.key.text)'", locales: header.locales)
      else {
        ok = false
        continue
      }
      let value = EnumValue(id: valueID, name: name)
      for localeEntry in name.entries {
        // Compared by skeleton (spec §15): `Basic` and `Bаsic` are the same name to a buyer.
        let skeleton = NameSafety.skeleton(localeEntry.text)
        guard let twin = firstWithName[localeEntry.locale]?[skeleton] else {
          firstWithName[localeEntry.locale, default: [:]][skeleton] = value
          continue
        }
        ok = false
        let twinText = twin.name.text(for: localeEntry.locale) ?? ""
        let sameness =
          twinText == localeEntry.text
          ? "the same \(localeEntry.locale) name '\(localeEntry.text)'"
          : "\(localeEntry.locale) names that look the same: '\(twinText)' and "
            + "'\(localeEntry.text)'"
        reader.diagnostics.error(
          .duplicateValueName,
          "\(context): the values '\(twin.id.value)' and '\(valueID.value)' have \(sameness)",
          at: entry.value.range,
          notes: [DiagnosticNote("'\(twin.id.value)' is declared here", at: twin.id.range)],
          hint: "buyers tell values apart by name; give each value its own name")
      }
      values.append(value)
    }
    return ok ? values : nil
  }

  private mutating func decodeQuantityRange(_ fields: Fields, _ context: String) -> QuantityRange? {
    let min = reader.present(fields, "min").flatMap { reader.integer($0, "\(context) min") }
    let max = reader.present(fields, "max").flatMap { reader.integer($0, "\(context) max") }
    var step = Located(1, at: fields.mapping.range)
    if let node = reader.present(fields, "step") {
      guard let value = reader.integer(node, "\(context) step") else { return nil }
      step = value
    }
    guard let min, let max else { return nil }
    var ok = true
    if min.value < 0 {
      ok = false
      reader.diagnostics.error(
        .invalidQuantityRange, "\(context) min must be 0 or more, found \(min.value)", at: min.range
      )
    }
    if max.value < min.value {
      ok = false
      reader.diagnostics.error(
        .invalidQuantityRange, "\(context) max (\(max.value)) is below its min (\(min.value))",
        at: max.range, notes: [DiagnosticNote("min is set here", at: min.range)])
    }
    if step.value < 1 {
      ok = false
      reader.diagnostics.error(
        .invalidQuantityRange, "\(context) step must be 1 or more, found \(step.value)",
        at: step.range)
    }
    if ok, (max.value - min.value) % step.value != 0 {
      ok = false
      let lower = max.value - (max.value - min.value) % step.value
      reader.diagnostics.error(
        .invalidQuantityRange,
        "\(context): max - min (\(max.value - min.value)) is not a multiple of step \(step.value)",
        at: max.range, hint: "use max \(lower) or \(lower + step.value)")
    }
    return ok ? QuantityRange(min: min.value, max: max.value, step: step.value) : nil
  }
}

/// The attribute kinds, for the "not one of" message on a bad `type`.
enum AttributeTypeName: String, CaseIterable {
  case enumeration = "enum"
  case quantity
}
