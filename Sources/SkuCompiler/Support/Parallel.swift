import Dispatch

/// Runs independent work (files, products, specs) on every core. Results and diagnostics
/// come back in input order, so output never depends on which thread finished first.
enum Parallel {
  static func map<Element: Sendable, Result: Sendable>(
    _ elements: [Element], _ transform: @Sendable (Element) -> Result
  ) -> [Result] {
    guard elements.count > 1 else { return elements.map(transform) }
    let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: elements.count)
    slots.initialize(repeating: nil)
    defer {
      _ = slots.deinitialize()
      slots.deallocate()
    }
    // Each iteration writes its own slot and no other, so the unsynchronised buffer is safe.
    nonisolated(unsafe) let shared = slots
    DispatchQueue.concurrentPerform(iterations: elements.count) { index in
      shared[index] = transform(elements[index])
    }
    return slots.compactMap { $0 }
  }

  /// `map` for stage work that reports diagnostics: each element gets its own collector, and
  /// the collectors are merged into `diagnostics` in input order.
  static func map<Element: Sendable, Result: Sendable>(
    _ elements: [Element], into diagnostics: inout DiagnosticCollector,
    _ transform: @Sendable (Element, inout DiagnosticCollector) -> Result
  ) -> [Result] {
    let outcomes = map(elements) { element in
      var local = DiagnosticCollector()
      let result = transform(element, &local)
      return (result, local.diagnostics)
    }
    for outcome in outcomes { diagnostics.emit(contentsOf: outcome.1) }
    return outcomes.map(\.0)
  }
}
