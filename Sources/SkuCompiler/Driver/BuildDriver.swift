extension Driver {
  /// `skuc build` (spec §11, §12): validate everything, then replace DIR in one atomic step.
  public static func build(
    _ path: String, out: String, options: DiagnosticOptions, summary: Bool
  ) -> ExitStatus {
    let directory = OutputDirectory(path: out)
    do {
      try directory.preflight()
    } catch {
      Terminal.write("skuc: error: \(error)\n", to: .error)
      return .usageOrEnvironment
    }
    let loaded: LoadedCatalog
    do {
      loaded = try load(path, options: options)
    } catch {
      Terminal.write("skuc: error: \(error.message)\n", to: .error)
      return .usageOrEnvironment
    }
    report(loaded, format: options.format)
    guard let catalog = loaded.compilation.catalog else { return .catalogErrors }
    var entries: [ManifestEntry] = []
    do {
      try directory.replaceContents { writer in
        entries = try Emitter.write(catalog, to: &writer)
      }
    } catch {
      Terminal.write("skuc: error: \(error)\n", to: .error)
      return .usageOrEnvironment
    }
    if summary {
      Terminal.write(BuildSummary.text(catalog, written: entries.count, out: out), to: .output)
    }
    return .success
  }
}

/// The short report `make run` prints: per product its specs, SKUs and price range per period.
public enum BuildSummary {
  public static func text(_ catalog: CheckedCatalog, written: Int, out: String) -> String {
    var lines: [String] = []
    let products = catalog.products.sorted {
      $0.product.id.value.utf8.lexicographicallyPrecedes($1.product.id.value.utf8)
    }
    for priced in products {
      let product = priced.product
      let skuCount = priced.specs.reduce(0) { $0 + $1.skuCount }
      lines.append(
        "\(product.id.value) (\(product.type.rawValue), \(product.currency)): \(count(priced.specs.count, "spec")), \(count(skuCount, "SKU"))"
      )
      for spec in priced.specs {
        var ranges: [String] = []
        for (index, period) in spec.resolved.pricedPeriods.enumerated() {
          let froms = (0..<spec.skuCount).map { spec.from(sku: $0, period: index) }
          guard let low = froms.min(), let high = froms.max() else { continue }
          let span =
            low == high
            ? low.formatted(places: product.precision)
            : "\(low.formatted(places: product.precision))–\(high.formatted(places: product.precision))"
          ranges.append("\(period?.rawValue ?? spec.resolved.spec.billing.value.rawValue) \(span)")
        }
        lines.append(
          "  \(spec.resolved.spec.id.value): \(count(spec.skuCount, "SKU")), from \(ranges.joined(separator: "; "))"
        )
      }
    }
    lines.append("wrote \(count(written, "payload")) and \(Emitter.manifestName) to \(out)")
    return lines.joined(separator: "\n") + "\n"
  }

  static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }
}
