/// One file of the output directory, with its bytes.
public struct EmittedFile: Sendable, Hashable {
  public var name: String
  public var bytes: [UInt8]
}

/// Everything `skuc build` writes (spec §11): one payload per product and the manifest, in
/// product-id order.
public struct PayloadSet: Sendable {
  public var payloads: [EmittedFile]
  public var manifest: EmittedFile
  /// SKU counts per product, in the same order as `payloads`.
  public var skuCounts: [Int]

  public var files: [EmittedFile] { payloads + [manifest] }
}

public enum Emitter {
  public static let manifestName = "manifest.json"
  public static let manifestFormat = "skuc-manifest/1"

  public static func emit(_ catalog: CheckedCatalog) -> PayloadSet {
    let products = catalog.products.sorted {
      $0.product.id.value.utf8.lexicographicallyPrecedes($1.product.id.value.utf8)
    }
    var payloads: [EmittedFile] = []
    var entries: [JSONValue] = []
    var counts: [Int] = []
    for product in products {
      let name = "\(product.product.id.value).json"
      let bytes = JSONWriter.serialize(PayloadBuilder.payload(product))
      let skus = product.specs.reduce(0) { $0 + $1.skus.count }
      payloads.append(EmittedFile(name: name, bytes: bytes))
      counts.append(skus)
      entries.append(
        .object([
          ("id", .string(product.product.id.value)),
          ("file", .string(name)),
          ("skus", .integer(skus)),
          ("sha256", .string(SHA256Digest.hex(of: bytes))),
        ]))
    }
    let manifest = JSONValue.object([
      ("format", .string(manifestFormat)),
      ("products", .array(entries)),
    ])
    return PayloadSet(
      payloads: payloads,
      manifest: EmittedFile(name: manifestName, bytes: JSONWriter.serialize(manifest)),
      skuCounts: counts)
  }
}
