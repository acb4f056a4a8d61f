import Foundation
import SkuCompiler
import Testing

/// The one-SKU-a-line payload layout (issue 14) changed whitespace only. `payloads-indented`
/// keeps the goldens as they were before the change; the current goldens must hold the very
/// same JSON values, member order included.
struct PayloadLayoutTests {
  static let payloads = [
    "data-migration-service.json", "design-suite-license.json", "ocr-api.json",
    "secure-gateway-image.json", "yunke-crm.json",
  ]

  static func parse(_ name: String) throws -> (bytes: Int, value: JSONValue) {
    let data = try Data(contentsOf: Paths.goldens.appendingPathComponent(name))
    return (data.count, try JSONReader.parse(Array(data)))
  }

  @Test(arguments: payloads) func payloadValuesAreUnchangedByTheLayout(_ file: String) throws {
    let before = try Self.parse("payloads-indented/\(file)")
    let after = try Self.parse("payloads/\(file)")
    #expect(after.value == before.value)
    #expect(after.bytes < before.bytes)
  }

  /// The manifest's digests are of the new bytes; everything else is unchanged.
  @Test func manifestChangesOnlyInItsDigests() throws {
    func withoutDigests(_ value: JSONValue) -> JSONValue {
      switch value {
      case .object(let members):
        .object(members.filter { $0.0 != "sha256" }.map { ($0.0, withoutDigests($0.1)) })
      case .array(let elements): .array(elements.map(withoutDigests))
      default: value
      }
    }
    let before = try Self.parse("payloads-indented/manifest.json").value
    let after = try Self.parse("payloads/manifest.json").value
    #expect(withoutDigests(after) == withoutDigests(before))
    #expect(after != before)
  }

  /// Each SKU is one line: every line that opens a SKU also closes it, and parses alone.
  @Test(arguments: payloads) func everySkuIsOneLine(_ file: String) throws {
    let text = try String(
      contentsOf: Paths.goldens.appendingPathComponent("payloads/\(file)"), encoding: .utf8)
    let lines = text.split(separator: "\n").filter { $0.contains("{\"key\":") }
    #expect(!lines.isEmpty)
    for line in lines {
      var object = line.drop { $0 == " " }
      if object.hasSuffix(",") { object = object.dropLast() }
      let value = try JSONReader.parse(Array(object.utf8))
      guard case .object(let members) = value else {
        Issue.record("not an object: \(line)")
        continue
      }
      #expect(members.map { $0.0 } == ["key", "code", "selection", "name", "quantities", "prices"])
    }
  }
}
