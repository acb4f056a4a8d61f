/// `skuc diff --format markdown`, for a pull-request comment: the summary line and table, the
/// gates, then per product and spec a list of what was added, changed and delisted and a table
/// of repriced SKUs. Lists and tables longer than `visibleRows` fold the rest into a
/// `<details>` section so that a large change does not bury the conversation.
public enum DiffMarkdownFormat {
  public static let visibleRows = 50

  public static func render(_ result: DiffResult, gates: [GateOutcome]) -> String {
    var out = ["### skuc diff", ""]
    out.append("**\(escape(DiffSummaryLine.text(result)))**")
    if !result.changes.isEmpty {
      out += [""] + summaryTable(result.summary)
    }
    if !gates.isEmpty {
      out += ["", "| gate | result | because |", "|:--|:--|:--|"]
      for outcome in gates {
        let verdict = outcome.tripped ? ":x: tripped" : ":white_check_mark: passed"
        out.append("| `\(outcome.gate.name)` | \(verdict) | \(escape(outcome.because)) |")
      }
    }
    for group in DiffGroup.groups(result.changes) {
      out += [""] + section(group)
    }
    return out.joined(separator: "\n") + "\n"
  }

  private static func summaryTable(_ summary: DiffSummary) -> [String] {
    [
      "| | products | attributes | specs | SKUs |",
      "|:--|--:|--:|--:|--:|",
      "| added | \(summary.productsAdded) | – | \(summary.specsAdded) | \(summary.skusAdded) |",
      "| changed | \(summary.productsChanged) | \(summary.attributesChanged) | \(summary.specsChanged) | \(summary.skusChanged) |",
      "| repriced | – | – | – | \(summary.skusRepriced) |",
      "| delisted | \(summary.productsRemoved) | – | \(summary.specsRemoved) | \(summary.skusRemoved) |",
    ]
  }

  private static func section(_ group: DiffGroup) -> [String] {
    var heading = "#### `\(group.product.escapingControlCharacters)`"
    if let spec = group.spec {
      heading += " / `\(spec.escapingControlCharacters)`"
      if let name = group.specName?.defaultText, !name.isEmpty { heading += " — \(escape(name))" }
    }
    var out = [heading]
    let bullets = group.changes.compactMap(bullet)
    if !bullets.isEmpty {
      out += [""] + folded(bullets, header: [], noun: "change")
    }
    let skuRows = group.changes.flatMap(skuRows)
    if !skuRows.isEmpty {
      let header = ["| SKU | | prices |", "|:--|:--|:--|"]
      out += [""] + folded(skuRows, header: header, noun: "SKU")
    }
    let rows = group.changes.compactMap(row)
    if !rows.isEmpty {
      let header = ["| SKU | period | amount | old | new | change |", "|:--|:--|:--|--:|--:|--:|"]
      out += [""] + folded(rows, header: header, noun: "repriced amount")
    }
    return out
  }

  /// The first `visibleRows` lines as they are, the rest inside `<details>` (a table repeats
  /// its header there, since the folded part is a table of its own).
  private static func folded(_ lines: [String], header: [String], noun: String) -> [String] {
    guard lines.count > visibleRows else { return header + lines }
    let rest = lines.count - visibleRows
    return header + lines.prefix(visibleRows)
      + [
        "", "<details><summary>\(counted(rest, "more " + noun))</summary>", "",
      ] + header + lines.dropFirst(visibleRows) + ["", "</details>"]
  }

  /// A list line for everything but repricings, which go into the table.
  private static func bullet(_ change: DiffChange) -> String? {
    let sku = skuLabel(change)
    switch change.detail {
    case .added(let specs, let skus):
      let what = change.key != nil ? "SKU \(sku)" : DiffWording.noun(change)
      return "- **added** \(what)\(DiffWording.contents(specs: specs, skus: skus))"
        + prices(change, label: "")
    case .removed(let specs, let skus):
      let what = change.key != nil ? "SKU \(sku)" : DiffWording.noun(change)
      return "- **delisted** \(what)\(DiffWording.contents(specs: specs, skus: skus))"
        + prices(change, label: "last ")
    case .productChanged(let field, let old, let new):
      return "- **changed** product `\(field.rawValue)`: \(value(old)) → \(value(new))"
    case .attributeChanged(let change):
      let what = change.value.map { "value `\($0)`" } ?? "`\(change.field.rawValue)`"
      return
        "- **changed** attribute `\(change.attribute)` \(what): \(value(change.old)) → \(value(change.new))"
    case .specChanged(let field, let old, let new):
      return "- **changed** `\(field.rawValue)`: \(value(old)) → \(value(new))"
    case .skuChanged(let field, let old, let new):
      return
        "- **changed** SKU \(sku) \(DiffWording.skuFieldText(field)): \(value(old)) → \(value(new))"
    case .repriced:
      return nil
    }
  }

  /// ` — month 99.00 (from 249.00), year 990.00 (from 2490.00)`: what an added SKU costs,
  /// or what a delisted one cost last.
  private static func prices(_ change: DiffChange, label: String) -> String {
    guard let prices = change.prices, !prices.prices.isEmpty else { return "" }
    let parts = prices.prices.map { price in
      let period = price.period.map { "\($0.rawValue) " } ?? ""
      return
        "\(period)\(DiffWording.amount(price.price, prices.places)) (from \(DiffWording.amount(price.from, prices.places)))"
    }
    return " — \(label)\(parts.joined(separator: ", "))"
  }

  /// The SKUs of an added or delisted product or spec, with what they cost (or cost last).
  private static func skuRows(_ change: DiffChange) -> [String] {
    guard let skus = change.skus else { return [] }
    let status: String
    switch change.detail {
    case .added: status = "added"
    default: status = "delisted"
    }
    return skus.skus.map { sku in
      let name = escape(sku.name.defaultText)
      let selection = DiffGroup.selection(key: sku.key, product: change.product, spec: change.spec)
      let label = selection.isEmpty ? name : "\(name) (`\(selection)`)"
      let prices = sku.prices.map { price in
        let period = price.period.map { "\($0.rawValue) " } ?? ""
        return
          "\(period)\(DiffWording.amount(price.price, skus.places)) (from \(DiffWording.amount(price.from, skus.places)))"
      }
      return "| \(label) | \(status) | \(prices.joined(separator: ", ")) |"
    }
  }

  private static func row(_ change: DiffChange) -> String? {
    guard let repricing = change.repricing else { return nil }
    let places = repricing.places
    let amount =
      repricing.field == .unit
      ? "`\(repricing.quantity ?? "")` tier \(repricing.tier ?? 0) unit" : repricing.field.rawValue
    let cells = [
      skuLabel(change), repricing.period?.rawValue ?? "–", amount,
      DiffWording.amount(repricing.old, places), DiffWording.amount(repricing.new, places),
      DiffWording.change(repricing),
    ]
    return "| " + cells.joined(separator: " | ") + " |"
  }

  /// The SKU's name, escaped, and its selection as code: `基础版 / 标准支持 (`edition=basic`)`.
  private static func skuLabel(_ change: DiffChange) -> String {
    let name = escape(change.skuName?.defaultText ?? "")
    let selection = DiffGroup.selection(of: change).escapingControlCharacters
    return selection.isEmpty ? name : "\(name) (`\(selection)`)"
  }

  private static func value(_ value: DiffValue) -> String {
    escape(DiffWording.value(value))
  }

  /// Makes author text inert in a comment: markdown punctuation is backslash-escaped, `<`,
  /// `>` and `&` become entities (no HTML), `|` cannot end a table cell, and line breaks turn
  /// into spaces so a name cannot start a new block; any other control character is written
  /// as a visible escape.
  public static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "\\", "`", "*", "_", "~", "[", "]", "#", "|":
        out += "\\" + String(character)
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\n", "\r", "\r\n", "\u{2028}", "\u{2029}": out += " "
      default: out.append(character)
      }
    }
    return out.escapingControlCharacters
  }
}
