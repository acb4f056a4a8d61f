/// Finds the first forbid or require rule that removes a selection (spec §7) without
/// interpreting every rule for every selection.
///
/// Forbid rules are compiled to bit masks: `masks[attribute][value]` has bit `r` set when
/// forbid rule `r` does not exclude that value (it has no term on the attribute, or lists the
/// value). A selection is matched by the rules whose bits survive the AND over its values, and
/// the lowest surviving bit is the first removing forbid. The odometer changes the last
/// attributes most often, so the AND over each prefix of the selection is kept and only the
/// changed suffix is recomputed: a SKU costs one AND of `rules / 64` words. Require rules
/// (a `when` and a negated selector) are few and are still interpreted, but only those that
/// come before the first matching forbid.
struct RuleMatcher {
  private let rules: [ResolvedRule]
  /// Forbid rules in rule order: `forbids[bit]` is the rule index of that bit.
  private let forbids: [Int]
  private let requires: [Int]
  private let words: Int
  /// `masks[first[attribute] + value]` is a mask of `words` words, flattened into `storage`.
  private let storage: [UInt64]
  private let first: [Int]
  /// `prefix[k]` (words `k * words ..< (k + 1) * words`) is the AND of the masks of the
  /// selection's first `k` values; `prefix[0]` is all ones.
  private var prefix: [UInt64]
  /// Prefixes above this count are stale.
  private var validPrefix = 0

  init(rules: [ResolvedRule], radices: [Int]) {
    self.rules = rules
    var forbids: [Int] = []
    var requires: [Int] = []
    for (index, rule) in rules.enumerated() {
      switch rule.action {
      // A term on `period` never matches a selection without one: such a forbid never removes.
      case .forbid(let selector) where !selector.namesPeriod: forbids.append(index)
      case .require: requires.append(index)
      case .forbid, .limit: continue
      }
    }
    self.forbids = forbids
    self.requires = requires
    let words = (forbids.count + 63) / 64
    self.words = words
    var first: [Int] = []
    var masks = 0
    for radix in radices {
      first.append(masks)
      masks += radix
    }
    self.first = first
    var storage = [UInt64](repeating: ~0, count: masks * words)
    for (bit, ruleIndex) in forbids.enumerated() {
      guard case .forbid(let selector) = rules[ruleIndex].action else { continue }
      for term in selector.terms {
        guard case .attribute(let attribute) = term.dimension else { continue }
        for value in 0..<radices[attribute] where !term.allowed[value] {
          storage[(first[attribute] + value) * words + bit / 64] &= ~(UInt64(1) << (bit % 64))
        }
      }
    }
    var prefix = [UInt64](repeating: ~0, count: (radices.count + 1) * words)
    // Bits past the last rule must never survive, not even with no attribute to AND.
    if forbids.count % 64 != 0 {
      let tail = (UInt64(1) << (forbids.count % 64)) - 1
      for mask in 0..<masks { storage[mask * words + words - 1] &= tail }
      prefix[words - 1] = tail
    }
    self.storage = storage
    self.prefix = prefix
  }

  /// The selection's attributes from `changed` on differ from the previous call's.
  mutating func firstRemovingRule(_ selection: [Int], changedFrom changed: Int) -> Int? {
    let forbid = firstForbid(selection, changedFrom: changed)
    for ruleIndex in requires {
      if let forbid, ruleIndex > forbid { break }
      let rule = rules[ruleIndex]
      guard case .require(let selector) = rule.action else { continue }
      let applies = rule.when?.matches(selection, period: nil) ?? true
      if applies && !selector.matches(selection, period: nil) { return ruleIndex }
    }
    return forbid
  }

  private mutating func firstForbid(_ selection: [Int], changedFrom changed: Int) -> Int? {
    guard words > 0 else { return nil }
    let words = words
    validPrefix = min(validPrefix, changed)
    let count = selection.count
    return storage.withUnsafeBufferPointer { storage in
      prefix.withUnsafeMutableBufferPointer { prefix in
        var level = validPrefix
        while level < count {
          let mask = (first[level] + selection[level]) * words
          let from = level * words
          let to = from + words
          for word in 0..<words { prefix[to + word] = prefix[from + word] & storage[mask + word] }
          level += 1
        }
        validPrefix = count
        let last = count * words
        for word in 0..<words where prefix[last + word] != 0 {
          return forbids[word * 64 + prefix[last + word].trailingZeroBitCount]
        }
        return nil
      }
    }
  }
}
