import Foundation
import Testing

@testable import SkuCompiler

private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

private let sample: JSONValue = [
  "format": "skuc-payload/1",
  "product": [
    "id": "crm", "name": ["zh-CN": "客户管理", "en-US": "CRM"], "precision": 2, "trial": nil,
    "public": true,
  ],
  "empty": [:],
  "list": [],
  "prices": [
    ["period": "month", "price": .amount(ExactDecimal(99), places: 2), "from": "119.00"],
    ["period": nil, "price": "-0.50", "tiers": [1, -2, [], [:]]],
  ],
]

@Suite struct JSONWriterTests {
  @Test func prettyGolden() {
    let expected = """
      {
        "format": "skuc-payload/1",
        "product": {
          "id": "crm",
          "name": {
            "zh-CN": "客户管理",
            "en-US": "CRM"
          },
          "precision": 2,
          "trial": null,
          "public": true
        },
        "empty": {},
        "list": [],
        "prices": [
          {
            "period": "month",
            "price": "99.00",
            "from": "119.00"
          },
          {
            "period": null,
            "price": "-0.50",
            "tiers": [
              1,
              -2,
              [],
              {}
            ]
          }
        ]
      }

      """
    #expect(text(JSONWriter.serialize(sample)) == expected)
  }

  @Test func compactGolden() {
    let expected =
      #"{"format":"skuc-payload/1","product":{"id":"crm","name":{"zh-CN":"客户管理","en-US":"CRM"},"#
      + #""precision":2,"trial":null,"public":true},"empty":{},"list":[],"prices":[{"period":"#
      + #""month","price":"99.00","from":"119.00"},{"period":null,"price":"-0.50","tiers":[1,-2,"#
      + #"[],{}]}]}"#
    #expect(text(JSONWriter.serialize(sample, pretty: false)) == expected)
  }

  @Test(arguments: [
    (JSONValue.null, "null"), (true, "true"), (false, "false"), (0, "0"), (-7, "-7"),
    (.integer(Int.max), "9223372036854775807"), (.integer(Int.min), "-9223372036854775808"),
    ("", #""""#), (.array([]), "[]"), (.object([]), "{}"), (.string(orNull: nil), "null"),
    (.integer(orNull: 3), "3"), (.string(orNull: "x"), #""x""#),
  ])
  func writesScalars(value: JSONValue, expected: String) {
    #expect(text(JSONWriter.serialize(value, pretty: false)) == expected)
    #expect(text(JSONWriter.serialize(value)) == expected + "\n")
  }

  @Test(arguments: [
    ("plain", #""plain""#), ("quote\"back\\slash", #""quote\"back\\slash""#),
    ("a/b", #""a/b""#), ("line\nfeed\ttab\rret", #""line\nfeed\ttab\rret""#),
    ("\u{08}\u{0C}", #""\b\f""#), ("\u{00}\u{01}\u{1F}\u{0B}", #""\u0000\u0001\u001f\u000b""#),
    ("\u{7F}", "\"\u{7F}\""), ("a\u{2028}b\u{2029}c", #""a\u2028b\u2029c""#),
    ("基础版 €½ 😀", "\"基础版 €½ 😀\""), ("\u{2027}\u{202A}\u{20AC}", "\"\u{2027}\u{202A}\u{20AC}\""),
    ("end\u{E2}", "\"end\u{E2}\""), ("\u{2028}", #""\u2028""#), ("\u{FEFF}", "\"\u{FEFF}\""),
  ])
  func escapesStrings(value: String, expected: String) {
    #expect(text(JSONWriter.serialize(.string(value), pretty: false)) == expected)
  }

  @Test func escapedStringsReadBackExactly() throws {
    var all = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()
    // U+FEFF sits between letters: Foundation's reader drops one that directly follows an
    // escape sequence, which says nothing about this writer.
    all += "\"\\/ \u{7F}\u{80}\u{2028}\u{2029}a\u{FEFF}b基础版😀"
    for pretty in [true, false] {
      let data = Data(JSONWriter.serialize(["k": .string(all)], pretty: pretty))
      let decoded = try #require(
        try JSONSerialization.jsonObject(with: data) as? [String: String])
      #expect(decoded["k"].map { Array($0.unicodeScalars) } == Array(all.unicodeScalars))
    }
  }

  @Test func streamingMatchesSerializeByteForByte() {
    for pretty in [true, false] {
      var stream = JSONStreamWriter(pretty: pretty, reservingCapacity: 8)
      var collected: [UInt8] = []
      stream.beginObject()
      stream.key("format")
      stream.string("skuc-payload/1")
      stream.key("product")
      stream.value(sample.objectMember("product"))
      stream.key("empty")
      stream.beginObject()
      stream.endObject()
      collected += stream.takeBytes()
      stream.key("list")
      stream.beginArray()
      stream.endArray()
      stream.key("prices")
      stream.beginArray()
      stream.beginObject()
      stream.key("period")
      stream.string("month")
      stream.key("price")
      stream.string("99.00")
      stream.key("from")
      stream.string("119.00")
      stream.endObject()
      collected += stream.takeBytes()
      stream.beginObject()
      stream.key("period")
      stream.null()
      stream.key("price")
      stream.string("-0.50")
      stream.key("tiers")
      stream.beginArray()
      stream.integer(1)
      stream.integer(-2)
      stream.value([])
      stream.value([:])
      stream.endArray()
      stream.endObject()
      stream.endArray()
      stream.endObject()
      stream.finish()
      collected += stream.takeBytes()
      #expect(collected == JSONWriter.serialize(sample, pretty: pretty))
      #expect(stream.bytes.isEmpty)
    }
  }

  @Test func aLineContainerIsCompactInsideAndIndentedOutside() {
    var stream = JSONStreamWriter()
    stream.beginObject()
    stream.key("skus")
    stream.beginArray()
    for id in ["a", "b"] {
      stream.beginLine()
      stream.beginObject()
      stream.key("key")
      stream.string(id)
      stream.key("tiers")
      stream.beginArray()
      stream.integer(1)
      stream.null()
      stream.endArray()
      stream.key("empty")
      stream.beginObject()
      stream.endObject()
      stream.endObject()
    }
    stream.endArray()
    stream.key("after")
    stream.beginArray()
    stream.integer(2)
    stream.endArray()
    stream.endObject()
    stream.finish()
    let expected = """
      {
        "skus": [
          {"key":"a","tiers":[1,null],"empty":{}},
          {"key":"b","tiers":[1,null],"empty":{}}
        ],
        "after": [
          2
        ]
      }

      """
    #expect(String(decoding: stream.bytes, as: UTF8.self) == expected)
  }

  /// Encoded bytes are taken only where the writer itself writes compactly, and then give
  /// the same document as writing the value token by token.
  @Test func encodedValuesAreTakenOnlyInsideALine() {
    var encoded = JSONStreamWriter(pretty: false)
    encoded.value(.object([("price", .string("9.90")), ("tiers", .array([.integer(1)]))]))
    encoded.finish()
    func document(usingBytes: Bool) -> (accepted: [Bool], bytes: [UInt8]) {
      var stream = JSONStreamWriter()
      var accepted: [Bool] = []
      stream.beginArray()
      accepted.append(stream.appendEncoded(encoded.bytes))
      stream.beginLine()
      stream.beginObject()
      stream.key("prices")
      stream.beginArray()
      if usingBytes {
        accepted.append(stream.appendEncoded(encoded.bytes))
      } else {
        stream.value(.object([("price", .string("9.90")), ("tiers", .array([.integer(1)]))]))
      }
      stream.endArray()
      stream.endObject()
      stream.endArray()
      stream.finish()
      return (accepted, stream.bytes)
    }
    let viaBytes = document(usingBytes: true)
    #expect(viaBytes.accepted == [false, true])
    #expect(viaBytes.bytes == document(usingBytes: false).bytes)
    var tree = JSONTreeBuilder()
    let treeAccepted = tree.appendEncoded(encoded.bytes)
    #expect(!treeAccepted)
  }

  /// A tree has no layout, so asking for a line changes nothing in it.
  @Test func aTreeIgnoresLineRequests() {
    var builder = JSONTreeBuilder()
    builder.beginLine()
    builder.beginObject()
    builder.key("k")
    builder.integer(1)
    builder.endObject()
    #expect(builder.root == .object([("k", .integer(1))]))
  }

  @Test func outputIsValidJSONWithTheSameContent() throws {
    let data = Data(JSONWriter.serialize(sample))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["format"] as? String == "skuc-payload/1")
    let prices = try #require(object["prices"] as? [[String: Any]])
    #expect(prices.first?["price"] as? String == "99.00")
  }

  @Test func equalityAndHashingIncludeMemberOrder() {
    let ab: JSONValue = ["a": 1, "b": 2]
    let ba: JSONValue = ["b": 2, "a": 1]
    #expect(ab == ["a": 1, "b": 2])
    #expect(ab.hashValue == JSONValue.object([("a", 1), ("b", 2)]).hashValue)
    #expect(ab != ba)
    #expect(Set([ab, ba, ab]).count == 2)
    #expect(JSONValue.array([1, "1"]) != [1, 1])
    #expect(JSONValue.integer(1) != .bool(true))
  }
}

extension JSONValue {
  fileprivate func objectMember(_ name: String) -> JSONValue {
    guard case .object(let members) = self,
      let member = members.first(where: { $0.0 == name })
    else { return .null }
    return member.1
  }
}
