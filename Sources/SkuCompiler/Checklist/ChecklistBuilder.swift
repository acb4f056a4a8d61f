/// Writes the console steps for one product: attributes first (a spec can only pick existing
/// attributes), then one step per spec, then review — the order the seller console asks for
/// them (background/koogallery-facts.md §1, §2).
struct ChecklistBuilder {
  var product: PricedProduct
  var specs: [PricedSpec]
  var locale: ConsoleLocale
  var document = ChecklistDocument()

  init(product: PricedProduct, specs: [PricedSpec], locale: ConsoleLocale) {
    self.product = product
    self.specs = specs
    self.locale = locale
  }

  private var model: Product { product.product }

  static func document(
    _ product: PricedProduct, specs: [PricedSpec], locale: ConsoleLocale
  ) -> ChecklistDocument {
    var builder = ChecklistBuilder(product: product, specs: specs, locale: locale)
    builder.build()
    return builder.document
  }

  private mutating func build() {
    let title = display(model.name)
    document.heading(
      1,
      locale.pick(
        "\(title)（\(model.id.value)）卖家中心发布清单",
        "\(title) (\(model.id.value)) — seller console publishing checklist"))
    document.paragraph(
      locale.pick(
        "商品类型：\(productType)；币种：\(model.currency)；价格保留 \(model.precision) 位小数；来源：\(model.file)。按顺序完成以下步骤，每个值照抄即可。",
        "Product type: \(productType); currency: \(model.currency); prices with \(model.precision) decimals; source: \(model.file). Do the steps in order and type each value as shown."
      ))
    attributesStep()
    for (index, spec) in specs.enumerated() {
      SpecSteps(builder: self, spec: spec, step: index + 2).write(into: &document)
    }
    reviewStep(number: specs.count + 2)
  }

  private var productType: String {
    switch model.type {
    case .saas: "SaaS"
    case .license: "License"
    case .image: locale.pick("镜像", "Image")
    case .manualService: locale.pick("人工服务", "Manual service")
    case .hardware: locale.pick("硬件", "Hardware")
    case .api: "API"
    case .aiAsset: locale.pick("AI资产", "AI asset")
    case .dataAsset: locale.pick("数据资产", "Data asset")
    }
  }

  /// The attributes the chosen specs use, in the catalog's order.
  private var usedAttributes: [Attribute] {
    let used = Set(specs.flatMap { $0.resolved.spec.attributes.map(\.value) })
    return model.attributes.filter { used.contains($0.id.value) }
  }

  private mutating func attributesStep() {
    document.heading(2, locale.pick("第 1 步：创建商品属性", "Step 1: create the product attributes"))
    let presets = ConsoleTerms.presetAttributes.map { $0.code + aside($0.chinese) }
    document.paragraph(
      locale.pick(
        "卖家中心 → 商品管理 → 商品属性管理（SKU属性管理）→ 创建属性。编码和中英文名称都不能与平台预置属性相同：\(presets.joined(separator: "、"))。",
        "Seller Console → Product Management → Product Attributes → Create. Neither the code nor the Chinese or English name may equal a preset attribute: \(presets.joined(separator: ", "))."
      ))
    let attributes = usedAttributes
    guard !attributes.isEmpty else {
      document.paragraph(
        locale.pick("这些规格不使用属性，跳过本步。", "These specs use no attribute; skip this step."))
      return
    }
    let header = [
      locale.pick("属性编码", "Attribute code"), locale.pick("类型", "Type"),
      locale.pick("中文名称", "Chinese name"), locale.pick("英文名称", "English name"),
      locale.pick("单位", "Unit"), locale.pick("避开的预置名称", "Preset names avoided"),
    ]
    let rows = attributes.map { attribute -> [String] in
      let isEnum = attribute.enumValues != nil
      var unit = "—"
      if case .quantity(_, let text) = attribute.kind, !text.entries.isEmpty {
        unit = bilingual(text)
      }
      return [
        attribute.id.value,
        isEnum ? locale.pick("枚举", "Enumeration") : locale.pick("数量", "Quantity"),
        chinese(attribute.name), english(attribute.name), unit, avoidedPresets(attribute),
      ]
    }
    document.table(header, rows)
    if attributes.contains(where: { $0.quantityRange != nil }) {
      document.paragraph(
        locale.pick(
          "数量属性的单位：控制台若无单位字段，写入属性描述。取值范围在规格中填写（第 2 步起）。",
          "Unit of a quantity attribute: if the console has no unit field, put it in the description. Ranges are entered per spec (from step 2)."
        ))
    }
  }

  /// The preset names this attribute's code or names come near (contain) without equalling
  /// them: the reviewer sees that the clash was considered, e.g. 版本类型 next to 版本.
  private func avoidedPresets(_ attribute: Attribute) -> String {
    let texts = [attribute.id.value] + attribute.name.entries.map(\.text)
    let near = ConsoleTerms.presetAttributes.filter { preset in
      texts.contains { text in
        text.lowercased().contains(preset.code.lowercased()) || text.contains(preset.chinese)
      }
    }
    return near.isEmpty
      ? "—" : near.map { $0.code + aside($0.chinese) }.joined(separator: locale.pick("、", ", "))
  }

  private mutating func reviewStep(number: Int) {
    document.heading(
      2, locale.pick("第 \(number) 步：提交审核", "Step \(number): submit for review"))
    document.bullets([
      locale.pick(
        "提交后审核最长 3 个工作日；每次修改也要审核。",
        "Review takes at most 3 working days; every later change is reviewed too."),
      locale.pick(
        "审核通过后，在“我的商品 → 详情”中可以看到每个 SKU 的 skuCode 和每个周期的 productId。",
        "After approval, My Products → Details shows each SKU's skuCode and each period's productId."
      ),
    ])
  }

  // MARK: text in the console's languages

  /// A name in the checklist's locale, or the first the catalog gives.
  func display(_ text: LocalizedText) -> String {
    text.text(for: locale.rawValue) ?? text.entries.first?.text ?? ""
  }

  func chinese(_ text: LocalizedText) -> String { text.text(for: "zh-CN") ?? "—" }
  func english(_ text: LocalizedText) -> String { text.text(for: "en-US") ?? "—" }

  /// `（版本类型）` or ` (Edition)`: a name beside a code, in the locale's parentheses.
  func aside(_ text: String) -> String {
    locale.pick("（\(text)）", " (\(text))")
  }

  /// `用户 / user`: both console languages, or the one the catalog has.
  func bilingual(_ text: LocalizedText) -> String {
    let parts = [text.text(for: "zh-CN"), text.text(for: "en-US")].compactMap { $0 }
    return parts.isEmpty ? (text.entries.first?.text ?? "—") : parts.joined(separator: " / ")
  }
}
