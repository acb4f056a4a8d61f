/// How keys and tags are quoted inside diagnostic messages.
enum DisplayedKey {
  /// `'name'`, with line breaks and tabs made visible and long keys shortened, so that a
  /// message stays on one line whatever the key holds.
  static func quote(_ text: String) -> String {
    var shown = ""
    var count = 0
    for scalar in text.unicodeScalars {
      if count == 40 {
        shown += "…"
        break
      }
      switch scalar {
      case "\n": shown += "\\n"
      case "\r": shown += "\\r"
      case "\t": shown += "\\t"
      default: shown.unicodeScalars.append(scalar)
      }
      count += 1
    }
    return "'\(shown)'"
  }

  /// A tag as the author wrote it: libyaml resolves `!!float` to `tag:yaml.org,2002:float`.
  static func shortTag(_ tag: String) -> String {
    let core = "tag:yaml.org,2002:"
    return tag.hasPrefix(core) ? "!!" + tag.dropFirst(core.count) : tag
  }
}
