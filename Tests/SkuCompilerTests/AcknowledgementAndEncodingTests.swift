import Testing

@testable import SkuCompiler

/// `--allow` can acknowledge exactly the warning codes, and the GB18030 validator accepts only
/// well-formed byte sequences.
@Suite struct AcknowledgementAndEncodingTests {
  @Test func theWarningCodesAreTheOnesDocumentedAsWarnings() {
    let documented = DiagnosticDocumentationTests.documentation.split(separator: "\n")
      .filter { $0.hasPrefix("## ") && $0.hasSuffix("(warning)") }
      .compactMap { DiagnosticCode(rawValue: String($0.dropFirst(3).prefix(4))) }
    #expect(Set(documented) == DiagnosticCode.warnings)
  }

  @Test func acknowledgedWarningsAreCountedNotRecordedNorPromoted() {
    var collector = DiagnosticCollector(promotesWarnings: true, acknowledging: [.tierNeverApplies])
    collector.warning(.tierNeverApplies, "never", at: nil)
    collector.warning(.ruleHasNoEffect, "no effect", at: nil)
    #expect(collector.acknowledgedCount == 1)
    #expect(collector.diagnostics.map(\.code) == [.ruleHasNoEffect])
    #expect(collector.errorCount == 1)
    #expect(
      DiagnosticRenderer.summary(errors: 1, warnings: 0, acknowledged: 2)
        == "1 error generated; 2 warnings acknowledged")
  }

  @Test(arguments: [
    ([0xD4, 0xC6, 0xBF, 0xCD], true),  // 云客, two-byte GBK
    ([0xD4, 0xC6, 0x81, 0x30, 0x87, 0x37], true),  // 云 and a four-byte sequence
    ([0x74, 0xE9, 0x6C, 0xE9, 0x70, 0x68], false),  // Latin-1 "téléph": well-formed GBK pairs
    ([0x61, 0x62], false),  // ASCII only: nothing to convert
    ([0xD4], false),  // a lead byte cut short
    ([0x80, 0x40], false),  // 80 is no lead byte
    ([0xFF, 0x40], false),  // nor is FF
    ([0x81, 0x30, 0x20, 0x30], false),  // a broken four-byte sequence
    ([0xE9, 0x0A], false),  // Latin-1 é before a line break
  ])
  func gb18030Validation(bytes: [UInt8], valid: Bool) {
    #expect(bytes.withUnsafeBufferPointer { LegacyEncoding.isGB18030($0) } == valid)
  }

  @Test func conversionCommandQuotesPathsForTheShell() {
    #expect(
      LegacyEncoding.conversion(from: "GB18030", file: "Catalogs/crm.yaml")
        == "iconv -f GB18030 -t UTF-8 Catalogs/crm.yaml > Catalogs/crm.yaml.utf8 && mv Catalogs/crm.yaml.utf8 Catalogs/crm.yaml"
    )
    #expect(
      LegacyEncoding.conversion(from: "GB18030", file: "it's.yaml")
        == #"iconv -f GB18030 -t UTF-8 'it'\''s.yaml' > 'it'\''s.yaml.utf8' && mv 'it'\''s.yaml.utf8' 'it'\''s.yaml'"#
    )
  }
}
