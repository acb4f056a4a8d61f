// TEMPORARY stand-in until the real grammar lands; deleted at merge.
public struct ScalarError: Error, Sendable, Hashable {
  public var message: String
  public var hint: String?
  public init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }
}

public enum ScalarGrammar {
  static func matches(_ text: String, first: (Character) -> Bool, rest: (Character) -> Bool, max: Int)
    -> Bool
  {
    guard let f = text.first, first(f), text.count <= max else { return false }
    return text.dropFirst().allSatisfy(rest)
  }
  public static func id(_ text: String) -> Result<String, ScalarError> {
    matches(
      text, first: { $0 >= "a" && $0 <= "z" },
      rest: { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "-" }, max: 63)
      ? .success(text) : .failure(ScalarError("'\(text)' is not a valid id"))
  }
  public static func attributeID(_ text: String) -> Result<String, ScalarError> {
    matches(
      text, first: { $0 >= "a" && $0 <= "z" },
      rest: { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" }, max: 63)
      ? .success(text) : .failure(ScalarError("'\(text)' is not a valid attribute id"))
  }
  public static func integer(_ text: String) -> Result<Int, ScalarError> {
    guard let v = Int(text), String(v) == text else { return .failure(ScalarError("'\(text)' is not a canonical integer")) }
    return .success(v)
  }
  public static func decimal(_ text: String) -> Result<ExactDecimal, ScalarError> {
    guard let v = ExactDecimal(exactly: text) else { return .failure(ScalarError("'\(text)' is not a canonical decimal")) }
    return .success(v)
  }
  public static func money(_ text: String, precision: Int, currency: String) -> Result<ExactDecimal, ScalarError> {
    decimal(text).flatMap { v in
      v.fractionDigitCount <= precision ? .success(v) : .failure(ScalarError("too many decimals"))
    }
  }
  public static func boolean(_ text: String) -> Result<Bool, ScalarError> {
    switch text {
    case "true": .success(true)
    case "false": .success(false)
    default: .failure(ScalarError("use true or false"))
    }
  }
  public static func minorUnits(ofCurrency code: String) -> Int? {
    ["CNY": 2, "USD": 2, "EUR": 2, "HKD": 2, "JPY": 0][code]
  }
  public static func invisibleCharacter(in text: String) -> Unicode.Scalar? { nil }
  public static func currencySuggestion(for code: String) -> String? { nil }
}

public enum Suggestions {
  public static func closest(to: String, among: some Sequence<String>) -> String? { nil }
}
