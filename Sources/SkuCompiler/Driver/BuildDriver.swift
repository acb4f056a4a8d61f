extension Driver {
  /// `skuc build` (spec §11, §12): validate everything, then replace DIR in one atomic step.
  /// A failure to print the summary after the swap is still exit 2, and says that DIR was
  /// written (spec §15), so that nobody retries a build believing nothing happened.
  public static func build(
    _ paths: [String], out: String, options: DiagnosticOptions, summary: Bool,
    output: any OutputSink
  ) throws(UsageError) -> ExitStatus {
    let directory = OutputDirectory(path: out)
    do {
      try directory.preflight()
    } catch {
      throw UsageError(error.description)
    }
    let loaded = try load(paths, options: options)
    report(loaded, format: options.format, to: output)
    guard let catalog = loaded.compilation.catalog else { return .catalogErrors }
    var entries: [ManifestEntry] = []
    do {
      try directory.replaceContents { writer in
        entries = try Emitter.write(catalog, to: &writer)
      }
    } catch {
      throw UsageError(String(describing: error))
    }
    if summary {
      output.write(
        BuildSummary.text(catalog, written: entries.count, out: out), to: .standardOutput)
      if let failure = output.outputFailure {
        throw UsageError("\(failure); \(out) was written")
      }
    }
    return .success
  }
}

/// The short report `make run` prints: per product its specs, SKUs and price range per period.
public enum BuildSummary {
  public static func text(_ catalog: CheckedCatalog, written: Int, out: String) -> String {
    var lines: [String] = []
    let products = catalog.products.sorted {
      $0.product.id.value.precedesBytewise($1.product.id.value)
    }
    for priced in products {
      let product = priced.product
      let skuCount = priced.specs.reduce(0) { $0 + $1.skuCount }
      lines.append(
        "\(product.id.value) (\(product.type.rawValue), \(product.currency)): \(counted(priced.specs.count, "spec")), \(counted(skuCount, "SKU"))"
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
          "  \(spec.resolved.spec.id.value): \(counted(spec.skuCount, "SKU")), from \(ranges.joined(separator: "; "))"
        )
      }
    }
    lines.append("wrote \(counted(written, "payload")) and \(Emitter.manifestName) to \(out)")
    return lines.joined(separator: "\n") + "\n"
  }
}
