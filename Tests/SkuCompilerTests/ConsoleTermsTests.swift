import Testing

@testable import SkuCompiler

/// The seller console's words, per product type (background/koogallery-facts.md §3, §4).
@Suite struct ConsoleTermsTests {
  @Test func oneTimeShowsBothWordsWhereTheSheetInfersThem() {
    for type in [ProductType.saas, .license, .manualService, .hardware, .dataAsset] {
      #expect(ConsoleTerms.billing(.oneTime, productType: type) == "按次 / 一次性")
    }
    #expect(ConsoleTerms.billing(.oneTime, productType: .api) == "按次")
    #expect(ConsoleTerms.billing(.oneTime, productType: .aiAsset, locale: .enUS) == "Per use")
    #expect(ConsoleTerms.billing(.period, productType: .image) == "包周期")
    #expect(ConsoleTerms.billing(.onDemand, productType: .api) == "按需")
    #expect(ConsoleTerms.billing(.onDemandPackage, productType: .saas) == "按需套餐包")
  }

  @Test func pricingModelsUseTheConsoleNames() {
    #expect(ConsoleTerms.model(.graduated) == "Step阶梯定价")
    #expect(ConsoleTerms.model(.volume) == "Tier阶梯计价")
    #expect(ConsoleTerms.model(.linear, locale: .enUS) == "Linear")
  }

  @Test func theReportNamesTheModeAsTheConsoleDoes() {
    #expect(
      ReportLabels.billing(.oneTime, productType: .manualService)
        == "Per use / One-time 按次 / 一次性")
    #expect(ReportLabels.billing(.period, productType: .saas) == "Yearly/Monthly 包周期")
    #expect(!ReportLabels.billing(.oneTime, productType: .api).contains("一次性"))
  }
}
