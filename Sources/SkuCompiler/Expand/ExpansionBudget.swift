/// The catalog-wide bound on expansion (spec §15, budgets): however the SKUs are spread over
/// specs and files, the whole catalog expands to at most `catalogBudget` SKUs before rules.
///
/// The per-spec guard (`TargetLimits.expansionGuard`) alone lets a 5 KB file of 40 specs, each
/// just under it, ask for 4 × 10^8 SKUs and run until memory runs out. The sum is taken from the
/// matrix sizes alone, before a single selection is made.
enum ExpansionBudget {
  static let catalogBudget = 10_000_000
  /// Notes name at most this many specs (the largest first); the rest are counted.
  static let notedSpecs = 20

  struct Share {
    var product: String
    var spec: ResolvedSpec
    var size: Int
  }

  /// Reports R320 and returns false when the catalog is over budget. Specs over the per-spec
  /// guard are left out of the sum: the expander reports each of them on its own.
  static func check(
    _ catalog: ValidatedCatalog, into diagnostics: inout DiagnosticCollector
  )
    -> Bool
  {
    var shares: [Share] = []
    var total = 0
    for validated in catalog.products {
      for spec in validated.specs {
        let radices = spec.enums.indices.map { spec.valueCount($0) }
        guard let size = Expander.matrixSize(radices) else { continue }
        shares.append(Share(product: validated.product.id.value, spec: spec, size: size))
        total += size
      }
    }
    guard total > catalogBudget else { return true }
    // Stable: equal sizes keep catalog order, so the output is the same on every run.
    let ranked = shares.enumerated().sorted { lhs, rhs in
      lhs.element.size != rhs.element.size
        ? lhs.element.size > rhs.element.size : lhs.offset < rhs.offset
    }.map(\.element)
    guard let largest = ranked.first else { return true }
    var notes = ranked.prefix(notedSpecs).map { share in
      DiagnosticNote(
        "\(name(share)) expands to \(share.size) SKUs before rules", at: share.spec.spec.range)
    }
    if ranked.count > notedSpecs {
      notes.append(DiagnosticNote("and \(ranked.count - notedSpecs) more specs"))
    }
    diagnostics.error(
      .catalogTooLarge,
      "the catalog would expand to \(total) SKUs before rules across \(shares.count) specs, more "
        + "than the \(catalogBudget) skuc expands for one catalog; \(name(largest)) is the largest",
      at: largest.spec.spec.range, notes: notes,
      hint: "split the catalog into several trees checked one by one, or use fewer values per spec")
    return false
  }

  private static func name(_ share: Share) -> String {
    "spec '\(share.spec.spec.id.value)' of product '\(share.product)'"
  }
}
