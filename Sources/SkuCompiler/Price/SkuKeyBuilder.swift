/// Builds SKU keys (spec §9) as bytes into one reused buffer.
///
/// `SkuIdentity.key` sorts the attributes and joins strings for every SKU; a spec's attribute
/// order by id and each `attribute=value` part never change, so they are prepared once and a
/// key is a few byte copies. The bytes are exactly those of `SkuIdentity.key`.
struct SkuKeyBuilder: Sendable {
  /// Attribute positions sorted by id, byte-wise: the key's order.
  private let order: [Int]
  /// Every `attribute=value` part in UTF-8, one after another; the prefix comes first.
  private let storage: [UInt8]
  /// `partEnds[first[attribute] + value]` is where that part ends in `storage`; it starts
  /// where the previous part ends.
  private let partEnds: [Int]
  private let first: [Int]
  private let prefixCount: Int
  /// The key of the last selection given to `build`.
  private(set) var bytes: [UInt8] = []

  init(product: String, spec: ResolvedSpec) {
    var storage = Array("\(product)/\(spec.spec.id.value)/".utf8)
    prefixCount = storage.count
    var partEnds: [Int] = []
    var first: [Int] = []
    for attribute in spec.enums.indices {
      first.append(partEnds.count)
      for value in spec.values(attribute) {
        storage.append(contentsOf: "\(spec.enums[attribute].id.value)=\(value.id.value)".utf8)
        partEnds.append(storage.count)
      }
    }
    order = spec.enums.indices.sorted {
      spec.enums[$0].id.value.precedesBytewise(spec.enums[$1].id.value)
    }
    self.storage = storage
    self.partEnds = partEnds
    self.first = first
    bytes.reserveCapacity(storage.count)
  }

  mutating func build(_ selection: [Int]) {
    bytes.removeAll(keepingCapacity: true)
    storage.withUnsafeBufferPointer { storage in
      bytes.append(contentsOf: storage[0..<prefixCount])
      for (position, attribute) in order.enumerated() {
        if position > 0 { bytes.append(UInt8(ascii: ",")) }
        let part = first[attribute] + selection[attribute]
        let start = part == 0 ? prefixCount : partEnds[part - 1]
        bytes.append(contentsOf: storage[start..<partEnds[part]])
      }
    }
  }

  var key: String { String(decoding: bytes, as: UTF8.self) }

  var codeValue: UInt64 { SkuIdentity.codeValue(forKeyBytes: bytes) }
}
