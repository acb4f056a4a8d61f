/// The derived fields of a payload read from disk, recomputed and compared (spec §11, §15).
///
/// The diff model leaves out what follows from the rest (a SKU's code, its key's selection,
/// its name, `from`, `chargingMode`), so an edit to one of those alone would compare as no
/// change. Such a payload is refused instead: it is not what `skuc build` writes, and a
/// marketplace reading it would see something the diff cannot explain.
struct PayloadConsistency {
  var product: DiffProduct

  init(product: DiffProduct) {
    self.product = product
  }

  func spec(_ spec: DiffSpec, at node: PayloadNode) throws(DiffError) -> SpecConsistency {
    let attributesNode = try node.member("attributes")
    if let twice = PayloadDecoder.firstDuplicate(spec.attributes) {
      throw attributesNode.failure("lists attribute '\(twice)' twice")
    }
    var enums: [DiffAttribute] = []
    var quantities: [String] = []
    for id in spec.attributes {
      guard let attribute = product.attributes.first(where: { $0.id == id }) else {
        throw attributesNode.failure("names '\(id)', which is not an attribute of the product")
      }
      if case .enumeration = attribute.kind {
        enums.append(attribute)
      } else {
        quantities.append(id)
      }
    }
    let periodsNode = try node.member("periods")
    if let periods = spec.periods {
      guard spec.billing.hasPeriods, !periods.isEmpty else {
        throw periodsNode.failure("does not fit billing \(spec.billing.rawValue)")
      }
      if let twice = PayloadDecoder.firstDuplicate(periods.map(\.rawValue)) {
        throw periodsNode.failure("lists '\(twice)' twice")
      }
    } else if spec.billing.hasPeriods {
      throw periodsNode.failure("is null, but billing \(spec.billing.rawValue) sells by period")
    }
    return SpecConsistency(
      product: product, spec: spec, enums: enums, quantities: quantities)
  }
}

/// The checks of one spec's SKUs.
struct SpecConsistency {
  var product: DiffProduct
  var spec: DiffSpec
  /// The spec's enum attributes in its order.
  var enums: [DiffAttribute]
  /// The spec's quantity attribute ids in its order.
  var quantities: [String]

  func check(_ sku: DiffSku, at node: PayloadNode) throws(DiffError) {
    let chosen = Dictionary(
      sku.selection.map { ($0.attribute, $0.value) }, uniquingKeysWith: { first, _ in first })
    let selectionNode = try node.member("selection")
    guard Set(chosen.keys) == Set(enums.map(\.id)) else {
      throw selectionNode.failure(
        "does not select exactly the spec's enum attributes [\(enums.map(\.id).joined(separator: ", "))]"
      )
    }
    var values: [DiffEnumValue] = []
    for attribute in enums {
      let id = chosen[attribute.id] ?? ""
      guard let value = attribute.values.first(where: { $0.id == id }) else {
        throw try selectionNode.member(attribute.id).failure(
          "is '\(id)', which is not a value of attribute '\(attribute.id)'")
      }
      values.append(value)
    }
    let key =
      "\(product.id)/\(spec.id)/"
      + sku.selection.sorted { $0.attribute.precedesBytewise($1.attribute) }
      .map { "\($0.attribute)=\($0.value)" }.joined(separator: ",")
    guard sku.key == key else {
      throw try node.member("key").failure("is not \"\(key)\", the key of its selection")
    }
    let codeNode = try node.member("code")
    let code = SkuIdentity.code(forKey: key)
    guard try codeNode.string() == code else {
      throw codeNode.failure("is not \"\(code)\", the code of key \"\(key)\"")
    }
    let name = Self.name(of: values, spec: spec)
    guard sku.name.sameText(as: name) else {
      let rule =
        values.isEmpty ? "the spec's name" : "its values' names joined with \" / \""
      throw try node.member("name").failure(
        "is not \(rule): \(DiffWording.value(.localized(name)))")
    }
    guard Set(sku.quantities.map(\.id)) == Set(quantities) else {
      throw try node.member("quantities").failure(
        "does not list exactly the spec's quantities [\(quantities.joined(separator: ", "))]")
    }
    try checkPrices(sku, at: try node.member("prices"))
  }

  private func checkPrices(_ sku: DiffSku, at node: PayloadNode) throws(DiffError) {
    let periods: [Period?] = spec.periods ?? [nil]
    let listed = sku.prices.map(\.period)
    guard listed.count == periods.count, Set(listed) == Set(periods) else {
      let names = periods.map { $0?.rawValue ?? "null" }.joined(separator: ", ")
      throw node.failure("does not hold one entry for each period of the spec [\(names)]")
    }
    let minimums = quantities.map { id in sku.quantities.first { $0.id == id }?.range.min ?? 0 }
    for (index, price) in sku.prices.enumerated() {
      let entry = try node.elements()[index]
      guard Set(price.schedules.map(\.id)) == Set(quantities),
        price.schedules.count == quantities.count
      else {
        throw try entry.member("quantities").failure(
          "does not list exactly the spec's quantities [\(quantities.joined(separator: ", "))]")
      }
      let schedules = quantities.compactMap { id in
        price.schedules.first { $0.id == id }?.schedule
      }
      let from = PricedPeriod.total(
        price: price.price, schedules: schedules, quantities: minimums,
        places: product.precision, mode: product.rounding)
      guard price.from == from else {
        throw try entry.member("from").failure(
          "is not \"\(from.formatted(places: product.precision))\", its price plus the cost of each quantity at its minimum"
        )
      }
    }
  }

  /// A SKU's name as spec §11 derives it: the values' names in the spec's attribute order,
  /// per locale of the spec's name, joined with " / "; the empty selection takes the spec's.
  static func name(of values: [DiffEnumValue], spec: DiffSpec) -> LocalizedText {
    guard !values.isEmpty else { return spec.name }
    return LocalizedText(
      entries: spec.name.entries.map { entry in
        LocalizedText.Entry(
          locale: entry.locale,
          text: values.map { $0.name.text(for: entry.locale) ?? "" }.joined(separator: " / "))
      })
  }
}
