import Testing

@testable import SkuCompiler

/// The byte pre-scan: encodings, UTF-8 validity and forbidden characters, each reported at
/// its exact line and column before libyaml sees the file.
@Suite struct PreScanTests {
  @Test(
    arguments: [
      ([0xFF, 0xFE, 0x61, 0x00], "UTF-16 (little-endian)"),
      ([0xFE, 0xFF, 0x00, 0x61], "UTF-16 (big-endian)"),
      ([0x61, 0x00, 0x3A, 0x00], "UTF-16 (little-endian)"),
      ([0x00, 0x61, 0x00, 0x3A], "UTF-16 (big-endian)"),
      ([0xFF, 0xFE, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00], "UTF-32 (little-endian)"),
      ([0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x61], "UTF-32 (big-endian)"),
      ([0x61, 0x00, 0x00, 0x00], "UTF-32 (little-endian)"),
      ([0x00, 0x00, 0x00, 0x61], "UTF-32 (big-endian)"),
    ] as [([UInt8], String)])
  func foreignEncodingsAreRefusedAlone(bytes: [UInt8], encoding: String) {
    let result = FrontEnd.parse(bytes: bytes)
    #expect(result.codes == [.unsupportedEncoding])
    #expect(result.positions == ["1:1"])
    #expect(result.diagnostics.first?.message.contains(encoding) == true)
  }

  @Test func leadingByteOrderMarkIsSkippedAndOffsetsStayInBytes() throws {
    let result = FrontEnd.parse("\u{FEFF}名: 值")
    #expect(result.diagnostics.isEmpty)
    let entry = try #require(result.rootEntries.first)
    #expect(entry.key.range.start == SourceLocation(line: 1, column: 1, offset: 3))
    #expect(entry.key.range.end == SourceLocation(line: 1, column: 2, offset: 6))
    #expect(entry.value.range.start == SourceLocation(line: 1, column: 4, offset: 8))
    #expect(entry.value.range.end == SourceLocation(line: 1, column: 5, offset: 11))
  }

  @Test func byteOrderMarkAfterTheStartIsMisplaced() {
    let result = FrontEnd.parse("a: 1\nb: x\u{FEFF}y\n")
    #expect(result.codes == [.misplacedByteOrderMark])
    #expect(result.positions == ["2:5"])
  }

  @Test(
    arguments: [
      ([0xC0, 0xAF], "overlong"),
      ([0xC1, 0xBF], "overlong"),
      ([0xE0, 0x80, 0xAF], "overlong"),
      ([0xF0, 0x80, 0x80, 0xAF], "overlong"),
      ([0xED, 0xA0, 0x80], "surrogate"),
      ([0xED, 0xBF, 0xBF], "surrogate"),
      ([0xF4, 0x90, 0x80, 0x80], "above U+10FFFF"),
      ([0xF5, 0x80, 0x80, 0x80], "above U+10FFFF"),
      ([0xFF], "never occurs"),
      ([0x80], "continuation byte"),
      ([0xE4, 0xB8], "incomplete"),
      ([0xE4, 0xB8, 0x41], "incomplete"),
    ] as [([UInt8], String)])
  func invalidUTF8IsReportedOnceWhereItStarts(sequence: [UInt8], explanation: String) throws {
    let result = FrontEnd.parse(bytes: Array("名前: ".utf8) + sequence)
    #expect(result.codes == [.invalidUTF8])
    let range = try #require(result.diagnostics.first?.range)
    #expect(range.start == SourceLocation(line: 1, column: 5, offset: 8))
    #expect(result.diagnostics.first?.message.contains(explanation) == true)
  }

  @Test func everyInvalidSequenceIsReportedOnItsLine() {
    let lf = FrontEnd.parse(bytes: [0x61, 0x3A, 0x20, 0xFF, 0x0A, 0x62, 0x3A, 0x20, 0xC3])
    #expect(lf.positions == ["1:4", "2:4"])
    let crlf = FrontEnd.parse(bytes: Array("x: 1\r\ny: ".utf8) + [0xFF])
    #expect(crlf.positions == ["2:4"])
    let cr = FrontEnd.parse(bytes: Array("x: 1\ry: ".utf8) + [0xFF])
    #expect(cr.positions == ["2:4"])
  }

  @Test(
    arguments: [
      (0x00, "U+0000 (NULL)"),
      (0x07, "U+0007 (BELL)"),
      (0x0B, "U+000B (LINE TABULATION)"),
      (0x1B, "U+001B (ESCAPE)"),
      (0x7F, "U+007F (DELETE)"),
      (0x80, "U+0080 (PADDING CHARACTER)"),
      (0x85, "U+0085 (NEXT LINE)"),
      (0x9F, "U+009F (APPLICATION PROGRAM COMMAND)"),
      (0x2028, "U+2028 (LINE SEPARATOR)"),
      (0x2029, "U+2029 (PARAGRAPH SEPARATOR)"),
      (0xFFFE, "U+FFFE (NONCHARACTER)"),
      (0xFFFF, "U+FFFF (NONCHARACTER)"),
    ] as [(UInt32, String)])
  func forbiddenCharactersAreNamed(value: UInt32, name: String) throws {
    let scalar = try #require(Unicode.Scalar(value))
    let result = FrontEnd.parse("name: 基础\(Character(scalar))版\n")
    #expect(result.codes == [.forbiddenCharacter])
    #expect(result.positions == ["1:9"])
    #expect(result.diagnostics.first?.message == "forbidden character \(name)")
  }

  @Test func lineSeparatorsDoNotStartNewLinesForLaterDiagnostics() {
    let result = FrontEnd.parse("a: x\u{2028}y\u{7}\n")
    #expect(result.codes == [.forbiddenCharacter, .forbiddenCharacter])
    #expect(result.positions == ["1:5", "1:7"])
  }

  @Test func tabsLineBreaksAndOtherCharactersAreAllowed() {
    let result = FrontEnd.parse("a: \"x\ty\"\r\nb: 'non\u{A0}breaking'\rc: 😀\n")
    #expect(result.diagnostics.isEmpty)
    #expect(result.rootEntries.map(\.key.text) == ["a", "b", "c"])
  }

  @Test func fileOverTheLimitIsRefusedBeforeParsing() {
    let bytes = [UInt8](repeating: UInt8(ascii: "["), count: YAMLFrontEnd.maximumFileSize + 1)
    let result = FrontEnd.parse(bytes: bytes)
    #expect(result.codes == [.fileTooLarge])
    #expect(result.positions == ["1:1"])
  }

  @Test func fileAtTheLimitIsRead() {
    var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: YAMLFrontEnd.maximumFileSize)
    bytes[0] = UInt8(ascii: "#")
    let result = FrontEnd.parse(bytes: bytes)
    #expect(result.codes == [.emptyDocument])
  }

  @Test func aFloodOfProblemsStopsAtTheCap() throws {
    let result = FrontEnd.parse(String(repeating: "\u{1}", count: 500))
    #expect(result.diagnostics.count == FileDiagnostics.limit)
    let last = try #require(result.diagnostics.last)
    #expect(last.notes.map(\.message) == ["skuc stopped reading this file after 50 problems"])
  }
}
