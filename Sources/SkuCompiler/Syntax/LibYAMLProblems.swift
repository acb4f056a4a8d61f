/// Turns libyaml's errors into diagnostics a catalog author can act on.
///
/// libyaml's problem texts are kept where they are already plain ("did not find expected ','
/// or ']'"), reworded where they mislead, and its "while parsing ..." context becomes a note
/// pointing at where the enclosing construct starts. Some errors are really one of skuc's own
/// subset rules in disguise and get that rule's code: a tab at a line start, an overlong key,
/// a malformed tag, anchor or directive.
struct LibYAMLProblems {
  let file: String
  let bytes: UnsafeBufferPointer<UInt8>
  let bodyStart: Int

  func diagnostic(for problem: LibYAMLProblem, locator: inout MarkLocator) -> Diagnostic {
    switch problem.kind {
    case .memory:
      return .error(.syntaxError, "libyaml ran out of memory", at: .startOfFile(file))
    case .reader:
      var cursor = LineColumnCursor(bytes, bodyStart: bodyStart)
      let start = cursor.location(at: problem.problemOffset)
      return .error(
        .syntaxError, "libyaml could not read the file: \(problem.problem)",
        at: SourceRange(file: file, start: start, end: start))
    case .scanner, .parser:
      return structural(problem, locator: &locator)
    }
  }

  private func structural(_ problem: LibYAMLProblem, locator: inout MarkLocator) -> Diagnostic {
    let start = locator.location(problem.problemMark)
    let point = SourceRange(file: file, start: start, end: start)
    let context = problem.context ?? ""
    var contextRange: SourceRange?
    if let mark = problem.contextMark {
      let location = locator.location(mark)
      contextRange = SourceRange(file: file, start: location, end: location)
    }

    if problem.problem.hasPrefix("found a tab character") || startsWithTab(problem, start) {
      return .error(
        .tabIndentation, "tabs are not allowed for indentation", at: oneCharacter(at: start),
        hint: "indent with spaces")
    }
    if let contextRange, let mark = problem.contextMark,
      problem.problem == "could not find expected ':'",
      mark.line == problem.problemMark.line, problem.problemMark.index - mark.index > 1024
    {
      return keyTooLong(SourceRange(file: file, start: contextRange.start, end: start))
    }
    if problem.problem == "mapping values are not allowed in this context",
      problem.problemMark.column > 1024
    {
      // libyaml dropped the key as too long without a word; the ':' after it is what it
      // reports. Such a key starts the line's content, after any '- ' or '? ' indicators.
      return keyTooLong(SourceRange(file: file, start: contentStart(ofLineAt: start), end: start))
    }
    if context.hasSuffix("directive") || problem.problem == "found incompatible YAML document"
      || problem.problem.hasPrefix("found duplicate %")
    {
      return .error(
        .directive, "directives (%YAML, %TAG) are not supported", at: point,
        hint: "delete the directive line")
    }
    if problem.problem == "found undefined tag handle" || context.hasSuffix(" tag") {
      return .error(.tag, "tags are not supported", at: point, hint: Self.tagHint)
    }
    if context.hasSuffix("an anchor") || context.hasSuffix("an alias") {
      return .error(
        .anchorOrAlias, "anchors and aliases are not supported", at: point,
        hint: "quote a value that starts with '&' or '*'")
    }

    let (message, hint) = plainWords(problem.problem, at: start)
    var notes: [DiagnosticNote] = []
    if let contextRange, contextRange.start != start, let noun = Self.noun(context) {
      notes.append(DiagnosticNote(noun, at: contextRange))
    }
    return .error(.syntaxError, message, at: point, notes: notes, hint: hint)
  }

  static let tagHint = "write the value without '!' or '!!'; skuc reads every value as text"

  private func keyTooLong(_ range: SourceRange) -> Diagnostic {
    .error(
      .keyTooLong, "this key is longer than 1024 characters", at: range,
      hint: "mapping keys may be at most 1024 characters long")
  }

  private func contentStart(ofLineAt location: SourceLocation) -> SourceLocation {
    var lineStart = min(location.offset, bytes.count)
    while lineStart > bodyStart && bytes[lineStart - 1] != 0x0A && bytes[lineStart - 1] != 0x0D {
      lineStart -= 1
    }
    var index = lineStart
    while index < location.offset {
      if bytes[index] == 0x20 {
        index += 1
      } else if (bytes[index] == 0x2D || bytes[index] == 0x3F) && index + 1 < location.offset
        && bytes[index + 1] == 0x20
      {
        index += 2
      } else {
        break
      }
    }
    // Only spaces and ASCII indicators were skipped, so bytes and columns advance together.
    return SourceLocation(line: location.line, column: 1 + index - lineStart, offset: index)
  }

  /// libyaml reports a tab that starts a block-context line as a character that "cannot
  /// start any token"; which character it was is only visible in the bytes.
  private func startsWithTab(_ problem: LibYAMLProblem, _ start: SourceLocation) -> Bool {
    problem.problem == "found character that cannot start any token"
      && start.offset < bytes.count && bytes[start.offset] == 0x09
  }

  private func oneCharacter(at start: SourceLocation) -> SourceRange {
    let end = SourceLocation(line: start.line, column: start.column + 1, offset: start.offset + 1)
    return SourceRange(file: file, start: start, end: end)
  }

  private func plainWords(_ problem: String, at start: SourceLocation) -> (String, String?) {
    switch problem {
    case "did not find expected ',' or ']'":
      (problem, "close the list with ']' or separate its items with ','")
    case "did not find expected ',' or '}'":
      (problem, "close the mapping with '}' or separate its entries with ','")
    case "did not find expected key":
      ("expected a key here", "check the indentation of this line")
    case "did not find expected '-' indicator":
      ("expected a list item ('- ') here", "check the indentation of this line")
    case "did not find expected node content":
      ("expected a value here", nil)
    case "mapping values are not allowed in this context":
      (
        "a ':' here would start a mapping, which is not allowed at this place",
        "quote the value if it contains ': ', or check the indentation"
      )
    case "block sequence entries are not allowed in this context":
      ("a list item ('- ') cannot start here", "check the indentation of this line")
    case "mapping keys are not allowed in this context":
      ("an explicit key ('? ') cannot start here", "check the indentation of this line")
    case "could not find expected ':'":
      ("expected ':' after this key", "a key and its ':' must be on the same line")
    case "found unexpected end of stream":
      ("the file ends inside a quoted string", "close the string with its quote")
    case "found unexpected document indicator":
      ("a document marker ('---' or '...') interrupts this quoted string", "close the string first")
    case "found unknown escape character":
      ("unknown escape sequence in a double-quoted string", "write a backslash as '\\\\'")
    case "found character that cannot start any token":
      ("\(characterName(at: start)) cannot start a value", "quote the value")
    default:
      (problem, nil)
    }
  }

  private func characterName(at start: SourceLocation) -> String {
    guard start.offset < bytes.count else { return "this character" }
    let step = UTF8Step.decode(bytes, at: start.offset)
    guard step.defect == nil, let scalar = Unicode.Scalar(step.scalar) else {
      return "this character"
    }
    return "'\(Character(scalar))'"
  }

  /// The note for libyaml's context, naming the construct in the words the rest of skuc uses.
  private static func noun(_ context: String) -> String? {
    switch context {
    case "while parsing a flow sequence", "while parsing a block collection":
      "the list starts here"
    case "while parsing a flow mapping", "while parsing a block mapping":
      "the mapping starts here"
    case "while scanning a simple key":
      "the key starts here"
    case "while scanning a quoted scalar", "while parsing a quoted scalar":
      "the quoted string starts here"
    case "while scanning a plain scalar", "while parsing a block node", "while parsing a flow node",
      "while parsing a node":
      "the value starts here"
    case "while scanning a block scalar":
      "the block scalar starts here"
    case "", "while scanning for the next token":
      nil
    default:
      "\(context) that starts here"
    }
  }
}
