/// The terminal table: a header line per block, then one row per SKU with its quantity ranges
/// and each period's price and `from` side by side.
enum MatrixTable {
  static func text(_ block: MatrixBlock, removed: Bool) -> String {
    let spec = block.resolved
    let places = block.product.precision
    let periods = spec.pricedPeriods
    let removals = block.spec.expanded.removed.count
    let counts =
      "\(counted(block.spec.skuCount, "SKU"))" + (removals > 0 ? ", \(removals) removed" : "")
    let specName = MatrixData.name(of: [], spec: spec, product: block.product)
      .escapingControlCharacters
    let unit = MatrixData.usageUnit(spec.spec, product: block.product).map { " per \($0)" } ?? ""
    let mode = spec.spec.billing.value
    let console = ConsoleTerms.billing(mode, productType: block.product.type)
    let billing = "\(mode.rawValue) \(console)\(unit), \(block.product.currency)"
    var output =
      "\(block.product.id.value) / \(spec.spec.id.value) — \(specName) (\(billing)): \(counts)\n"
    let quantityColumns = spec.quantities.map(\.attribute.id.value)
    let unitColumns = quantityColumns.count
    var table = TextTable(
      [.left] + quantityColumns.map { _ in .left }
        + periods.flatMap { _ in [.right, .right] + Array(repeating: .left, count: unitColumns) })
    table.indent = "  "
    table.append(
      ["name"] + quantityColumns
        + periods.flatMap { period in
          let prefix = period.map { "\($0.rawValue) " } ?? ""
          return ["\(prefix)price", "\(prefix)from"]
            + quantityColumns.map { "\(prefix)\($0) unit" }
        })
    for (sku, name) in zip(block.spec.skus, block.names) {
      let ranges = sku.ranges.map { $0.min == $0.max ? "\($0.min)" : "\($0.min)–\($0.max)" }
      let amounts = sku.prices.flatMap { priced in
        [priced.price.formatted(places: places), priced.from.formatted(places: places)]
          + priced.schedules.map { MatrixUnits.text($0, places: places) }
      }
      table.append([name.escapingControlCharacters] + ranges + amounts)
    }
    output += table.render()
    if removed { output += removedSection(block) }
    return output
  }

  /// Grouped by rule, in rule order, so each rule's text is printed once; within a group,
  /// matrix order.
  private static func removedSection(_ block: MatrixBlock) -> String {
    let removals = block.removals
    guard !removals.isEmpty else { return "\n  removed by rules: none\n" }
    let rules = block.resolved.rules
    var output = ""
    for (index, rule) in rules.enumerated() {
      let removed = zip(block.spec.expanded.removed, removals).filter { $0.0.rule == index }.map(
        \.1)
      guard !removed.isEmpty else { continue }
      let because = rule.source.because.map { " (\($0))" } ?? ""
      output +=
        "\n"
        + ("  removed by the \(RuleText.kind(rule.source)) rule at \(RuleText.location(rule.source))\(because):")
        .escapingControlCharacters + "\n"
      var table = TextTable([.left, .left])
      table.indent = "    "
      for removal in removed {
        table.append([
          removal.name.escapingControlCharacters,
          SelectionText.describe(removal.selection, spec: block.resolved).escapingControlCharacters,
        ])
      }
      output += table.render()
    }
    return output
  }
}

/// One line of the CSV and JSON formats: a (SKU, period), or a removed selection.
struct MatrixRow {
  var name: String
  var key: String
  var code: String
  var period: String?
  var price: String?
  var from: String?
  /// Each quantity's unit prices in this (SKU, period), by attribute id.
  var units: [String: Schedule] = [:]
  var removedBy: String?

  /// The SKUs' rows in matrix order, each SKU's periods in the spec's order; then, when asked,
  /// one row per removed selection.
  static func rows(_ block: MatrixBlock, removed: Bool) -> [MatrixRow] {
    let places = block.product.precision
    var rows: [MatrixRow] = []
    for (sku, name) in zip(block.spec.skus, block.names) {
      for priced in sku.prices {
        rows.append(
          MatrixRow(
            name: name, key: sku.key, code: sku.code, period: priced.period?.rawValue,
            price: priced.price.formatted(places: places),
            from: priced.from.formatted(places: places),
            units: Dictionary(
              zip(block.resolved.quantities.map(\.attribute.id.value), priced.schedules),
              uniquingKeysWith: { first, _ in first })))
      }
    }
    if removed {
      rows += block.removals.map {
        MatrixRow(name: $0.name, key: $0.key, code: $0.code, removedBy: $0.location)
      }
    }
    return rows
  }
}

/// RFC 4180 fields; lines end in `\n` (a `\r` would end up in the last field of every
/// `cut` and `awk` a reviewer runs).
enum MatrixCSV {
  /// Written first by `--bom`: Excel reads a CSV without it in the system's code page, which
  /// garbles every Chinese name on a Chinese Windows.
  static let byteOrderMark = "\u{FEFF}"

  /// `quantities`: one column per quantity attribute of the blocks shown (`MatrixUnits`).
  static func header(removed: Bool, quantities: [String]) -> String {
    line(
      ["name", "key", "code", "period", "price", "from"] + quantities
        + (removed ? ["removedBy"] : []))
  }

  static func rows(_ block: MatrixBlock, removed: Bool, quantities: [String]) -> String {
    let places = block.product.precision
    return MatrixRow.rows(block, removed: removed).map { row in
      let fields = [row.name, row.key, row.code, row.period ?? "", row.price ?? "", row.from ?? ""]
      let units = quantities.map { id in
        row.units[id].map { MatrixUnits.text($0, places: places, namingModel: false) } ?? ""
      }
      return line(fields + units + (removed ? [row.removedBy ?? ""] : []))
    }.joined()
  }

  static func line(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\n"
  }

  /// Quoted when it holds a comma, a quote or a line break; quotes are doubled. A field a
  /// spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, tab or CR) gets a
  /// leading `'` and is quoted, as OWASP recommends against CSV injection: a name like
  /// `=HYPERLINK(…)` comes from a pull request. Amounts are never negative in output, so no
  /// number is touched. Control characters are escaped (`\u{1B}`), like in every text output.
  static func field(_ text: String) -> String {
    let escaped = text.escapingControlCharacters
    let isFormula = text.unicodeScalars.first.map { formulaStarts.contains($0) } ?? false
    guard isFormula || escaped.contains(where: { $0 == "," || $0 == "\"" }) else {
      return escaped
    }
    var quoted = isFormula ? "\"'" : "\""
    for character in escaped {
      quoted += character == "\"" ? "\"\"" : String(character)
    }
    return quoted + "\""
  }

  private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}

enum MatrixJSON {
  static func rows(_ block: MatrixBlock, removed: Bool) -> [JSONValue] {
    MatrixRow.rows(block, removed: removed).map { row in
      var members: [(String, JSONValue)] = [
        ("name", .string(row.name)),
        ("key", .string(row.key)),
        ("code", .string(row.code)),
        ("period", .string(orNull: row.period)),
        ("price", .string(orNull: row.price)),
        ("from", .string(orNull: row.from)),
      ]
      let places = block.product.precision
      members.append(
        (
          "units",
          .object(
            block.resolved.quantities.map(\.attribute.id.value).map { id in
              (id, row.units[id].map { MatrixUnits.json($0, places: places) } ?? .null)
            })
        ))
      if removed { members.append(("removedBy", .string(orNull: row.removedBy))) }
      return .object(members)
    }
  }
}

/// What one unit of a quantity costs, as `matrix` shows it: the unit price of a linear
/// schedule, or the bands of a tiered one, `upto:unit` joined by `;` and the last `+:unit`.
/// In the table the model leads a tiered cell (`graduated 20:30.00;+:20.00`): graduated and
/// volume bands look alike but price differently, and a reviewer must see which applies. The
/// CSV cell keeps the bands alone, the shape spreadsheets and scripts parse; its JSON row and
/// the table carry the model.
enum MatrixUnits {
  static func text(_ schedule: Schedule, places: Int, namingModel: Bool = true) -> String {
    if schedule.model == .linear {
      return (schedule.tiers.first?.unit ?? .zero).formatted(places: places)
    }
    let bands = schedule.tiers.map { tier in
      "\(tier.upto.map { "\($0)" } ?? "+"):\(tier.unit.formatted(places: places))"
    }.joined(separator: ";")
    return namingModel ? schedule.model.rawValue + " " + bands : bands
  }

  static func json(_ schedule: Schedule, places: Int) -> JSONValue {
    .object([
      ("model", .string(schedule.model.rawValue)),
      (
        "tiers",
        .array(
          schedule.tiers.map { tier in
            .object([
              ("upto", tier.upto.map { .integer($0) } ?? .null),
              ("unit", .string(tier.unit.formatted(places: places))),
            ])
          })
      ),
    ])
  }

  /// The quantity attributes of the blocks, each once, in product then catalog order: the
  /// CSV's unit columns.
  static func columns(_ blocks: [MatrixBlock]) -> [String] {
    var columns: [String] = []
    for block in blocks {
      for quantity in block.resolved.quantities
      where !columns.contains(quantity.attribute.id.value) {
        columns.append(quantity.attribute.id.value)
      }
    }
    return columns
  }
}
