import Testing

@testable import SkuCompiler

@Suite struct SuggestionsTests {
  private static let keys = [
    "id", "type", "name", "currency", "locales", "precision", "rounding", "limits", "price",
    "periods", "pricing", "attributes", "specs", "trial_days", "usage_unit",
  ]

  @Test(arguments: [
    ("prcie", "price"), ("periosd", "periods"), ("pricng", "pricing"), ("atributes", "attributes"),
    ("Name", "name"), ("precison", "precision"), ("trial_day", "trial_days"),
    ("usage-unit", "usage_unit"), ("spec", "specs"), ("currnecy", "currency"), ("tpye", "type"),
  ])
  func suggestsTheClosestKey(typo: String, expected: String) {
    #expect(Suggestions.closest(to: typo, among: Self.keys) == expected)
  }

  @Test(arguments: ["colour", "xyz", "", "unrelated_key", "prices_per_month_for_everyone", "ab"])
  func suggestsNothingForUnrelatedText(text: String) {
    #expect(Suggestions.closest(to: text, among: Self.keys) == nil)
  }

  @Test func tiesGoToTheFirstCandidate() {
    #expect(Suggestions.closest(to: "cat", among: ["bat", "cap", "car"]) == "bat")
    #expect(Suggestions.closest(to: "cat", among: ["car", "cap", "bat"]) == "car")
    // A later, strictly closer candidate still wins.
    #expect(Suggestions.closest(to: "basic", among: ["basis", "basic"]) == "basic")
  }

  @Test func thresholdGrowsWithLength() {
    // One edit is always allowed, two need six characters, three need nine.
    #expect(Suggestions.closest(to: "ab", among: ["xy"]) == nil)
    #expect(Suggestions.closest(to: "a", among: ["b"]) == "b")
    #expect(Suggestions.closest(to: "enterprize", among: ["enterprise"]) == "enterprise")
    #expect(Suggestions.closest(to: "entreprize", among: ["enterprise"]) == "enterprise")
    #expect(Suggestions.closest(to: "flagsihp", among: ["flagship"]) == "flagship")
    #expect(Suggestions.closest(to: "基础", among: ["基础版", "企业版"]) == "基础版")
  }

  @Test(arguments: [
    ("ca", "ac", 1), ("abc", "abc", 0), ("kitten", "sitting", 3), ("", "abc", 3),
    ("abcd", "acbd", 1),
  ])
  func computesOptimalStringAlignmentDistance(a: String, b: String, expected: Int) {
    let distance = Suggestions.distance(
      Array(a.unicodeScalars), Array(b.unicodeScalars), limit: 10)
    #expect(distance == expected)
    #expect(
      Suggestions.distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: expected - 1)
        == nil)
  }
}
