import Testing

@testable import SkuCompiler

@Suite struct JSONReaderTests {
  private func parse(_ text: String) throws -> JSONValue {
    try JSONReader.parse(Array(text.utf8))
  }

  @Test func keepsMemberOrder() throws {
    #expect(
      try parse(#"{"zh-CN": "甲", "en-US": "A", "b": [1, -2, null, true, false]}"#)
        == ["zh-CN": "甲", "en-US": "A", "b": [1, -2, nil, true, false]])
  }

  @Test func readsWhatTheWriterWrites() throws {
    let value: JSONValue = [
      "s": "quote \" backslash \\ tab \t nl \n ctl \u{1} ls \u{2028} emoji 😀", "n": [], "o": [:],
    ]
    #expect(try JSONReader.parse(JSONWriter.serialize(value)) == value)
    #expect(try JSONReader.parse(JSONWriter.serialize(value, pretty: false)) == value)
  }

  @Test func decodesEscapes() throws {
    #expect(try parse(#""\u00e9\ud83d\ude00\/""#) == .string("é😀/"))
  }

  @Test(arguments: [
    "", "{", "[1,]", #"{"a":1,}"#, #"{"a":1,"a":2}"#, "1.5", "1e3", "01", "-", #""\ud83d""#,
    #""\x""#, "\"a\u{1}\"", "[1] [2]", "nul", #"{"a" 1}"#, #""abc"#,
  ])
  func rejects(_ text: String) {
    #expect(throws: JSONReader.Failure.self) { try parse(text) }
  }

  @Test func rejectsInvalidUTF8() {
    #expect(throws: JSONReader.Failure.self) { try JSONReader.parse([0x22, 0xFF, 0x22]) }
  }

  @Test func limitsDepth() {
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(throws: JSONReader.Failure.self) { try parse(deep) }
  }
}
