import Foundation
import Testing

@testable import SkuCompiler

/// `docs/diagnostics.md` has one `## CODE kebab-name` section per `DiagnosticCode`, in step
/// with the code: a new code without documentation, or documentation of a removed code, fails.
@Suite struct DiagnosticDocumentationTests {
  static let documentation: String = {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("docs/diagnostics.md")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }()

  static func kebab(_ name: String) -> String {
    // An upper-case letter starts a word only after a lower-case letter or digit, so that
    // acronyms stay whole: invalidUTF8 → invalid-utf8, duplicateProductID → duplicate-product-id.
    var result = ""
    var previous: Character?
    for character in name {
      if character.isUppercase, let previous, previous.isLowercase || previous.isNumber {
        result += "-"
      }
      result += character.lowercased()
      previous = character
    }
    return result
  }

  static var documentedHeadings: [String] {
    documentation.split(separator: "\n").filter { $0.hasPrefix("## ") }.map {
      String($0.dropFirst(3).split(separator: " ").prefix(2).joined(separator: " "))
    }
  }

  @Test func everyCodeIsDocumentedUnderItsName() {
    #expect(!Self.documentation.isEmpty, "docs/diagnostics.md is missing")
    let expected = DiagnosticCode.allCases.map {
      "\($0.rawValue) \(Self.kebab(String(describing: $0)))"
    }
    let documented = Self.documentedHeadings
    let missing = expected.filter { !documented.contains($0) }
    let unknown = documented.filter { !expected.contains($0) }
    #expect(
      missing.isEmpty, "docs/diagnostics.md lacks sections: \(missing.joined(separator: "; "))")
    #expect(
      unknown.isEmpty,
      "docs/diagnostics.md documents no-longer codes: \(unknown.joined(separator: "; "))")
  }
}
