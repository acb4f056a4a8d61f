/// One file of the output directory, with its bytes.
public struct EmittedFile: Sendable, Hashable {
  public var name: String
  public var bytes: [UInt8]
}

/// Everything `skuc build` writes (spec §11), in memory: one payload per product and the
/// manifest, in product-id order. For tests and small tools; `build` streams instead.
public struct PayloadSet: Sendable {
  public var payloads: [EmittedFile]
  public var manifest: EmittedFile

  public var files: [EmittedFile] { payloads + [manifest] }
}

/// A manifest line (spec §11): which file holds a product, its SKU count and its digest.
public struct ManifestEntry: Sendable, Hashable {
  public var id: String
  public var file: String
  public var skus: Int
  public var sha256: String
}

public enum Emitter {
  public static let manifestName = "manifest.json"
  public static let manifestFormat = "skuc-manifest/1"
  /// Payload bytes are handed to the file in pieces of about this size.
  static let chunkSize = 1 << 20

  /// The products in manifest order: by id, byte-wise.
  public static func ordered(_ catalog: CheckedCatalog) -> [PricedProduct] {
    catalog.products.sorted {
      $0.product.id.value.precedesBytewise($1.product.id.value)
    }
  }

  public static func emit(_ catalog: CheckedCatalog) -> PayloadSet {
    var payloads: [EmittedFile] = []
    var entries: [ManifestEntry] = []
    for product in ordered(catalog) {
      var bytes: [UInt8] = []
      let entry = encode(product) { bytes.append(contentsOf: $0) }
      payloads.append(EmittedFile(name: entry.file, bytes: bytes))
      entries.append(entry)
    }
    return PayloadSet(
      payloads: payloads, manifest: EmittedFile(name: manifestName, bytes: manifest(entries)))
  }

  /// Products with more (SKU, period) entries than this are streamed to their file as they
  /// are encoded; smaller ones are encoded in memory, several at once on all cores.
  static let streamingThreshold = 20_000
  static let batchSize = 64

  /// Writes every payload, then the manifest, into a staging directory. Files are written in
  /// manifest order whatever the encoding order, so the bytes never depend on the core count.
  public static func write(
    _ catalog: CheckedCatalog, to writer: inout StagingWriter
  ) throws
    -> [ManifestEntry]
  {
    let products = ordered(catalog)
    var entries: [ManifestEntry] = []
    var next = 0
    while next < products.count {
      if isLarge(products[next]) {
        var entry: ManifestEntry?
        try writer.write(fileName(products[next])) {
          (file: inout StagingFile) throws(OutputError) in
          entry = try encode(products[next]) { (bytes) throws(OutputError) in try file.append(bytes)
          }
        }
        if let entry { entries.append(entry) }
        next += 1
        continue
      }
      var end = next
      while end < products.count, end - next < batchSize, !isLarge(products[end]) { end += 1 }
      let encoded = Parallel.map(Array(products[next..<end])) { product in
        var bytes: [UInt8] = []
        let entry = encode(product) { bytes.append(contentsOf: $0) }
        return (entry, bytes)
      }
      for (entry, bytes) in encoded {
        try writer.write(entry.file, bytes)
        entries.append(entry)
      }
      next = end
    }
    try writer.write(manifestName, manifest(entries))
    return entries
  }

  static func isLarge(_ product: PricedProduct) -> Bool {
    product.specs.reduce(0) { $0 + $1.skuCount * $1.periodCount } > streamingThreshold
  }

  static func fileName(_ product: PricedProduct) -> String {
    "\(product.product.id.value).json"
  }

  /// Writes one product's payload through `output` in pieces, hashing it on the way.
  static func encode<Failure: Error>(
    _ product: PricedProduct, output: ([UInt8]) throws(Failure) -> Void
  ) throws(Failure) -> ManifestEntry {
    var writer = JSONStreamWriter(reservingCapacity: chunkSize + chunkSize / 4)
    var digest = SHA256Digest()
    func flush(_ writer: inout JSONStreamWriter) throws(Failure) {
      digest.update(writer.bytes)
      try output(writer.bytes)
      writer.clearBytes()
    }
    try PayloadBuilder.encode(product, into: &writer) { (writer) throws(Failure) in
      if writer.bytes.count >= chunkSize { try flush(&writer) }
    }
    writer.finish()
    try flush(&writer)
    return ManifestEntry(
      id: product.product.id.value, file: fileName(product),
      skus: product.specs.reduce(0) { $0 + $1.skuCount }, sha256: digest.finalize())
  }

  static func manifest(_ entries: [ManifestEntry]) -> [UInt8] {
    JSONWriter.serialize(
      .object([
        ("format", .string(manifestFormat)),
        (
          "products",
          .array(
            entries.map {
              .object([
                ("id", .string($0.id)),
                ("file", .string($0.file)),
                ("skus", .integer($0.skus)),
                ("sha256", .string($0.sha256)),
              ])
            })
        ),
      ]))
  }
}
