import Testing

@testable import SkuCompiler

/// Compiles one in-memory catalog file named `t.yaml`.
func compile(_ yaml: String, warningsAsErrors: Bool = false) -> Compilation {
  compileFiles(["t.yaml": yaml], warningsAsErrors: warningsAsErrors)
}

func compileFiles(_ files: [String: String], warningsAsErrors: Bool = false) -> Compilation {
  let sources = files.keys.sorted().map {
    CatalogSourceFile(path: $0, bytes: Array(files[$0, default: ""].utf8))
  }
  return Pipeline.compile(
    CatalogTreeReading(files: sources, diagnostics: []),
    options: CompileOptions(warningsAsErrors: warningsAsErrors))
}

/// The codes of a compilation's diagnostics, in report order.
func codes(_ compilation: Compilation) -> [String] {
  compilation.diagnostics.map(\.code.rawValue)
}

/// A one-product catalog around the given attributes and specs blocks.
func catalog(
  attributes: String, specs: String, type: String = "saas", currency: String = "CNY",
  extraProduct: String = ""
) -> String {
  """
  skuc: 1
  product:
    id: p
    type: \(type)
    name: {zh-CN: 产品, en-US: Product}
    currency: \(currency)
  \(extraProduct)
  attributes:
  \(attributes)
  specs:
  \(specs)
  """
}

/// The priced SKU with `key` and its price entry for `period` (nil for non-periodic).
func priced(_ compilation: Compilation, key: String, period: Period? = nil) -> PricedPeriod? {
  for product in compilation.catalog?.products ?? [] {
    for spec in product.specs {
      if let sku = spec.skus.first(where: { $0.key == key }) {
        return sku.prices.first { $0.period == period }
      }
    }
  }
  return nil
}

func money(_ value: ExactDecimal?, _ places: Int = 2) -> String? {
  value?.formatted(places: places)
}
