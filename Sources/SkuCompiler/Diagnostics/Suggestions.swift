/// "Did you mean" candidates for misspelt keys, ids and currency codes.
public enum Suggestions {
  /// The candidate closest to `text` by Damerau-Levenshtein distance (optimal string
  /// alignment: insertions, deletions, substitutions and swaps of adjacent characters), or nil
  /// when none is close enough.
  ///
  /// Close enough means at most `max(1, length / 3)` edits, the length being that of `text` in
  /// Unicode scalars: one typo in a short key, a few in a long one, and never a suggestion that
  /// shares little with what was written. Ties go to the candidate listed first, so the
  /// suggestion does not depend on hashing or on the order of parallel work.
  public static func closest(to text: String, among candidates: some Sequence<String>) -> String? {
    let source = Array(text.unicodeScalars)
    let threshold = max(1, source.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let target = Array(candidate.unicodeScalars)
      let limit = min(threshold, (best?.distance ?? threshold + 1) - 1)
      guard abs(source.count - target.count) <= limit else { continue }
      if let distance = distance(source, target, limit: limit) {
        best = (candidate, distance)
      }
    }
    return best?.candidate
  }

  /// The optimal-string-alignment distance, or nil when it exceeds `limit`.
  ///
  /// Stops as soon as a whole row exceeds the limit, so a long unrelated key costs little.
  static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
    if limit < 0 { return nil }
    if a.isEmpty || b.isEmpty {
      let distance = max(a.count, b.count)
      return distance <= limit ? distance : nil
    }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          value = min(value, previousPrevious[j - 2] + 1)
        }
        current[j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return nil }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    let distance = previous[b.count]
    return distance <= limit ? distance : nil
  }
}
