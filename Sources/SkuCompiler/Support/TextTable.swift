/// Lays out rows of cells in aligned columns for a terminal.
///
/// Widths are terminal cells, not characters: Chinese and Japanese names take two cells a
/// character (`DisplayWidth`), so padding by `count` would push every column after a
/// Chinese name out of line.
struct TextTable {
  enum Alignment {
    case left
    case right
  }

  var alignments: [Alignment]
  var rows: [[String]] = []
  /// Text before every line.
  var indent = ""
  var gap = "  "

  init(_ alignments: [Alignment]) {
    self.alignments = alignments
  }

  mutating func append(_ row: [String]) {
    rows.append(row)
  }

  static func width(_ text: String) -> Int {
    DisplayWidth.of(text.unicodeScalars)
  }

  /// The lines, without trailing spaces, each ending in a line break.
  func render() -> String {
    var widths = Array(repeating: 0, count: alignments.count)
    for row in rows {
      for (column, cell) in row.enumerated() where column < widths.count {
        widths[column] = max(widths[column], Self.width(cell))
      }
    }
    var output = ""
    for row in rows {
      var line = indent
      for (column, cell) in row.enumerated() where column < widths.count {
        let padding = String(repeating: " ", count: widths[column] - Self.width(cell))
        if column > 0 { line += gap }
        line += alignments[column] == .left ? cell + padding : padding + cell
      }
      while line.last == " " { line.removeLast() }
      output += line + "\n"
    }
    return output
  }
}
