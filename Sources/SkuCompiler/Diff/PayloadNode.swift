/// A value inside a payload document, with its JSON path for messages
/// (`specs[1].skus[4].prices[0].from`).
struct PayloadNode {
  var value: JSONValue
  var path: String
  var file: String
  /// Whether members beyond the ones spec §11 names are refused (payloads read from disk):
  /// a member the model does not hold could differ between two sides unseen.
  var strict: Bool

  init(value: JSONValue, path: String = "", file: String, strict: Bool = false) {
    self.value = value
    self.path = path
    self.file = file
    self.strict = strict
  }

  private func child(_ value: JSONValue, _ path: String) -> PayloadNode {
    PayloadNode(value: value, path: path, file: file, strict: strict)
  }

  /// With `strict`, refuses members not in `names` (spec §11 lists every member there is).
  func allowing(_ names: Set<String>) throws(DiffError) {
    guard strict, case .object(let members) = value else { return }
    if let extra = members.first(where: { !names.contains($0.0) }) {
      throw failure("has the member '\(extra.0)', which skuc-payload/1 does not define")
    }
  }

  func failure(_ problem: String) -> DiffError {
    DiffError("\(file): \(path.isEmpty ? "the document" : path) \(problem)")
  }

  var isNull: Bool { value == .null }

  func member(_ name: String) throws(DiffError) -> PayloadNode {
    guard case .object(let members) = value else { throw failure("is not an object") }
    guard let index = members.firstIndex(where: { $0.0 == name }) else {
      throw failure("has no member '\(name)'")
    }
    guard !members[(index + 1)...].contains(where: { $0.0 == name }) else {
      throw failure("has the member '\(name)' twice")
    }
    return child(members[index].1, path.isEmpty ? name : "\(path).\(name)")
  }

  /// Members in document order; a name given twice is refused, since readers disagree about
  /// which one counts.
  func members() throws(DiffError) -> [(String, PayloadNode)] {
    guard case .object(let members) = value else { throw failure("is not an object") }
    var seen: Set<String> = []
    for (name, _) in members where !seen.insert(name).inserted {
      throw failure("has the member '\(name)' twice")
    }
    return members.map { ($0.0, child($0.1, "\(path).\($0.0)")) }
  }

  func elements() throws(DiffError) -> [PayloadNode] {
    guard case .array(let elements) = value else { throw failure("is not an array") }
    return elements.enumerated().map { child($1, "\(path)[\($0)]") }
  }

  func string() throws(DiffError) -> String {
    guard case .string(let text) = value else { throw failure("is not a string") }
    return text
  }

  func integer() throws(DiffError) -> Int {
    guard case .integer(let number) = value else { throw failure("is not an integer") }
    return number
  }

  func nonNegativeInteger() throws(DiffError) -> Int {
    let number = try integer()
    guard number >= 0 else { throw failure("is negative: \(number)") }
    return number
  }

  /// An amount as spec §11 writes it: a non-negative decimal string with exactly `precision`
  /// fraction digits (`"699.00"` at precision 2; `"699.0000000"`, `"699"` and `"-1.00"` are
  /// refused), so that two sides that print an amount differently never compare as equal.
  func amount(precision: Int) throws(DiffError) -> ExactDecimal {
    let text = try string()
    guard Self.isAmount(text, precision: precision), let amount = ExactDecimal(exactly: text) else {
      throw failure(
        "is not an amount with exactly \(precision) decimals (like \"\(Self.example(precision))\"): \"\(text)\""
      )
    }
    return amount
  }

  static func isAmount(_ text: String, precision: Int) -> Bool {
    let bytes = Array(text.utf8)
    let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    let point = bytes.firstIndex(of: UInt8(ascii: "."))
    let whole = bytes[..<(point ?? bytes.count)]
    guard !whole.isEmpty, whole.allSatisfy(isDigit),
      whole.count == 1 || whole.first != UInt8(ascii: "0")
    else { return false }
    guard let point else { return precision == 0 }
    let fraction = bytes[(point + 1)...]
    return precision > 0 && fraction.count == precision && fraction.allSatisfy(isDigit)
  }

  private static func example(_ precision: Int) -> String {
    precision == 0 ? "12" : "12." + String(repeating: "0", count: precision)
  }

  func localized() throws(DiffError) -> LocalizedText {
    let entries = try members().map { (locale, text) throws(DiffError) in
      LocalizedText.Entry(locale: locale, text: try text.string())
    }
    return LocalizedText(entries: entries)
  }

  func localizedOrNull() throws(DiffError) -> LocalizedText? {
    isNull ? nil : try localized()
  }

  func enumeration<T: RawRepresentable>(_ type: T.Type, _ what: String) throws(DiffError) -> T
  where T.RawValue == String {
    guard let value = T(rawValue: try string()) else { throw failure("is not \(what)") }
    return value
  }
}
