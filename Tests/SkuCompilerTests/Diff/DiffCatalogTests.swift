import Testing

@testable import SkuCompiler

/// Diffs of compiled catalogs: keys are order-independent (spec §9), so reordering changes no
/// key, and a spec's own attribute order only changes SKU names.
@Suite struct DiffCatalogTests {
  private func side(_ yaml: String) throws -> DiffSide {
    let compilation = compile(yaml)
    let catalog = try #require(compilation.catalog, "\(compilation.diagnostics)")
    return try DiffSide(catalog)
  }

  private func product(
    attributes: (String, String) = ("color", "size"), colors: [String] = ["red", "blue"],
    specAttributes: String = "[color, size]"
  ) -> String {
    let colorBlock = """
        color:
          type: enum
          name: {zh-CN: 颜色, en-US: Color}
          values:
      \(colors.map { "      \($0): {zh-CN: \($0)色, en-US: \($0.prefix(1).uppercased() + $0.dropFirst())}" }.joined(separator: "\n"))
      """
    let sizeBlock = """
        size:
          type: enum
          name: {zh-CN: 尺寸, en-US: Size}
          values:
            s: {zh-CN: 小, en-US: S}
            l: {zh-CN: 大, en-US: L}
      """
    let blocks = ["color": colorBlock, "size": sizeBlock]
    return catalog(
      attributes: [attributes.0, attributes.1].compactMap { blocks[$0] }.joined(separator: "\n"),
      specs: """
          main:
            name: {zh-CN: 主规格, en-US: Main}
            billing: period
            periods: [month, year]
            attributes: \(specAttributes)
            pricing:
              - add:
                  by: [color, size]
                  table:
                    red: {s: 10, l: 20}
                    blue: {s: 11, l: 21}
        """)
  }

  @Test func reorderingAttributesAndValuesReportsNothing() throws {
    let original = try side(product())
    let reordered = try side(product(attributes: ("size", "color"), colors: ["blue", "red"]))
    #expect(
      original.products[0].specs[0].skus.map(\.key)
        != reordered.products[0].specs[0].skus.map(\.key))
    #expect(DiffEngine.compare(old: original, new: reordered).changes.isEmpty)
  }

  @Test func reorderingASpecsAttributeListOnlyRenamesSkus() throws {
    let original = try side(product())
    let reordered = try side(product(specAttributes: "[size, color]"))
    let result = DiffEngine.compare(old: original, new: reordered)
    #expect(result.changes.count == 4)
    for change in result.changes {
      guard case .skuChanged(.name, .localized(let old), .localized(let new)) = change.detail else {
        Issue.record("unexpected change \(change)")
        continue
      }
      #expect(
        old.text(for: "en-US").map {
          $0.split(separator: " / ").reversed().joined(separator: " / ")
        } == new.text(for: "en-US"))
    }
    #expect(result.summary.skusAdded == 0 && result.summary.skusRemoved == 0)
    #expect(
      result.changes.compactMap(\.key) == [
        "p/main/color=blue,size=l", "p/main/color=blue,size=s", "p/main/color=red,size=l",
        "p/main/color=red,size=s",
      ])
  }

  @Test func catalogAndItsPayloadsAreTheSameSide() throws {
    let compilation = compile(product())
    let catalog = try #require(compilation.catalog)
    let payloads = Emitter.emit(catalog)
    let fromBytes = try payloads.payloads.map { file in
      try PayloadDecoder.product(JSONReader.parse(file.bytes), file: file.name)
    }
    #expect(DiffSide(products: fromBytes) == (try DiffSide(catalog)))
  }
}
