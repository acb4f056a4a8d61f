extension String {
  /// Whether the text orders before `other` byte by byte, independently of locale and of
  /// Unicode canonical equivalence (spec §1: byte-wise sorted path order; every listing of
  /// products and keys uses the same order).
  func precedesBytewise(_ other: String) -> Bool {
    utf8.lexicographicallyPrecedes(other.utf8)
  }
}

/// `1 SKU`, `2 SKUs`: the English counts every printer uses.
func counted(_ number: Int, _ noun: String) -> String {
  "\(number) \(noun)\(number == 1 ? "" : "s")"
}
