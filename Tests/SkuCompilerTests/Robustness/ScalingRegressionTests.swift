import Foundation
import Testing

@testable import SkuCompiler

/// Regressions for the super-linear paths found while measuring limits (docs/robustness.md):
/// an attribute with a million values took hours to decode (duplicate names were searched
/// linearly per value), a price table listing every value took hours to resolve (a linear
/// search and a fresh array of ids per key), and a table of misspelt keys took hours to report
/// (a "did you mean" scan of every value per key, and a hint listing every value).
@Suite("Scaling regressions", .timeLimit(.minutes(2)), .tags(.slow))
struct ScalingRegressionTests {
  /// Distinct four-character value ids: `aaaa`, `aaab`, ... (`first` moves the first letter).
  static func ids(_ count: Int, first: Character = "a") -> [String] {
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    let digits = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    let offset = letters.firstIndex(of: first) ?? 0
    return (0..<count).map { index in
      var text = ""
      var value = index
      for _ in 0..<3 {
        text = String(digits[value % 36]) + text
        value /= 36
      }
      return String(letters[(offset + value) % 26]) + text
    }
  }

  /// One attribute of `count` values and a table with the given keys, one locale.
  static func catalog(values: [String], tableKeys: [String]) -> String {
    """
    skuc: 1
    product:
      id: p
      type: saas
      name: Product
      currency: CNY
      locales: [en-US]
      limits: {max_skus_per_spec: \(values.count), max_enum_values: \(values.count)}
    attributes:
      a:
        type: enum
        name: A
        values: {\(values.map { "\($0): \($0)" }.joined(separator: ", "))}
    specs:
      s:
        name: Spec
        billing: one-time
        attributes: [a]
        pricing:
          - add: {by: a, table: {\(tableKeys.map { "\($0): 1" }.joined(separator: ", "))}}
    """
  }

  func seconds(_ work: () -> Void) -> Double {
    let clock = ContinuousClock()
    let elapsed = clock.measure(work)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  @Test func aLargeAttributeAndATableOfEveryValueCompileInLinearTime() {
    let values = Self.ids(60_000)
    var result: Compilation?
    let elapsed = seconds { result = compile(Self.catalog(values: values, tableKeys: values)) }
    #expect(result?.errorCount == 0, "\(result?.diagnostics.prefix(3).map(\.message) ?? [])")
    #expect(result?.catalog?.products.first?.specs.first?.skus.count == 60_000)
    // Quadratic was 1.8 × 10^9 comparisons here; linear takes a few seconds in a debug build.
    #expect(elapsed < 60, "took \(elapsed) s")
  }

  @Test func duplicateNamesAreStillFoundAmongManyValues() {
    let values = Self.ids(20_000)
    let text = Self.catalog(values: values, tableKeys: values)
      .replacingOccurrences(
        of: "\(values[19_999]): \(values[19_999])", with: "\(values[19_999]): \(values[7])")
    let result = compile(text)
    #expect(codes(result) == ["M205"])
    #expect(
      result.diagnostics.first?.message.contains("'\(values[7])' and '\(values[19_999])'") == true,
      "\(result.diagnostics)")
  }

  @Test func misspeltKeysGetBoundedHints() throws {
    let values = Self.ids(5_000)
    let typos = Self.ids(5_000, first: "p")
    var result: Compilation?
    let elapsed = seconds { result = compile(Self.catalog(values: values, tableKeys: typos)) }
    let diagnostics = try #require(result?.diagnostics)
    #expect(diagnostics.count == 5_000)
    #expect(diagnostics.allSatisfy { $0.code == .invalidTableKey })
    let hints = diagnostics.compactMap(\.hint)
    #expect(
      hints.prefix(SpecResolver.suggestionLimit).allSatisfy { $0.hasPrefix("did you mean 'a") })
    #expect(
      hints.dropFirst(SpecResolver.suggestionLimit).allSatisfy {
        $0.hasPrefix("keys: aaaa, aaab") && $0.hasSuffix(#", "*", … (5000 values in all)"#)
      }, "\(hints.last ?? "")")
    #expect(elapsed < 60, "took \(elapsed) s")
  }

  @Test func smallAttributesKeepTheirFullHints() {
    let result = compile(
      Self.catalog(values: ["basic", "pro"], tableKeys: ["basic", "pro", "zzzzzz"]))
    #expect(result.diagnostics.map(\.hint) == [#"keys: basic, pro, "*""#])
  }
}
