/// `--format text`: the format people read in a terminal.
///
/// ```
/// Catalogs/crm.yaml:3:1: error[Y018]: duplicate key 'name' in this mapping
///  3 | name: CRM
///    | ^~~~
/// Catalogs/crm.yaml:2:1: note: 'name' first appears here
///  2 | name: 客户管理
///    | ^~~~
/// hint: keys in a mapping must be unique; remove or rename one of them
/// ```
///
/// Carets are aligned by display width, not by counting characters: a CJK character takes
/// two terminal cells, so the caret under text after it moves two cells (see `DisplayWidth`).
/// Tabs in the source line are shown as one space, so that they take exactly the one column
/// they count as. Control characters show as their visible symbols. Lines longer than 160
/// characters are cut to a window around the caret, marked with `…`. Paths, messages, notes and
/// hints carry names and file names from the tree: their control characters are escaped
/// (`String.escapingControlCharacters`), so that no file name can drive the reader's terminal.
struct TextDiagnosticPrinter {
  let colour: Bool
  let sources: [String: [UInt8]]

  private static let maximumShown = 160

  func render(_ diagnostics: [Diagnostic]) -> String {
    var cache = SourceLineCache(sources)
    var out = ""
    for diagnostic in diagnostics {
      let gutter = gutterWidth(diagnostic)
      let label = "\(diagnostic.severity.rawValue)[\(diagnostic.code.rawValue)]:"
      let labelStyle = diagnostic.severity == .error ? Style.error : Style.warning
      if let range = diagnostic.range {
        out += paint(location(range) + " ", .bold) + paint(label, labelStyle)
        out += paint(" " + diagnostic.message.escapingControlCharacters, .bold) + "\n"
        out += snippet(range, gutter: gutter, cache: &cache)
      } else {
        out += paint("skuc: ", .bold) + paint(label, labelStyle)
        out += paint(" " + diagnostic.message.escapingControlCharacters, .bold) + "\n"
      }
      for note in diagnostic.notes {
        let message = note.message.escapingControlCharacters
        if let range = note.range {
          out += paint(location(range) + " ", .bold) + paint("note:", .note) + " \(message)\n"
          out += snippet(range, gutter: gutter, cache: &cache)
        } else {
          out += paint("note:", .note) + " \(message)\n"
        }
      }
      if let hint = diagnostic.hint {
        out += paint("hint:", .hint) + " \(hint.escapingControlCharacters)\n"
      }
    }
    return out
  }

  private func location(_ range: SourceRange) -> String {
    "\(range.file.escapingControlCharacters):\(range.start.line):\(range.start.column):"
  }

  /// Wide enough for the largest line number the diagnostic shows, so its bars line up.
  private func gutterWidth(_ diagnostic: Diagnostic) -> Int {
    let lines = ([diagnostic.range] + diagnostic.notes.map(\.range)).compactMap { $0?.start.line }
    return String(lines.max() ?? 0).count
  }

  /// The source line and the caret line under it, or nothing when the source is unknown.
  private func snippet(_ range: SourceRange, gutter: Int, cache: inout SourceLineCache) -> String {
    guard let scalars = cache.line(range.start.line, in: range.file) else { return "" }
    let display = scalars.map(Self.visible)
    let count = display.count
    let first = max(range.start.column - 1, 0)
    let last =
      range.end.line == range.start.line
      ? max(range.end.column - 1, first + 1) : max(count, first + 1)

    var lower = 0
    var upper = count
    if count > Self.maximumShown {
      lower = max(0, min(first - 40, count - Self.maximumShown))
      upper = min(count, lower + Self.maximumShown)
    }
    var text = lower > 0 ? "…" : ""
    text.unicodeScalars.append(contentsOf: display[lower..<upper])
    if upper < count { text += "…" }

    let clippedFirst = min(first, count)
    let lead =
      (lower > 0 ? 1 : 0) + DisplayWidth.of(display[lower..<clippedFirst]) + first - clippedFirst
    let caretEnd = min(last, upper)
    var width = caretEnd > clippedFirst ? DisplayWidth.of(display[clippedFirst..<caretEnd]) : 0
    if upper == count { width += max(0, last - max(first, count)) }
    width = max(width, 1)

    let number = String(range.start.line)
    let pad = String(repeating: " ", count: gutter - number.count)
    let bar = paint(" \(pad)\(number) |", .gutter)
    let emptyBar = paint(" " + String(repeating: " ", count: gutter) + " |", .gutter)
    let caret = "^" + String(repeating: "~", count: width - 1)
    return (text.isEmpty ? bar : bar + " " + text) + "\n"
      + emptyBar + " " + String(repeating: " ", count: lead) + paint(caret, .caret) + "\n"
  }

  /// Characters that would move the cursor or be invisible are drawn as symbols.
  private static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar.value {
    case 0x09: " "
    case 0x00..<0x20: Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}"
    case 0x7F: "\u{2421}"
    case 0x80..<0xA0, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: "\u{FFFD}"
    default: scalar
    }
  }

  private enum Style: String {
    case bold = "\u{1B}[1m"
    case error = "\u{1B}[1;31m"
    case warning = "\u{1B}[1;35m"
    case note = "\u{1B}[1;36m"
    case hint = "\u{1B}[1;32m"
    case gutter = "\u{1B}[1;34m"
    case caret = "\u{1B}[32m"
  }

  private func paint(_ text: String, _ style: Style) -> String {
    colour ? style.rawValue + text + "\u{1B}[0m" : text
  }
}
