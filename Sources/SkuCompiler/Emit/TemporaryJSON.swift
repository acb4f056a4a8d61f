// TEMPORARY stand-in until the real JSON writer lands; deleted at merge.
public indirect enum JSONValue: Sendable {
  case null
  case bool(Bool)
  case integer(Int)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])
}

public enum JSONWriter {
  public static func serialize(_ value: JSONValue, pretty: Bool = true) -> [UInt8] {
    var out = ""
    write(value, 0, &out)
    out += "\n"
    return Array(out.utf8)
  }
  static func write(_ v: JSONValue, _ indent: Int, _ out: inout String) {
    let pad = String(repeating: "  ", count: indent + 1)
    let end = String(repeating: "  ", count: indent)
    switch v {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .integer(let i): out += String(i)
    case .string(let s):
      out += "\""
      for c in s.unicodeScalars {
        switch c {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        default: out.unicodeScalars.append(c)
        }
      }
      out += "\""
    case .array(let items):
      if items.isEmpty { out += "[]"; return }
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += pad
        write(item, indent + 1, &out)
        out += i == items.count - 1 ? "\n" : ",\n"
      }
      out += end + "]"
    case .object(let members):
      if members.isEmpty { out += "{}"; return }
      out += "{\n"
      for (i, m) in members.enumerated() {
        out += pad
        write(.string(m.0), indent + 1, &out)
        out += ": "
        write(m.1, indent + 1, &out)
        out += i == members.count - 1 ? "\n" : ",\n"
      }
      out += end + "}"
    }
  }
}

public struct CatalogSourceFile: Sendable {
  public var path: String
  public var bytes: [UInt8]
  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }
}
