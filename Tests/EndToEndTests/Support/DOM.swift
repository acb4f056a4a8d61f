import Foundation

/// The document Chromium serializes with `--dump-dom`, read back into a tree for assertions.
///
/// Chromium writes the live DOM after the page's scripts ran, with every end tag explicit and
/// attributes double-quoted, so a small reader suffices: tags, attributes, text, comments,
/// raw-text `script` and `style`, void elements, and character references.
final class DOMElement {
  let name: String
  let attributes: [String: String]
  private(set) var children: [DOMNode] = []

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  func append(_ node: DOMNode) { children.append(node) }

  var classes: Set<String> {
    Set((attributes["class"] ?? "").split(separator: " ").map(String.init))
  }

  func hasClass(_ name: String) -> Bool { classes.contains(name) }

  var isHidden: Bool { attributes["hidden"] != nil }

  /// Every element below this one, in document order.
  var descendants: [DOMElement] {
    children.flatMap { node -> [DOMElement] in
      guard case .element(let element) = node else { return [] }
      return [element] + element.descendants
    }
  }

  /// The concatenated text below this element.
  var text: String {
    children.map { node in
      switch node {
      case .text(let text): text
      case .element(let element): element.text
      }
    }.joined()
  }

  func all(_ predicate: (DOMElement) -> Bool) -> [DOMElement] { descendants.filter(predicate) }

  func first(_ predicate: (DOMElement) -> Bool) -> DOMElement? {
    descendants.first(where: predicate)
  }

  /// The first descendant with all of `classes`.
  func first(class classes: String...) -> DOMElement? {
    first { element in classes.allSatisfy(element.hasClass) }
  }
}

enum DOMNode {
  case element(DOMElement)
  case text(String)
}

enum DOM {
  static let voidElements: Set<String> = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
  ]

  /// Parses serialized HTML into a tree under a synthetic `#document` element.
  static func parse(_ html: String) -> DOMElement {
    let document = DOMElement(name: "#document", attributes: [:])
    var stack = [document]
    var rest = Substring(html)
    while !rest.isEmpty {
      if rest.hasPrefix("<!--") {
        rest = rest.range(of: "-->").map { rest[$0.upperBound...] } ?? ""
      } else if rest.hasPrefix("<!") {
        rest = rest.firstIndex(of: ">").map { rest[rest.index(after: $0)...] } ?? ""
      } else if rest.hasPrefix("</") {
        let end = rest.firstIndex(of: ">") ?? rest.endIndex
        let name = rest[rest.index(rest.startIndex, offsetBy: 2)..<end].lowercased()
        if let index = stack.lastIndex(where: { $0.name == name }), index > 0 {
          stack.removeSubrange(index...)
        }
        rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
      } else if rest.hasPrefix("<"), let (element, after) = tag(rest) {
        stack[stack.count - 1].append(.element(element))
        rest = after
        if element.name == "script" || element.name == "style" {
          let close = rest.range(of: "</\(element.name)>")
          element.append(.text(String(rest[..<(close?.lowerBound ?? rest.endIndex)])))
          rest = close.map { rest[$0.upperBound...] } ?? ""
        } else if !voidElements.contains(element.name) {
          stack.append(element)
        }
      } else {
        let next = rest.dropFirst().firstIndex(of: "<") ?? rest.endIndex
        stack[stack.count - 1].append(.text(decode(rest[..<next])))
        rest = rest[next...]
      }
    }
    return document
  }

  /// One start tag: its element and the input after it.
  private static func tag(_ input: Substring) -> (DOMElement, Substring)? {
    var rest = input.dropFirst()
    let nameEnd = rest.firstIndex { $0 == " " || $0 == ">" || $0 == "/" || $0 == "\n" }
    guard let nameEnd else { return nil }
    let name = rest[..<nameEnd].lowercased()
    rest = rest[nameEnd...]
    var attributes: [String: String] = [:]
    while true {
      rest = rest.drop { $0 == " " || $0 == "\n" || $0 == "/" }
      guard let first = rest.first else { return nil }
      if first == ">" { return (DOMElement(name: name, attributes: attributes), rest.dropFirst()) }
      let keyEnd = rest.firstIndex { $0 == "=" || $0 == " " || $0 == ">" } ?? rest.endIndex
      let key = rest[..<keyEnd].lowercased()
      rest = rest[keyEnd...]
      guard rest.first == "=" else {
        attributes[key] = ""
        continue
      }
      rest = rest.dropFirst()
      if rest.first == "\"" {
        rest = rest.dropFirst()
        let close = rest.firstIndex(of: "\"") ?? rest.endIndex
        attributes[key] = decode(rest[..<close])
        rest = close < rest.endIndex ? rest[rest.index(after: close)...] : ""
      } else {
        let close = rest.firstIndex { $0 == " " || $0 == ">" } ?? rest.endIndex
        attributes[key] = decode(rest[..<close])
        rest = rest[close...]
      }
    }
  }

  /// Character references as Chromium writes them: named `amp`, `lt`, `gt`, `quot`, `nbsp`,
  /// and numeric ones.
  static func decode(_ text: Substring) -> String {
    guard text.contains("&") else { return String(text) }
    var out = ""
    var rest = text
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      rest = rest[amp...]
      guard let semicolon = rest.firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) < 10
      else {
        out += "&"
        rest = rest.dropFirst()
        continue
      }
      let name = rest[rest.index(after: amp)..<semicolon]
      let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
      if let value = named[String(name)] {
        out += value
      } else if name.hasPrefix("#x") || name.hasPrefix("#X"),
        let code = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code)
      {
        out.unicodeScalars.append(scalar)
      } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()),
        let scalar = Unicode.Scalar(code)
      {
        out.unicodeScalars.append(scalar)
      } else {
        out += "&" + name + ";"
      }
      rest = rest[rest.index(after: semicolon)...]
    }
    return out + rest
  }
}
