/// One spec's steps: create it, tick its attributes and values, delete the SKUs the rules
/// removed, enter every price.
struct SpecSteps {
  var builder: ChecklistBuilder
  var spec: PricedSpec
  var step: Int

  private var locale: ConsoleLocale { builder.locale }
  private var resolved: ResolvedSpec { spec.resolved }
  private var product: Product { builder.product.product }
  /// Limits at or above this share of the marketplace's limit are "close".
  private static let closeShare = (numerator: 4, denominator: 5)

  func write(into document: inout ChecklistDocument) {
    let source = resolved.spec
    document.heading(
      2,
      locale.pick(
        "第 \(step) 步：规格 \(source.id.value)",
        "Step \(step): spec \(source.id.value)") + builder.aside(builder.display(source.name)))
    document.bullets(settings())
    ticks(into: &document)
    generated(into: &document)
    prices(into: &document)
    limits(into: &document)
  }

  private func settings() -> [String] {
    let source = resolved.spec
    let billing = source.billing.value
    var items = [
      locale.pick("规格名称（中文）：", "Spec name (Chinese): ") + builder.chinese(source.name),
      locale.pick("规格名称（英文）：", "Spec name (English): ") + builder.english(source.name),
      locale.pick("计费模式：", "Billing mode: ")
        + ConsoleTerms.billing(billing, productType: product.type, locale: locale),
    ]
    if billing == .period || billing == .oneTime {
      let custom = spec.expanded.radices.reduce(1, *) > 1 || !resolved.quantities.isEmpty
      items.append(
        locale.pick("定价模板：", "Pricing template: ")
          + (custom
            ? locale.pick("自定义模板（按 SKU 定价）", "Custom template (a price per SKU)")
            : locale.pick("简单模板（一口价）", "Simple template (one flat price)")))
    }
    if let unit = source.usageUnit {
      items.append(locale.pick("计量单位：", "Usage unit: ") + builder.bilingual(unit))
    }
    if let periods = source.periods {
      items.append(
        locale.pick("周期：", "Periods: ")
          + periods.map(periodName).joined(separator: locale.pick("、", ", ")))
    }
    if billing == .period {
      if let trial = source.trialDays {
        items.append(
          locale.pick(
            "试用：勾选“允许试用”，试用天数 \(trial.value)（发布后不能取消试用，也不能修改天数）",
            "Trial: tick \"allow trial\", trial days \(trial.value) (after publishing the trial can be neither cancelled nor changed)"
          ))
      } else {
        items.append(
          locale.pick(
            "试用：不勾选“允许试用”（发布后不能再加试用）",
            "Trial: leave \"allow trial\" unticked (it cannot be added after publishing)"))
      }
    }
    return items
  }

  /// The attributes to pick, with each enum value and each quantity range to enter.
  private func ticks(into document: inout ChecklistDocument) {
    guard !resolved.enums.isEmpty || !resolved.quantities.isEmpty else { return }
    document.paragraph(
      locale.pick("选择属性并填写取值：", "Pick the attributes and enter their values:"))
    var items: [String] = []
    for attribute in resolved.enums {
      let values = (attribute.enumValues ?? []).map { value in
        "\(value.id.value) = \(builder.bilingual(value.name))"
      }
      items.append(
        attribute.id.value + builder.aside(builder.display(attribute.name))
          + locale.pick("，枚举值 \(values.count) 个：", ", \(values.count) values: ")
          + values.joined(separator: locale.pick("；", "; ")))
    }
    for quantity in resolved.quantities {
      let range = quantity.range
      items.append(
        quantity.attribute.id.value + builder.aside(builder.display(quantity.attribute.name))
          + locale.pick(
            "：最小值 \(range.min)，最大值 \(range.max)，步长 \(range.step)",
            ": min \(range.min), max \(range.max), step \(range.step)"))
    }
    document.bullets(items)
  }

  /// Every combination the console generates from the ticked values, before any rule; the
  /// ones the rules removed are to be deleted, each with its rule.
  private func generated(into document: inout ChecklistDocument) {
    let total = combinations
    let removed = spec.expanded.removed
    document.paragraph(
      locale.pick(
        "控制台将生成 \(total) 个 SKU（所有取值组合）；保留 \(spec.skuCount) 个，删除 \(removed.count) 个：",
        "The console generates \(total) SKUs (every combination of the values); keep \(spec.skuCount), delete \(removed.count):"
      ))
    let cap = product.limits.maxSkusPerSpec
    if total > cap {
      document.paragraph(
        locale.pick(
          "⚠ 删除前的组合数 \(total) 超过控制台上限 \(cap)：控制台在删除前计数，需先减少取值或拆分规格。",
          "⚠ \(total) combinations before deletion exceed the console's cap of \(cap): the console counts before deleting, so drop values or split the spec first."
        ))
    }
    guard total <= ChecklistBuilder.listedCombinations else {
      document.paragraph(
        locale.pick(
          "组合太多，不逐一列出；用 `skuc matrix --removed` 查看。",
          "Too many combinations to list; see `skuc matrix --removed`."))
      return
    }
    let removals = Dictionary(
      removed.map { ($0.position, $0.rule) }, uniquingKeysWith: { first, _ in first })
    var rows: [[String]] = []
    for position in 0..<total {
      let selection = spec.expanded.selection(atMatrixPosition: position)
      var action = locale.pick("保留", "keep")
      if let rule = removals[position] {
        let source = resolved.rules[rule].source
        let because = source.because.map { locale.pick("：", ": ") + $0 } ?? ""
        action =
          locale.pick("删除 — ", "delete — ")
          + "\(RuleText.kind(source)) \(RuleText.location(source))\(because)"
      }
      rows.append([
        "\(position + 1)", skuName(selection), SelectionText.describe(selection, spec: resolved),
        action,
      ])
    }
    document.table(
      [
        "#", locale.pick("SKU", "SKU"), locale.pick("取值", "Values"),
        locale.pick("操作", "Action"),
      ], rows, numeric: [0])
  }

  /// The product of the value counts: what the console generates, before deletions.
  private var combinations: Int {
    spec.expanded.radices.reduce(1) { product, count in
      let (result, overflow) = product.multipliedReportingOverflow(by: count)
      return overflow ? Int.max : result
    }
  }

  private func prices(into document: inout ChecklistDocument) {
    let places = product.precision
    let unit = resolved.spec.usageUnit.map { " / " + builder.display($0) } ?? ""
    document.paragraph(
      locale.pick("为每个保留的 SKU 和周期填写价格：", "Enter the price of each kept SKU and period:"))
    var header = [
      "#", "SKU", locale.pick("周期", "Period"),
      locale.pick("价格（\(product.currency)\(unit)）", "Price (\(product.currency)\(unit))"),
    ]
    for quantity in resolved.quantities {
      header.append(
        quantity.attribute.id.value + builder.aside(builder.display(quantity.attribute.name)))
    }
    var rows: [[String]] = []
    for sku in spec.skus {
      let number = "\(spec.expanded.skus[sku.index] + 1)"
      for priced in sku.prices {
        var row = [
          number, skuName(sku.selection), priced.period.map(periodName) ?? "—",
          priced.price.formatted(places: places),
        ]
        for (index, quantity) in resolved.quantities.enumerated() {
          row.append(
            quantityCell(
              priced.schedules[index], range: sku.ranges[index], declared: quantity.range,
              places: places))
        }
        rows.append(row)
      }
    }
    document.table(header, rows, numeric: [0, 3])
  }

  /// `Step阶梯定价 1–20: 30.00; 21–40: 25.00; 41+: 20.00`, with the SKU's range first when a
  /// limit rule narrowed it.
  private func quantityCell(
    _ schedule: Schedule, range: QuantityRange, declared: QuantityRange, places: Int
  ) -> String {
    var cell = ""
    if range != declared {
      cell =
        locale.pick(
          "范围 \(range.min)–\(range.max)，步长 \(range.step)；",
          "range \(range.min)–\(range.max), step \(range.step); ")
    }
    cell += ConsoleTerms.model(schedule.model, locale: locale) + " "
    if schedule.model == .linear {
      return cell + (schedule.tiers.first?.unit ?? .zero).formatted(places: places)
    }
    return cell
      + schedule.tiers.indices.map { index in
        "\(StepText.tierRange(schedule.tiers, index)): \(schedule.tiers[index].unit.formatted(places: places))"
      }.joined(separator: "; ")
  }

  /// The marketplace limits this spec reaches at least four fifths of.
  private func limits(into document: inout ChecklistDocument) {
    let limits = product.limits
    var measured: [(what: String, count: Int, limit: Int)] = [
      (locale.pick("生成的 SKU", "SKUs generated"), combinations, limits.maxSkusPerSpec)
    ]
    for attribute in resolved.enums {
      measured.append(
        (
          locale.pick("\(attribute.id.value) 的取值", "values of \(attribute.id.value)"),
          attribute.enumValues?.count ?? 0, limits.maxEnumValues
        ))
    }
    let close = measured.filter {
      $0.count * Self.closeShare.denominator >= $0.limit * Self.closeShare.numerator
    }
    let all = measured.map { "\($0.what) \($0.count)/\($0.limit)" }
      .joined(separator: locale.pick("，", ", "))
    if close.isEmpty {
      document.paragraph(
        locale.pick("接近的平台限制：无（\(all)）。", "Marketplace limits come close to: none (\(all))."))
    } else {
      document.paragraph(locale.pick("接近的平台限制：", "Marketplace limits come close to:"))
      document.bullets(
        close.map { limit in
          let over = limit.count > limit.limit
          return "\(limit.what) \(limit.count)/\(limit.limit)"
            + (over ? locale.pick("（超过上限）", " (over the limit)") : "")
        })
    }
  }

  private func skuName(_ selection: [Int]) -> String {
    builder.display(SkuNaming.name(of: selection, spec: resolved))
  }

  private func periodName(_ period: Period) -> String {
    switch period {
    case .month: locale.pick("按月", "Monthly")
    case .year: locale.pick("按年", "Yearly")
    }
  }
}

extension ChecklistBuilder {
  /// Above this many combinations the generated-SKU table is not printed: the console refuses
  /// the spec anyway (the cap is 100), and the Markdown must stay within a pull-request
  /// comment.
  static let listedCombinations = 200
}
