/// The short report `make run` prints: per product its specs, SKUs and price range per period,
/// as text for people or as JSON for `--format json`.
public enum BuildSummary {
  public static func text(_ catalog: CheckedCatalog, written: Int, out: String) -> String {
    var lines: [String] = []
    for product in products(catalog) {
      lines.append(
        "\(product.id) (\(product.type), \(product.currency)): \(counted(product.specs.count, "spec")), \(counted(product.skus, "SKU"))"
      )
      for spec in product.specs {
        let ranges = spec.ranges.map { range in
          range.low == range.high
            ? "\(range.period) \(range.low)" : "\(range.period) \(range.low)–\(range.high)"
        }
        lines.append(
          "  \(spec.id): \(counted(spec.skus, "SKU")), from \(ranges.joined(separator: "; "))")
      }
    }
    lines.append("wrote \(counted(written, "payload")) and \(Emitter.manifestName) to \(out)")
    return lines.joined(separator: "\n") + "\n"
  }

  /// `{"out", "payloads", "manifest", "products": [{"id", "type", "currency", "skus",
  /// "specs": [{"id", "skus", "from": [{"period", "low", "high"}]}]}]}`, amounts as strings.
  public static func json(_ catalog: CheckedCatalog, written: Int, out: String) -> JSONValue {
    let productValues = products(catalog).map { product -> JSONValue in
      let specValues = product.specs.map { spec -> JSONValue in
        let ranges = spec.ranges.map { range -> JSONValue in
          .object([
            ("period", .string(range.period)), ("low", .string(range.low)),
            ("high", .string(range.high)),
          ])
        }
        return .object([
          ("id", .string(spec.id)), ("skus", .integer(spec.skus)), ("from", .array(ranges)),
        ])
      }
      return .object([
        ("id", .string(product.id)), ("type", .string(product.type)),
        ("currency", .string(product.currency)), ("skus", .integer(product.skus)),
        ("specs", .array(specValues)),
      ])
    }
    return .object([
      ("out", .string(out)), ("payloads", .integer(written)),
      ("manifest", .string(Emitter.manifestName)), ("products", .array(productValues)),
    ])
  }

  /// `build --summary --format json`'s one document: `{"diagnostics": [...], "summary": ...}`.
  static func document(diagnostics: [Diagnostic], summary: JSONValue?) -> String {
    let array = JSONDiagnosticPrinter.render(diagnostics)
    let summaryText = summary.map { String(decoding: JSONWriter.serialize($0), as: UTF8.self) }
    return "{\n  \"diagnostics\": \(indented(array)),\n  \"summary\": "
      + "\(summaryText.map(indented) ?? "null")\n}\n"
  }

  /// A pretty-printed JSON value nested one level deeper; its strings hold no raw line breaks.
  private static func indented(_ text: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
    return lines.joined(separator: "\n  ")
  }

  private struct ProductSummary {
    var id, type, currency: String
    var skus: Int
    var specs: [SpecSummary]
  }

  private struct SpecSummary {
    var id: String
    var skus: Int
    var ranges: [(period: String, low: String, high: String)]
  }

  /// Products by id (byte-wise, as in the manifest), specs in declaration order, each period's
  /// lowest and highest `from`.
  private static func products(_ catalog: CheckedCatalog) -> [ProductSummary] {
    let sorted = catalog.products.sorted {
      $0.product.id.value.precedesBytewise($1.product.id.value)
    }
    return sorted.map { priced in
      let product = priced.product
      let specs = priced.specs.map { spec in
        var ranges: [(period: String, low: String, high: String)] = []
        for (index, period) in spec.resolved.pricedPeriods.enumerated() {
          let froms = (0..<spec.skuCount).map { spec.from(sku: $0, period: index) }
          guard let low = froms.min(), let high = froms.max() else { continue }
          ranges.append(
            (
              period?.rawValue ?? spec.resolved.spec.billing.value.rawValue,
              low.formatted(places: product.precision), high.formatted(places: product.precision)
            ))
        }
        return SpecSummary(id: spec.resolved.spec.id.value, skus: spec.skuCount, ranges: ranges)
      }
      return ProductSummary(
        id: product.id.value, type: product.type.rawValue, currency: product.currency,
        skus: specs.reduce(0) { $0 + $1.skus }, specs: specs)
    }
  }
}
