/// The seller console's own words (background/koogallery-facts.md §3, §4), so that what a
/// seller reads in skuc's output is what the console shows them.
public enum ConsoleLocale: String, CaseIterable, Sendable {
  case zhCN = "zh-CN"
  case enUS = "en-US"

  /// The Chinese or the English text, whichever this locale reads.
  func pick(_ chinese: String, _ english: String) -> String {
    self == .zhCN ? chinese : english
  }
}

public enum ConsoleTerms {
  /// The console's name for a billing mode, per product type. The facts sheet marks as
  /// inferred that the console's 按次 (per use) is the order API's ONE_TIME; where the sheet's
  /// billing-mode table says "one-time" for the type, both words are shown so that a seller
  /// finds whichever the console page uses. API and AI assets are sold per use (按次) only.
  public static func billing(
    _ billing: Billing, productType: ProductType, locale: ConsoleLocale = .zhCN
  ) -> String {
    switch billing {
    case .period:
      return locale.pick("包周期", "Yearly/Monthly")
    case .oneTime:
      switch productType {
      case .api, .aiAsset: return locale.pick("按次", "Per use")
      default: return locale.pick("按次 / 一次性", "Per use / One-time")
      }
    case .onDemand:
      return locale.pick("按需", "Pay-per-use")
    case .onDemandPackage:
      return locale.pick("按需套餐包", "On-demand package")
    }
  }

  /// The console's name for a quantity pricing model (S-CHANGE: 线性定价 / Step阶梯定价 /
  /// Tier阶梯计价): skuc's `graduated` is the console's Step, `volume` its Tier.
  public static func model(_ model: ScheduleModel, locale: ConsoleLocale = .zhCN) -> String {
    switch model {
    case .linear: locale.pick("线性定价", "Linear")
    case .graduated: locale.pick("Step阶梯定价", "Step")
    case .volume: locale.pick("Tier阶梯计价", "Tier")
    }
  }

  /// The platform's preset attributes (S-ATTR): a custom attribute may not take their code
  /// or name in either language.
  static let presetAttributes: [(code: String, chinese: String)] = [
    ("appName", "应用名称"), ("version", "版本"), ("os", "操作系统"), ("mode", "所属模式"),
  ]
}
