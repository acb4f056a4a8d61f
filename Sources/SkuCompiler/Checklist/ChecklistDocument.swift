/// `skuc checklist`'s output formats.
public enum ChecklistFormat: String, CaseIterable, Sendable {
  /// Aligned plain text for a terminal.
  case text
  /// GitHub-flavoured Markdown: printable, and small enough for a pull-request comment.
  case markdown
}

/// The checklist as blocks, so text and Markdown say the same thing in the same order.
struct ChecklistDocument {
  enum Block {
    case heading(Int, String)
    case paragraph(String)
    case bullets([String])
    /// A header row, then rows; `numeric[i]` right-aligns column `i` in text.
    case table(header: [String], rows: [[String]], numeric: Set<Int>)
  }

  var blocks: [Block] = []

  mutating func heading(_ level: Int, _ text: String) { blocks.append(.heading(level, text)) }
  mutating func paragraph(_ text: String) { blocks.append(.paragraph(text)) }
  mutating func bullets(_ items: [String]) {
    if !items.isEmpty { blocks.append(.bullets(items)) }
  }
  mutating func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = []) {
    blocks.append(.table(header: header, rows: rows, numeric: numeric))
  }

  /// Names come from pull requests: every control character but the document's own line
  /// breaks is written as a visible escape, so no name can drive the reader's terminal.
  func render(_ format: ChecklistFormat) -> String {
    blocks.map { format == .markdown ? markdown($0) : text($0) }.joined(separator: "\n")
      .split(separator: "\n", omittingEmptySubsequences: false)
      .map { String($0).escapingControlCharacters }.joined(separator: "\n")
  }

  private func text(_ block: Block) -> String {
    switch block {
    case .heading(let level, let title):
      guard level <= 2 else { return title + "\n" }
      let rule = String(
        repeating: level == 1 ? "=" : "-", count: max(3, TextTable.width(title)))
      return title + "\n" + rule + "\n"
    case .paragraph(let text):
      return text + "\n"
    case .bullets(let items):
      return items.map { "  - " + $0.replacingLineBreaks(with: "\n    ") + "\n" }.joined()
    case .table(let header, let rows, let numeric):
      var table = TextTable(header.indices.map { numeric.contains($0) ? .right : .left })
      table.indent = "  "
      table.append(header)
      table.append(header.map { String(repeating: "-", count: max(1, TextTable.width($0))) })
      for row in rows { table.append(row) }
      return table.render()
    }
  }

  private func markdown(_ block: Block) -> String {
    switch block {
    case .heading(let level, let title):
      return String(repeating: "#", count: level) + " " + Self.escape(title) + "\n"
    case .paragraph(let text):
      return Self.escape(text) + "\n"
    case .bullets(let items):
      return items.map { "- " + Self.escape($0).replacingLineBreaks(with: "<br>") + "\n" }
        .joined()
    case .table(let header, let rows, let numeric):
      let cells = { (row: [String]) in
        "| "
          + row.map { Self.escape($0).replacingLineBreaks(with: "<br>") }
          .joined(separator: " | ") + " |\n"
      }
      let rule = header.indices.map { numeric.contains($0) ? "---:" : "---" }
      return cells(header) + "|" + rule.joined(separator: "|") + "|\n" + rows.map(cells).joined()
    }
  }

  /// Catalog text is shown as text: Markdown's active characters are escaped, so a name
  /// cannot turn into a link, an image or a broken table in a pull-request comment.
  static func escape(_ text: String) -> String {
    var escaped = ""
    for character in text {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~":
        escaped += "\\" + String(character)
      default:
        escaped.append(character)
      }
    }
    return escaped
  }
}

extension String {
  fileprivate func replacingLineBreaks(with separator: String) -> String {
    split(separator: "\n", omittingEmptySubsequences: false).joined(separator: separator)
  }
}
