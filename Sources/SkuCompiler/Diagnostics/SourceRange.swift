/// A position in a catalog file.
///
/// `line` and `column` are 1-based. The column counts Unicode scalars from the start of the
/// line, the same unit libyaml's marks use, so a caret printed under a line of Chinese text
/// lands under the right character. `offset` is the byte offset into the file, kept so that
/// printers can slice the original line without re-decoding the whole file.
public struct SourceLocation: Hashable, Sendable, Comparable {
  public var line: Int
  public var column: Int
  public var offset: Int

  public init(line: Int, column: Int, offset: Int) {
    self.line = line
    self.column = column
    self.offset = offset
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}

/// The span of source text a node or diagnostic refers to.
///
/// `file` is the path as the user should see it: relative to the working directory when the
/// catalog was given relatively, or `REV:path` for a catalog read from git.
public struct SourceRange: Hashable, Sendable {
  public var file: String
  public var start: SourceLocation
  public var end: SourceLocation

  public init(file: String, start: SourceLocation, end: SourceLocation) {
    self.file = file
    self.start = start
    self.end = end
  }

  /// A range for a whole-file problem (empty file, unreadable file): it points at 1:1.
  public static func startOfFile(_ file: String) -> SourceRange {
    let origin = SourceLocation(line: 1, column: 1, offset: 0)
    return SourceRange(file: file, start: origin, end: origin)
  }
}
