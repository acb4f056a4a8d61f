import Testing

@testable import SkuCompiler

@Suite struct NameSafetyTests {
  @Test(arguments: [
    ("Basic", "B\u{0430}sic"), ("基础版", "基础\u{200B}版"), ("PRO", "pro"),
    ("\u{0391}\u{0392}C", "abc"), ("Ｍａｘ", "Max"), ("x\u{00AD}y", "xy"), ("Tоp", "Top"),
  ])
  func namesThatLookAlikeHaveOneSkeleton(first: String, second: String) {
    #expect(NameSafety.skeleton(first) == NameSafety.skeleton(second))
  }

  @Test(arguments: [("Basic", "Basics"), ("基础版", "专业版"), ("Pro", "Pr0")])
  func differentNamesKeepDifferentSkeletons(first: String, second: String) {
    #expect(NameSafety.skeleton(first) != NameSafety.skeleton(second))
  }

  @Test func bidiControlsAndDefaultIgnorablesAreFound() {
    #expect(NameSafety.forbiddenCharacter(in: "a\u{202E}b") == "\u{202E}")
    #expect(NameSafety.forbiddenCharacter(in: "a\u{061C}b") == "\u{061C}")
    #expect(NameSafety.forbiddenCharacter(in: "a\u{FE0F}b") == "\u{FE0F}")
    #expect(NameSafety.forbiddenCharacter(in: "基础版 Pro") == nil)
    #expect(NameSafety.describe("\u{200B}") == "U+200B (ZERO WIDTH SPACE)")
  }

  @Test func reservedProductIDs() {
    #expect(Validator.reservedProductID("manifest") != nil)
    #expect(Validator.reservedProductID("MANIFEST") != nil)
    #expect(Validator.reservedProductID("com9") != nil)
    #expect(Validator.reservedProductID("com10") == nil)
    #expect(Validator.reservedProductID("console") == nil)
  }

  @Test func escapingControlCharacters() {
    #expect("plain 基础".escapingControlCharacters == "plain 基础")
    #expect(
      "a\u{1B}[31m\n\u{85}\u{7F}".escapingControlCharacters == #"a\u{1B}[31m\u{A}\u{85}\u{7F}"#)
  }
}
