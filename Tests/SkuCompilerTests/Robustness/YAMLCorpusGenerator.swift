import Foundation

/// Writes random YAML documents inside skuc's subset (spec §1), for the front end's
/// differential test against PyYAML.
///
/// Everything is drawn from a seeded generator, so a failing document is reproduced by its
/// index. The documents use what catalogs use and more: block and flow mappings and lists,
/// plain, single- and double-quoted scalars (with escapes and line folding), literal and
/// folded block scalars with every chomping indicator, comments, empty values, text in several
/// scripts including characters outside the BMP, and nesting up to the limit of 64 levels.
/// Keys are unique within each mapping (canonically: keys are drawn from distinct spellings).
struct YAMLCorpusGenerator {
  var random: SeededGenerator

  init(seed: UInt64) {
    random = SeededGenerator(state: seed)
  }

  /// One document. `depth` caps the levels of nested collections (the root is level 1).
  mutating func document(maxDepth: Int = 6) -> String {
    var out = ""
    if chance(4) { out += "# generated document\n" }
    if chance(8) { out += "---\n" }
    if chance(10) {
      out += flowNode(depth: 1, maxDepth: maxDepth) + "\n"
    } else if chance(5) {
      blockSequence(into: &out, indent: 0, depth: 1, maxDepth: maxDepth)
    } else {
      blockMapping(into: &out, indent: 0, depth: 1, maxDepth: maxDepth)
    }
    if chance(6) { out += "# trailing comment\n" }
    return out
  }

  /// A document whose root is a block mapping, like every catalog file.
  mutating func mappingDocument(maxDepth: Int = 6) -> String {
    var out = ""
    blockMapping(into: &out, indent: 0, depth: 1, maxDepth: maxDepth)
    return out
  }

  /// A chain of `depth` nested collections, mixing block and flow, ending in a scalar.
  mutating func deepDocument(depth: Int) -> String {
    var out = ""
    var indent = 0
    var level = 1
    // Block levels first, then the rest as one flow collection on the last line.
    let blockLevels = Int.random(in: 1...depth, using: &random)
    while level < blockLevels {
      let pad = String(repeating: " ", count: indent)
      if chance(2) {
        out += "\(pad)k\(level):\n"
      } else {
        out += "\(pad)-\n"
      }
      indent += 2
      level += 1
    }
    let pad = String(repeating: " ", count: indent)
    let flowLevels = depth - blockLevels + 1
    var flow = plainScalar(flow: true)
    for index in 0..<flowLevels {
      flow = index % 2 == 0 ? "[\(flow)]" : "{k: \(flow)}"
    }
    out += "\(pad)\(flow)\n"
    return out
  }

  // MARK: - Block collections

  private mutating func blockMapping(
    into out: inout String, indent: Int, depth: Int, maxDepth: Int, firstLinePrefix: String? = nil
  ) {
    let pad = String(repeating: " ", count: indent)
    var keys = Set<String>()
    let count = Int.random(in: 1...5, using: &random)
    for index in 0..<count {
      var key = self.key()
      while keys.contains(key.text) { key = self.key() }
      keys.insert(key.text)
      if index > 0 && chance(6) { out += "\(pad)# \(words(1...4))\n" }
      if index > 0 && chance(10) { out += "\n" }
      out += (index == 0 ? firstLinePrefix ?? pad : pad) + key.written + ":"
      blockValue(into: &out, indent: indent, depth: depth, maxDepth: maxDepth, inSequence: false)
    }
  }

  private mutating func blockSequence(
    into out: inout String, indent: Int, depth: Int, maxDepth: Int
  ) {
    let pad = String(repeating: " ", count: indent)
    let count = Int.random(in: 1...5, using: &random)
    for index in 0..<count {
      if index > 0 && chance(8) { out += "\(pad)# \(words(1...3))\n" }
      out += pad + "-"
      blockValue(into: &out, indent: indent, depth: depth, maxDepth: maxDepth, inSequence: true)
    }
  }

  /// The value after `key:` or `-`, ending with a line break. `indent` is the indentation of
  /// the key or dash.
  private mutating func blockValue(
    into out: inout String, indent: Int, depth: Int, maxDepth: Int, inSequence: Bool
  ) {
    let canNest = depth < maxDepth
    let child = indent + 2
    switch Int.random(in: 0..<12, using: &random) {
    case 0 where canNest:
      out += "\n"
      blockMapping(into: &out, indent: child, depth: depth + 1, maxDepth: maxDepth)
    case 1 where canNest && inSequence:
      // The compact form: the mapping's first key on the dash's line.
      blockMapping(
        into: &out, indent: child, depth: depth + 1, maxDepth: maxDepth, firstLinePrefix: " ")
    case 2 where canNest:
      out += "\n"
      // A list under a key may sit at the key's own indentation.
      let listIndent = !inSequence && chance(2) ? indent : child
      blockSequence(into: &out, indent: listIndent, depth: depth + 1, maxDepth: maxDepth)
    case 3 where canNest:
      out += " " + flowNode(depth: depth + 1, maxDepth: maxDepth) + comment() + "\n"
    case 4:
      blockScalar(into: &out, indent: child)
    case 5:
      out += " " + multiLineQuoted(indent: child) + "\n"
    case 6 where !inSequence:
      out += " " + multiLinePlain(indent: child) + "\n"
    case 7 where !inSequence:
      out += comment() + "\n"
    default:
      out += " " + scalar(flow: false) + comment() + "\n"
    }
  }

  private mutating func blockScalar(into out: inout String, indent: Int) {
    let pad = String(repeating: " ", count: indent)
    let indicator = ["|", ">"].randomElement(using: &random) ?? "|"
    let chomping = ["", "-", "+"].randomElement(using: &random) ?? ""
    out += " " + indicator + chomping + comment() + "\n"
    let lines = Int.random(in: 1...5, using: &random)
    for index in 0..<lines {
      switch Int.random(in: 0..<8, using: &random) {
      case 0 where index > 0: out += "\n"
      case 1 where index > 0: out += pad + "  " + words(1...3) + "\n"
      case 2: out += pad + "# not a comment: " + words(1...2) + "\n"
      default: out += pad + text(1...6) + "\n"
      }
    }
    if chomping == "+" && chance(2) { out += "\n" }
  }

  // MARK: - Flow collections

  private mutating func flowNode(depth: Int, maxDepth: Int) -> String {
    let canNest = depth < maxDepth
    let count = Int.random(in: 0...4, using: &random)
    if chance(2) {
      var items: [String] = []
      for _ in 0..<count {
        items.append(
          canNest && chance(4) ? flowNode(depth: depth + 1, maxDepth: maxDepth) : scalar(flow: true)
        )
      }
      return "[" + items.joined(separator: ", ") + "]"
    }
    var keys = Set<String>()
    var entries: [String] = []
    for _ in 0..<count {
      var key = self.key()
      while keys.contains(key.text) { key = self.key() }
      keys.insert(key.text)
      let value =
        canNest && chance(4) ? flowNode(depth: depth + 1, maxDepth: maxDepth) : scalar(flow: true)
      entries.append(key.written + ": " + value)
    }
    return "{" + entries.joined(separator: ", ") + "}"
  }

  // MARK: - Scalars

  /// A key: its text (for uniqueness) and how it is written.
  private mutating func key() -> (text: String, written: String) {
    switch Int.random(in: 0..<10, using: &random) {
    case 0:
      let text = words(1...2)
      return (text, singleQuoted(text))
    case 1:
      let text = words(1...2)
      return (text, "\"" + text + "\"")
    case 2:
      let text =
        ["版本", "价格", "名称", "Édition", "ключ", "τιμή", "😀key"].randomElement(using: &random) ?? "k"
      return (text, text)
    default:
      let text = identifier()
      return (text, text)
    }
  }

  private mutating func scalar(flow: Bool) -> String {
    switch Int.random(in: 0..<6, using: &random) {
    case 0: return singleQuoted(text(0...6))
    case 1: return doubleQuoted()
    default: return plainScalar(flow: flow)
    }
  }

  /// Plain text that no YAML reader could take for anything else: it starts with a letter or
  /// digit and holds no indicator that matters in context.
  private mutating func plainScalar(flow: Bool) -> String {
    var out = chance(3) ? identifier() : words(1...4)
    if !flow && chance(4) { out += " (" + words(1...2) + ")" }
    if chance(5) {
      // Not `?` in flow context: PyYAML (YAML 1.1) ends a flow plain scalar there; see the
      // known divergences in FrontEndDifferentialTests.
      let suffixes = ["-1", ".5", "/x", "_y", "%", "@z", "!", "~"] + (flow ? [] : ["?"])
      out += suffixes.randomElement(using: &random) ?? ""
    }
    return out
  }

  private mutating func singleQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
  }

  private mutating func doubleQuoted() -> String {
    var out = "\""
    for _ in 0..<Int.random(in: 0...6, using: &random) {
      switch Int.random(in: 0..<10, using: &random) {
      case 0: out += #"\n"#
      case 1: out += #"\t"#
      case 2: out += #"\""#
      case 3: out += #"\\"#
      case 4: out += #"\x41"#
      case 5: out += #"\u00e9"#
      case 6: out += #"\U0001F600"#
      default: out += text(1...2)
      }
    }
    return out + "\""
  }

  /// A quoted scalar over several lines, which folds: a single line break becomes a space, an
  /// empty line a line break.
  private mutating func multiLineQuoted(indent: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    let double = chance(2)
    var lines: [String] = []
    for _ in 0..<Int.random(in: 2...4, using: &random) {
      lines.append(chance(5) ? "" : text(1...4))
    }
    let body = lines.enumerated().map { index, line in
      index == 0 || line.isEmpty ? line : pad + line
    }.joined(separator: "\n")
    return double
      ? "\"" + body + "\"" : "'" + body.replacingOccurrences(of: "'", with: "''") + "'"
  }

  /// A plain scalar continued on more-indented lines.
  private mutating func multiLinePlain(indent: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    var out = words(1...3)
    for _ in 0..<Int.random(in: 1...3, using: &random) {
      out += chance(5) ? "\n\n" + pad + words(1...3) : "\n" + pad + words(1...3)
    }
    return out
  }

  private mutating func comment() -> String {
    chance(5) ? "  # " + words(1...3) : ""
  }

  private mutating func identifier() -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    let rest = Array("abcdefghijklmnopqrstuvwxyz0123456789_-")
    var out = String(letters.randomElement(using: &random) ?? "a")
    for _ in 0..<Int.random(in: 0...10, using: &random) {
      out.append(rest.randomElement(using: &random) ?? "a")
    }
    return out
  }

  private static let vocabulary = [
    "basic", "Pro", "flagship", "99", "0.10", "NO", "yes", "null", "true", "1e3", "012",
    "企业版", "旗舰版", "按需", "café", "cafe\u{301}", "naïve", "Ωmega", "привет", "😀", "𝔘𝔫𝔦",
    "a.b", "x-y", "per_day", "v1.2.3", "50%", "a/b", "(note)", "€5", "¥99", "half-up",
  ]

  private mutating func words(_ count: ClosedRange<Int>) -> String {
    (0..<Int.random(in: count, using: &random)).map { _ in
      Self.vocabulary.randomElement(using: &random) ?? "x"
    }.joined(separator: " ")
  }

  /// Text for quoted and block scalars: words and punctuation that would mean something
  /// outside quotes (`: `, ` #`, brackets, quotes).
  private mutating func text(_ count: ClosedRange<Int>) -> String {
    let tokens = (0..<Int.random(in: count, using: &random)).map { _ in
      chance(4)
        ? ([": ", " #", "[", "]", "{", "}", ",", "'", "&", "*", "!", "|", ">", "-"].randomElement(
          using: &random) ?? "x")
        : (Self.vocabulary.randomElement(using: &random) ?? "x")
    }
    // A leading space would make the first line of a block scalar set a deeper indentation.
    return String(tokens.joined(separator: " ").drop { $0 == " " })
  }

  private mutating func chance(_ oneIn: Int) -> Bool {
    Int.random(in: 0..<oneIn, using: &random) == 0
  }
}
