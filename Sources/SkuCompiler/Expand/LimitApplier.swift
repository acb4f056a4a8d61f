/// Applies `limit` rules (spec §7): each SKU's quantity ranges are intersected with the
/// attribute's range and every matching limit, in rule order, and must end non-empty and on
/// the step grid.
struct LimitApplier {
  let spec: ResolvedSpec

  /// Reporting every SKU of a badly limited spec would drown the one fix needed.
  static let maximumReportedSelections = 10

  func apply(to expanded: inout ExpandedSpec, into diagnostics: inout DiagnosticCollector) {
    let limitRules = spec.rules.indices.filter {
      if case .limit = spec.rules[$0].action { return true }
      return false
    }
    guard !limitRules.isEmpty else { return }
    let declared = spec.quantities.map(\.range)
    var matched = Array(repeating: false, count: spec.rules.count)
    var reported = 0
    var ranges: [QuantityRange] = []
    ranges.reserveCapacity(expanded.skus.count * declared.count)
    for sku in expanded.skus.indices {
      let selection = expanded.selection(ofSku: sku)
      var current = declared
      var lastRule = Array(repeating: -1, count: declared.count)
      for ruleIndex in limitRules {
        let rule = spec.rules[ruleIndex]
        guard case .limit(let limits) = rule.action,
          rule.when?.matches(selection, period: nil) ?? true
        else { continue }
        matched[ruleIndex] = true
        for limit in limits {
          if let min = limit.min {
            current[limit.quantity].min = Swift.max(current[limit.quantity].min, min)
          }
          if let max = limit.max {
            current[limit.quantity].max = Swift.min(current[limit.quantity].max, max)
          }
          lastRule[limit.quantity] = ruleIndex
        }
      }
      for quantity in declared.indices where lastRule[quantity] >= 0 {
        if let problem = problem(current[quantity], declared: declared[quantity]) {
          reported += 1
          if reported <= Self.maximumReportedSelections {
            let name = spec.quantities[quantity].attribute.id.value
            diagnostics.error(
              .invalidLimitRange,
              "for \(describe(selection)), the limited range of '\(name)' \(problem)",
              at: spec.rules[lastRule[quantity]].source.range,
              hint:
                "limits must leave at least one quantity, with min and max on the grid \(declared[quantity].min), \(declared[quantity].min + declared[quantity].step), ..."
            )
          }
        }
      }
      ranges.append(contentsOf: current)
    }
    if reported > Self.maximumReportedSelections {
      diagnostics.error(
        .invalidLimitRange,
        "\(reported - Self.maximumReportedSelections) more selections of spec '\(spec.spec.id.value)' have invalid limited ranges",
        at: spec.spec.range)
    }
    for ruleIndex in limitRules where !matched[ruleIndex] {
      diagnostics.warning(
        .limitMatchesNothing, "this limit rule matches no SKU that the rules leave",
        at: spec.rules[ruleIndex].source.range, hint: "remove it, or check its 'when'")
    }
    expanded.limitedRanges = ranges
  }

  private func problem(_ range: QuantityRange, declared: QuantityRange) -> String? {
    if range.min > range.max { return "is empty (min \(range.min) > max \(range.max))" }
    if !range.isOnGrid(range.min, anchor: declared.min) {
      return
        "starts at \(range.min), which is not on the step grid (step \(declared.step) from \(declared.min))"
    }
    if !range.isOnGrid(range.max, anchor: declared.min) {
      return
        "ends at \(range.max), which is not on the step grid (step \(declared.step) from \(declared.min))"
    }
    return nil
  }

  func describe(_ selection: [Int]) -> String {
    SelectionText.describe(selection, spec: spec)
  }
}

/// How diagnostics name a selection: `edition=basic, support=premium`, or "the single SKU".
enum SelectionText {
  static func describe(_ selection: [Int], spec: ResolvedSpec) -> String {
    guard !selection.isEmpty else { return "the single SKU of spec '\(spec.spec.id.value)'" }
    return selection.enumerated().map { attribute, value in
      "\(spec.enums[attribute].id.value)=\(spec.values(attribute)[value].id.value)"
    }.joined(separator: ", ")
  }
}
