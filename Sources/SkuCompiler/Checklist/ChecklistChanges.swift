/// The console steps that change a published product into the catalog's version
/// (`skuc checklist --against OLD`): what is new is added first, then changed, and what is
/// gone is delisted last, never deleted (background/koogallery-facts.md §1: released specs can
/// only be taken off the shelf, and new specs go in before old ones come out).
struct ChecklistChanges {
  var product: PricedProduct
  var changes: [DiffChange]
  var locale: ConsoleLocale
  var document = ChecklistDocument()

  static func document(
    _ product: PricedProduct, changes: [DiffChange], locale: ConsoleLocale
  ) -> ChecklistDocument {
    var builder = ChecklistChanges(product: product, changes: changes, locale: locale)
    builder.build()
    return builder.document
  }

  private var words: ChecklistBuilder {
    ChecklistBuilder(product: product, specs: [], locale: locale)
  }

  private mutating func build() {
    let model = product.product
    document.heading(
      1,
      locale.pick(
        "\(words.display(model.name))（\(model.id.value)）卖家中心变更清单",
        "\(words.display(model.name)) (\(model.id.value)) — seller console change checklist"))
    guard !changes.isEmpty else {
      document.paragraph(
        locale.pick(
          "与已发布的版本相比没有变化，控制台无需操作。",
          "Nothing differs from the published version; there is nothing to do in the console."))
      return
    }
    document.paragraph(
      locale.pick(
        "按顺序操作：先添加，再修改，最后下架。已发布的规格和 SKU 只能下架，不能删除；所有规格都下架的商品不能再添加或修改规格。每次修改都要重新审核。",
        "Work in order: add first, then change, then delist. Published specs and SKUs can only be delisted, never deleted; a product whose specs are all delisted can get no new or changed spec. Every change is reviewed again."
      ))
    var step = 0
    let added = changes.filter { $0.kind == .specAdded || $0.kind == .skuAdded }
    if !added.isEmpty {
      step += 1
      additions(added, step: step)
    }
    let changed = changes.filter {
      $0.kind == .specChanged || $0.kind == .skuRepriced || $0.kind == .skuChanged
    }
    if !changed.isEmpty {
      step += 1
      modifications(changed, step: step)
    }
    let removed = changes.filter { $0.kind == .specRemoved || $0.kind == .skuRemoved }
    if !removed.isEmpty {
      step += 1
      delistings(removed, step: step)
    }
    let handled = Set(added + changed + removed)
    let other = changes.filter { !handled.contains($0) }
    if !other.isEmpty {
      step += 1
      document.heading(
        2, locale.pick("第 \(step) 步：其他变化", "Step \(step): other changes"))
      document.bullets(other.map(DiffWording.sentence))
    }
  }

  private mutating func additions(_ added: [DiffChange], step: Int) {
    document.heading(
      2, locale.pick("第 \(step) 步：先添加", "Step \(step): add first"))
    var items: [String] = []
    for change in added {
      let spec = change.spec ?? ""
      if change.kind == .specAdded {
        items.append(
          locale.pick(
            "添加规格 \(spec)：按 `skuc checklist --spec \(spec)` 的步骤创建",
            "Add spec \(spec): create it as `skuc checklist --spec \(spec)` lists"))
      } else if let key = change.key {
        items.append(
          locale.pick("在规格 \(spec) 中添加 SKU ", "In spec \(spec), add SKU ")
            + skuLabel(change) + locale.pick("，价格：", ", prices: ")
            + prices(spec: spec, key: key))
      }
    }
    document.bullets(items)
  }

  private mutating func modifications(_ changed: [DiffChange], step: Int) {
    document.heading(2, locale.pick("第 \(step) 步：修改", "Step \(step): change"))
    var items: [String] = []
    for change in changed {
      let spec = change.spec ?? ""
      if case .specChanged(let field, _, _) = change.detail, field == .trialDays {
        items.append(
          locale.pick(
            "⚠ 规格 \(spec) 的试用设置不能修改：控制台在发布后不允许取消试用或修改试用天数（\(DiffWording.sentence(change))）。请新建规格，再下架旧规格。",
            "⚠ Spec \(spec)'s trial cannot change: the console allows neither cancelling a trial nor changing its days after publishing (\(DiffWording.sentence(change))). Add a new spec, then delist the old one."
          ))
      } else if case .specChanged(let field, _, _) = change.detail, field == .billing {
        items.append(
          locale.pick(
            "⚠ 规格 \(spec) 的计费模式变化（\(DiffWording.sentence(change))）：已发布规格不能增加计费模式。请新建规格，再下架旧规格。",
            "⚠ Spec \(spec)'s billing mode changes (\(DiffWording.sentence(change))): a published spec cannot take a new billing mode. Add a new spec, then delist the old one."
          ))
      } else if let repricing = change.repricing {
        // `from` follows from the price and the tiers; the console has no field for it.
        guard repricing.field == .price else { continue }
        let period = repricing.period.map { periodName($0) + " " } ?? ""
        items.append(
          locale.pick("规格 \(spec)，SKU ", "Spec \(spec), SKU ") + skuLabel(change)
            + locale.pick("：", ": ")
            + period + locale.pick("价格改为 ", "price becomes ")
            + repricing.new.formatted(places: repricing.places)
            + locale.pick("（原 ", " (was ")
            + repricing.old.formatted(places: repricing.places) + locale.pick("）", ")"))
      } else {
        items.append(DiffWording.sentence(change))
      }
    }
    document.bullets(items)
  }

  private mutating func delistings(_ removed: [DiffChange], step: Int) {
    document.heading(
      2, locale.pick("第 \(step) 步：最后下架（不要删除）", "Step \(step): delist last (never delete)"))
    document.bullets(
      removed.map { change in
        let spec = change.spec ?? ""
        if change.kind == .specRemoved {
          return locale.pick("下架规格 \(spec)", "Delist spec \(spec)")
        }
        return locale.pick("在规格 \(spec) 中下架 SKU ", "In spec \(spec), delist SKU ")
          + skuLabel(change)
      })
  }

  private func skuLabel(_ change: DiffChange) -> String {
    let name = change.skuName.map { words.display($0) } ?? ""
    return name + words.aside(change.key ?? "")
  }

  /// The new SKU's prices per period, read from the catalog being published.
  private func prices(spec id: String, key: String) -> String {
    guard let spec = product.specs.first(where: { $0.resolved.spec.id.value == id }),
      let sku = spec.skus.first(where: { $0.key == key })
    else { return "—" }
    let places = product.product.precision
    return sku.prices.map { priced in
      (priced.period.map { periodName($0) + " " } ?? "") + priced.price.formatted(places: places)
    }.joined(separator: locale.pick("；", "; "))
  }

  private func periodName(_ period: Period) -> String {
    switch period {
    case .month: locale.pick("按月", "Monthly")
    case .year: locale.pick("按年", "Yearly")
    }
  }
}
