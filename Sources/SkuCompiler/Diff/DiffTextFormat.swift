/// `skuc diff --format text`: a one-line summary, then the changes grouped by product and
/// spec, then the gates. Coloured only when asked (stdout is a terminal without `NO_COLOR`).
public enum DiffTextFormat {
  public static func render(_ result: DiffResult, gates: [GateOutcome], colour: Bool) -> String {
    let paint = Paint(enabled: colour)
    var lines = [DiffSummaryLine.text(result)]
    var product: String?
    for group in DiffGroup.groups(result.changes) {
      if group.product != product {
        lines.append("")
        lines.append(paint.bold(group.product.escapingControlCharacters))
        product = group.product
      }
      var indent = "  "
      if let spec = group.spec {
        let name = group.specName.map { " " + DiffWording.quoted($0.defaultText) } ?? ""
        lines.append("  " + paint.bold(spec.escapingControlCharacters) + name)
        indent = "    "
      }
      var currentKey: String?
      for change in group.changes {
        lines += entryLines(change, indent: indent, paint: paint, currentKey: &currentKey)
      }
    }
    if !gates.isEmpty {
      lines.append("")
      lines.append(paint.bold("gates"))
      for outcome in gates {
        let verdict = outcome.tripped ? paint.red("tripped") : paint.green("passed")
        lines.append(
          "  \(outcome.gate.name) \(verdict): \(outcome.because.escapingControlCharacters)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One change; repricings and changes of one SKU gather under a single SKU line.
  private static func entryLines(
    _ change: DiffChange, indent: String, paint: Paint, currentKey: inout String?
  ) -> [String] {
    let sku = skuLabel(change)
    switch change.detail {
    case .added(let specs, let skus):
      currentKey = nil
      let what = change.key != nil ? sku : "\(DiffWording.noun(change)) added"
      return [indent + paint.green("+ " + what + DiffWording.contents(specs: specs, skus: skus))]
        + priceLines(change, indent: indent + "    ", label: "")
        + skuLines(change, indent: indent + "    ", label: "")
    case .removed(let specs, let skus):
      currentKey = nil
      let what = change.key != nil ? "\(sku) delisted" : "\(DiffWording.noun(change)) delisted"
      return [indent + paint.red("- " + what + DiffWording.contents(specs: specs, skus: skus))]
        + priceLines(change, indent: indent + "    ", label: "last sold at ")
        + skuLines(change, indent: indent + "    ", label: "last sold at ")
    case .productChanged(let field, let old, let new):
      currentKey = nil
      return [
        indent
          + paint.yellow(
            "~ product \(field.rawValue) \(DiffWording.value(old)) -> \(DiffWording.value(new))")
      ]
    case .attributeChanged(let attribute):
      currentKey = nil
      return [
        indent
          + paint.yellow(
            "~ \(DiffWording.attributeText(attribute)) \(DiffWording.value(attribute.old)) -> \(DiffWording.value(attribute.new))"
          )
      ]
    case .specChanged(let field, let old, let new):
      currentKey = nil
      return [
        indent
          + paint.yellow(
            "~ \(field.rawValue) \(DiffWording.value(old)) -> \(DiffWording.value(new))")
      ]
    case .repriced, .skuChanged:
      var lines: [String] = []
      if currentKey != change.key {
        currentKey = change.key
        lines.append(indent + paint.yellow("~ " + sku))
      }
      lines.append(indent + "    " + detail(change))
      return lines
    }
  }

  /// An added SKU's prices or a delisted SKU's last prices, one line per period, with the
  /// unit schedules when the spec has quantities.
  private static func priceLines(_ change: DiffChange, indent: String, label: String) -> [String] {
    guard let prices = change.prices else { return [] }
    return prices.prices.map { price in
      let period = price.period.map { "\($0.rawValue) " } ?? ""
      let units = DiffWording.units(price, places: prices.places).map { "; \($0)" } ?? ""
      return
        "\(indent)\(label)\(period)price \(DiffWording.amount(price.price, prices.places)), from \(DiffWording.amount(price.from, prices.places))\(units)"
    }
  }

  /// The SKUs of an added or delisted product or spec, one line each with its prices.
  private static func skuLines(_ change: DiffChange, indent: String, label: String) -> [String] {
    guard let skus = change.skus else { return [] }
    return skus.skus.map { sku in
      let selection = DiffGroup.selection(key: sku.key, product: change.product, spec: change.spec)
      let name = selection.isEmpty ? sku.name.defaultText : "\(sku.name.defaultText) [\(selection)]"
      let prices = DiffWording.prices(DiffChange.Prices(prices: sku.prices, places: skus.places))
      return "\(indent)\(name): \(label)\(prices)"
    }
  }

  private static func detail(_ change: DiffChange) -> String {
    switch change.detail {
    case .repriced(let repricing):
      return DiffWording.repricingText(repricing)
    case .skuChanged(let field, let old, let new):
      return
        "\(DiffWording.skuFieldText(field)) \(DiffWording.value(old)) -> \(DiffWording.value(new))"
    default:
      return DiffWording.sentence(change)
    }
  }

  /// `基础版 / 标准支持 [edition=basic,support=standard]`; the single SKU of a spec without enum
  /// attributes has no selection to show.
  static func skuLabel(_ change: DiffChange) -> String {
    let name = (change.skuName?.defaultText ?? "").escapingControlCharacters
    let selection = DiffGroup.selection(of: change).escapingControlCharacters
    return selection.isEmpty ? name : "\(name) [\(selection)]"
  }
}

/// The summary line text and markdown print first:
/// `2 specs added, 10 SKUs added, 4 SKUs delisted, 25 SKUs repriced (+12.5% max, -3.0% min)`.
/// Every count names what it counts, since products, specs and SKUs can all be delisted.
enum DiffSummaryLine {
  static func text(_ result: DiffResult) -> String {
    let summary = result.summary
    var parts: [String] = []
    func add(_ number: Int, _ noun: String, _ verb: String) {
      if number > 0 { parts.append("\(counted(number, noun)) \(verb)") }
    }
    add(summary.productsAdded, "product", "added")
    add(summary.specsAdded, "spec", "added")
    add(summary.skusAdded, "SKU", "added")
    add(summary.productsRemoved, "product", "delisted")
    add(summary.specsRemoved, "spec", "delisted")
    add(summary.skusRemoved, "SKU", "delisted")
    if summary.skusRepriced > 0 {
      parts.append(
        "\(counted(summary.skusRepriced, "SKU")) repriced\(percentRange(result))")
    }
    add(summary.productsChanged, "product", "changed")
    add(summary.attributesChanged, "attribute", "changed")
    add(summary.specsChanged, "spec", "changed")
    add(summary.skusChanged, "SKU", "changed")
    return parts.isEmpty ? "no changes" : parts.joined(separator: ", ")
  }

  /// ` (+12.5% max, -3.0% min)`, ` (+10.0%)` when all agree, ` (from 0)` when no old amount
  /// was above 0, ` (other currency)` when the currency changed.
  static func percentRange(_ result: DiffResult) -> String {
    let all = result.changes.compactMap(\.repricing)
    let repricings = all.filter { $0.percent != nil }
    guard !repricings.isEmpty else {
      return all.contains(where: \.comparable) ? " (from 0)" : " (other currency)"
    }
    func precedes(_ a: DiffChange.Repricing, _ b: DiffChange.Repricing) -> Bool {
      let (x, y) = (a.percent ?? .zero, b.percent ?? .zero)
      return x == y ? a.delta < b.delta : x < y
    }
    guard let high = repricings.max(by: precedes), let low = repricings.min(by: precedes),
      let highText = DiffWording.signedPercent(high), let lowText = DiffWording.signedPercent(low)
    else { return "" }
    return highText == lowText ? " (\(highText))" : " (\(highText) max, \(lowText) min)"
  }
}

/// The changes of one product, or of one spec of a product, in plan order.
struct DiffGroup {
  var product: String
  var spec: String?
  var specName: LocalizedText?
  var changes: [DiffChange]

  /// Groups in product-id order, each product's own entries first, then its specs in spec
  /// order (`DiffChange.specOrder`); entries keep their plan order within a group.
  static func groups(_ changes: [DiffChange]) -> [DiffGroup] {
    var groups: [DiffGroup] = []
    var index: [[String]: Int] = [:]
    var orders: [Int] = []
    for change in changes {
      let id = [change.product, change.spec ?? ""]
      if let existing = index[id] {
        groups[existing].changes.append(change)
      } else {
        index[id] = groups.count
        orders.append(change.spec == nil ? -1 : change.specOrder)
        groups.append(
          DiffGroup(
            product: change.product, spec: change.spec, specName: change.specName, changes: [change]
          ))
      }
    }
    return zip(groups, orders).sorted { lhs, rhs in
      let (a, b) = (lhs.0.product, rhs.0.product)
      return a == b ? lhs.1 < rhs.1 : a.precedesBytewise(b)
    }.map(\.0)
  }

  /// The key without its `product/spec/` prefix: `edition=basic,support=standard`.
  static func selection(of change: DiffChange) -> String {
    guard let key = change.key else { return "" }
    return selection(key: key, product: change.product, spec: change.spec)
  }

  /// The key without `product/spec/`; under a product alone, without `product/`.
  static func selection(key: String, product: String, spec: String?) -> String {
    let prefix = spec.map { "\(product)/\($0)/" } ?? "\(product)/"
    return key.hasPrefix(prefix) ? String(key.dropFirst(prefix.count)) : key
  }
}

/// ANSI colours, or plain text.
struct Paint {
  var enabled: Bool

  func bold(_ text: String) -> String { wrap(text, "1") }
  func red(_ text: String) -> String { wrap(text, "31") }
  func green(_ text: String) -> String { wrap(text, "32") }
  func yellow(_ text: String) -> String { wrap(text, "33") }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
