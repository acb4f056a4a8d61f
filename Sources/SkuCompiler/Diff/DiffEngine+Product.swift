/// Product- and attribute-level changes (spec §15): each reported once, at its level, before
/// the product's specs.
extension DiffPlan {
  mutating func compareProduct(_ old: DiffProduct, _ new: DiffProduct) {
    func change(_ field: DiffChange.ProductField, _ before: DiffValue, _ after: DiffValue) {
      changes.append(
        DiffChange(product: new.id, detail: .productChanged(field, old: before, new: after)))
    }
    if !sameText(old.name, new.name) { change(.name, .localized(old.name), .localized(new.name)) }
    if old.type != new.type { change(.type, .text(old.type), .text(new.type)) }
    if old.currency != new.currency {
      change(.currency, .text(old.currency), .text(new.currency))
    }
    if old.precision != new.precision {
      change(.precision, .integer(old.precision), .integer(new.precision))
    }
    if old.rounding != new.rounding {
      change(.rounding, .text(old.rounding.rawValue), .text(new.rounding.rawValue))
    }
    if old.locales != new.locales { change(.locales, .texts(old.locales), .texts(new.locales)) }
  }

  mutating func compareAttributes(_ old: DiffProduct, _ new: DiffProduct) {
    let oldAttributes = Dictionary(
      old.attributes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let newIDs = Set(new.attributes.map(\.id))
    for attribute in new.attributes {
      compare(product: new.id, oldAttributes[attribute.id], attribute)
    }
    for attribute in old.attributes where !newIDs.contains(attribute.id) {
      compare(product: new.id, attribute, nil)
    }
  }

  private mutating func compare(product: String, _ old: DiffAttribute?, _ new: DiffAttribute?) {
    let id = new?.id ?? old?.id ?? ""
    func change(
      _ field: DiffChange.AttributeField, value: String? = nil, _ before: DiffValue,
      _ after: DiffValue
    ) {
      changes.append(
        DiffChange(
          product: product,
          detail: .attributeChanged(
            DiffChange.AttributeChange(
              attribute: id, field: field, value: value, old: before, new: after))))
    }
    guard let old, let new, old.kind.typeName == new.kind.typeName else {
      change(
        .type, old.map { .text($0.kind.typeName) } ?? .null,
        new.map { .text($0.kind.typeName) } ?? .null)
      return
    }
    if !sameText(old.name, new.name) { change(.name, .localized(old.name), .localized(new.name)) }
    switch (old.kind, new.kind) {
    case (.enumeration(let before), .enumeration(let after)):
      let previous = Dictionary(before.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      for value in after {
        if let was = previous[value.id] {
          if !sameText(was.name, value.name) {
            change(.values, value: value.id, .localized(was.name), .localized(value.name))
          }
        } else {
          change(.values, value: value.id, .null, .localized(value.name))
        }
      }
      let kept = Set(after.map(\.id))
      for value in before where !kept.contains(value.id) {
        change(.values, value: value.id, .localized(value.name), .null)
      }
    case (.quantity(let unitBefore, let before), .quantity(let unitAfter, let after)):
      if !sameText(unitBefore, unitAfter) {
        change(.unit, .localized(orNull: unitBefore), .localized(orNull: unitAfter))
      }
      if before.min != after.min { change(.min, .integer(before.min), .integer(after.min)) }
      if before.max != after.max { change(.max, .integer(before.max), .integer(after.max)) }
      if before.step != after.step { change(.step, .integer(before.step), .integer(after.step)) }
    default:
      return
    }
  }
}
