/// A golden mismatch as `diff -u` would print it (three lines of context), so that a failing
/// test shows which lines changed instead of two walls of text. Both test targets use it.
public enum UnifiedDiff {
  public static func text(
    expected: String, actual: String, label: String, context: Int = 3
  ) -> String {
    let old = lines(expected)
    let new = lines(actual)
    let difference = new.difference(from: old)
    var removed = Set<Int>()
    var inserted = Set<Int>()
    for change in difference {
      switch change {
      case .remove(let offset, _, _): removed.insert(offset)
      case .insert(let offset, _, _): inserted.insert(offset)
      }
    }
    // The edit script in order: (kind, old index, new index).
    var script: [(kind: Character, old: Int, new: Int)] = []
    var (i, j) = (0, 0)
    while i < old.count || j < new.count {
      if i < old.count && removed.contains(i) {
        script.append(("-", i, j))
        i += 1
      } else if j < new.count && inserted.contains(j) {
        script.append(("+", i, j))
        j += 1
      } else {
        script.append((" ", i, j))
        i += 1
        j += 1
      }
    }
    let changed = script.indices.filter { script[$0].kind != " " }
    guard let first = changed.first, let last = changed.last else { return "" }
    var output = ["--- \(label) (golden)", "+++ \(label) (actual)"]
    var start = max(first - context, 0)
    while start <= last {
      // One hunk: from `start`, until `context * 2` unchanged lines separate two changes.
      var end = start
      var lastChange = start
      while end < script.count && end - lastChange <= context * 2 {
        if script[end].kind != " " { lastChange = end }
        end += 1
      }
      end = min(lastChange + context + 1, script.count)
      let hunk = script[start..<end]
      let oldCount = hunk.filter { $0.kind != "+" }.count
      let newCount = hunk.filter { $0.kind != "-" }.count
      output.append(
        "@@ -\(hunk.first.map { $0.old + 1 } ?? 0),\(oldCount) +\(hunk.first.map { $0.new + 1 } ?? 0),\(newCount) @@"
      )
      for step in hunk {
        output.append(String(step.kind) + (step.kind == "+" ? new[step.new] : old[step.old]))
      }
      guard let next = changed.first(where: { $0 >= end }) else { break }
      start = max(next - context, end)
    }
    return output.joined(separator: "\n")
  }

  /// The lines of `text`; a final line break ends the last line rather than starting another.
  private static func lines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if text.hasSuffix("\n") { lines.removeLast() }
    return lines
  }
}
