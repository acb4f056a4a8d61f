/// The page's fixed wording. The page is read by product managers, finance and sales in China
/// and elsewhere, so marketplace terms carry their Chinese name next to the English one.
enum ReportLabels {
  /// The seller console's names for the mode, English then Chinese, as the product type's
  /// console page shows them (`ConsoleTerms`).
  static func billing(_ billing: Billing, productType: ProductType) -> String {
    ConsoleTerms.billing(billing, productType: productType, locale: .enUS) + " "
      + ConsoleTerms.billing(billing, productType: productType, locale: .zhCN)
  }

  static func period(_ period: Period) -> String {
    switch period {
    case .month: "Month 月"
    case .year: "Year 年"
    }
  }

  /// The locale switch's button text: the language's own name where it is a common one.
  static func locale(_ tag: String) -> String {
    switch tag {
    case "zh-CN", "zh-Hans", "zh": "中文"
    case "zh-TW", "zh-HK", "zh-Hant": "中文（繁體）"
    case "en-US", "en-GB", "en": "English"
    case "ja-JP", "ja": "日本語"
    default: tag
    }
  }

  static func model(_ model: ScheduleModel) -> String {
    switch model {
    case .linear: "linear: every unit at one price"
    case .graduated: "graduated 阶梯: each unit at the price of the tier it falls in"
    case .volume: "volume: every unit at the price of the tier the whole quantity falls in"
    }
  }

  /// `edition = basic, support ∈ {premium, dedicated}`: ids, as the catalog file has them.
  static func selector(_ selector: Selector) -> String {
    selector.terms.map { term in
      let values = term.values.map(\.value)
      return values.count == 1
        ? "\(term.attribute.value) = \(values[0])"
        : "\(term.attribute.value) ∈ {\(values.joined(separator: ", "))}"
    }.joined(separator: ", ")
  }

  /// What a rule says, in one line: `forbid edition = basic, support = premium`.
  static func rule(_ rule: Rule) -> String {
    let condition = rule.when.map { "when \(selector($0)): " } ?? ""
    switch rule.action {
    case .forbid(let forbidden): return condition + "forbid " + selector(forbidden)
    case .require(let required): return condition + "require " + selector(required)
    case .limit(let terms):
      let limits = terms.map { term in
        let bounds = [term.min.map { "min \($0.value)" }, term.max.map { "max \($0.value)" }]
        return "\(term.attribute.value) \(bounds.compactMap { $0 }.joined(separator: ", "))"
      }
      return condition + "limit " + limits.joined(separator: "; ")
    }
  }
}
