/// The SKU lines of a large spec, encoded on every core and written in order (issue 14).
///
/// A SKU's line depends on that SKU alone, so the spec is cut into fixed ranges of
/// `chunkSize` SKUs (fixed, not per core: the cut never depends on the machine), each range is
/// priced and encoded compactly on its own, and the lines are handed to the sink in SKU order,
/// a group of ranges at a time to bound memory. The bytes are those of the one-by-one path.
enum SkuLines {
  static let parallelThreshold = 8192
  static let chunkSize = 4096
  /// Ranges encoded at once: enough to keep every core busy, few enough to bound memory.
  static let groupSize = 8

  /// One range's compact SKU objects one after another, and where each ends.
  struct Chunk: Sendable {
    var bytes: [UInt8]
    var ends: [Int]
  }

  static func write<Sink: JSONSink, Failure: Error>(
    _ priced: PricedSpec, precision: Int, into sink: inout Sink,
    afterSku: (inout Sink) throws(Failure) -> Void
  ) throws(Failure) {
    let ranges = stride(from: 0, to: priced.skuCount, by: chunkSize).map {
      $0..<Swift.min($0 + chunkSize, priced.skuCount)
    }
    var next = 0
    while next < ranges.count {
      let group = Array(ranges[next..<Swift.min(next + groupSize, ranges.count)])
      let chunks = Parallel.map(group) { range in encode(priced, range: range, precision: precision)
      }
      for chunk in chunks {
        var start = 1
        for end in chunk.ends {
          sink.appendEncodedLine(chunk.bytes[start..<end])
          start = end + 1
          try afterSku(&sink)
        }
      }
      next += group.count
    }
  }

  /// Encodes SKUs `range` as the elements of a compact array; each SKU's bytes lie between the
  /// separator before it and its recorded end.
  static func encode(_ priced: PricedSpec, range: Range<Int>, precision: Int) -> Chunk {
    var writer = JSONStreamWriter(pretty: false, reservingCapacity: range.count * 512)
    var encodings = PriceEncodings()
    var cursor = priced.skus.cursor(from: range.lowerBound)
    var ends: [Int] = []
    ends.reserveCapacity(range.count)
    writer.beginArray()
    for _ in range {
      guard let sku = cursor.next() else { break }
      PayloadBuilder.encode(
        sku, spec: priced.resolved, precision: precision, into: &writer, reusing: &encodings)
      ends.append(writer.bytes.count)
    }
    // Chunk starts: the byte after "[" for the first SKU, after "," for the others.
    return Chunk(bytes: writer.bytes, ends: ends)
  }
}
