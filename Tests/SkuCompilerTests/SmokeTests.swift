import Testing

@testable import SkuCompiler

@Test func diagnosticCodesAreUnique() {
  let codes = DiagnosticCode.allCases.map(\.rawValue)
  #expect(Set(codes).count == codes.count)
}
