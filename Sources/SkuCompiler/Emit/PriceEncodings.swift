/// The compact bytes of (SKU, period) price objects already written for a spec.
///
/// SKUs that price alike have equal `PricedPeriod`s (a million-SKU spec often has a few
/// thousand distinct ones), and equal values encode to equal bytes, so each distinct value is
/// formatted once and its bytes are copied for every other SKU. The table is bounded: past
/// `maximumEntries` distinct values, the rest are encoded each time.
struct PriceEncodings {
  static let maximumEntries = 1 << 16
  private var table: [PricedPeriod: [UInt8]] = [:]

  /// The bytes `PayloadBuilder` writes for `priced` inside a SKU line, or nil when the
  /// table is full and `priced` is not in it.
  mutating func bytes(of priced: PricedPeriod, spec: ResolvedSpec, precision: Int) -> [UInt8]? {
    if let bytes = table[priced] { return bytes }
    guard table.count < Self.maximumEntries else { return nil }
    var writer = JSONStreamWriter(pretty: false, reservingCapacity: 256)
    PayloadBuilder.encode(priced, spec: spec, precision: precision, into: &writer)
    writer.finish()
    table[priced] = writer.bytes
    return writer.bytes
  }
}
