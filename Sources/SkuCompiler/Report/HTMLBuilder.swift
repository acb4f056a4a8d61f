/// Escaping for the report page. Every catalog string (names, ids, `because` texts, file paths)
/// is written by YAML authors and must never become markup, so all of them go through
/// `escape`; only the page's own constant markup, CSS and JS are written raw.
enum HTML {
  /// Text escaped for both HTML contexts the page uses: element content and double-quoted
  /// attribute values. Quotes are escaped in text too, so one function is safe everywhere, and
  /// `</script>` or `</style>` can never close an element early because `<` never survives.
  /// Control characters other than tab and line feed become `\u{1B}` escapes.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      // Control characters are not allowed in HTML; shown as `\u{1B}` like in every other
      // output. Tab and line feed are plain white space here.
      case "\t", "\n": out.unicodeScalars.append(scalar)
      case _ where scalar.isControlCharacter:
        out += String(scalar).escapingControlCharacters
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

/// Builds the page as a string. Tag and attribute names are always constants of this module;
/// attribute values and text are escaped on the way in.
struct HTMLBuilder {
  private(set) var html = ""

  /// An attribute; a `nil` value leaves it out, so optional attributes read naturally.
  typealias Attribute = (name: String, value: String?)

  /// The page's own markup, CSS or JS. Never called with catalog text.
  mutating func raw(_ markup: String) {
    html += markup
  }

  mutating func text(_ text: String) {
    html += HTML.escape(text)
  }

  mutating func element(
    _ name: String, _ attributes: [Attribute] = [], _ body: (inout HTMLBuilder) -> Void
  ) {
    open(name, attributes)
    body(&self)
    html += "</\(name)>"
  }

  mutating func element(_ name: String, _ attributes: [Attribute] = [], text: String) {
    open(name, attributes)
    html += HTML.escape(text)
    html += "</\(name)>"
  }

  /// An element without content or end tag (`input`, `meta`).
  mutating func void(_ name: String, _ attributes: [Attribute] = []) {
    open(name, attributes)
  }

  mutating func newline() {
    html += "\n"
  }

  private mutating func open(_ name: String, _ attributes: [Attribute]) {
    html += "<" + name
    for attribute in attributes {
      guard let value = attribute.value else { continue }
      html += " \(attribute.name)=\"\(HTML.escape(value))\""
    }
    html += ">"
  }
}
