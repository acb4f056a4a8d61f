extension ScalarGrammar {
  /// The minor units of an ISO 4217 currency code (2 for CNY, 0 for JPY, 3 for KWD), nil for a
  /// code skuc does not know. This is the default `product.precision` (spec §4).
  public static func minorUnits(ofCurrency code: String) -> Int? {
    currencyMinorUnits[code]
  }

  /// Every currency code skuc accepts, in table order.
  public static var currencyCodes: [String] { currencies.map(\.code) }

  /// A currency code exactly as ISO 4217 spells it: upper-case, three letters.
  ///
  /// Unknown codes get a suggestion: common non-ISO names for the yuan (`RMB`, `CNH`), the
  /// code in upper case (`usd`), else the nearest code by edit distance.
  public static func currency(_ text: String) -> Result<String, ScalarError> {
    if minorUnits(ofCurrency: text) != nil { return .success(text) }
    let upper = text.uppercased()
    let suggestion =
      currencyAliases[upper]
      ?? (minorUnits(ofCurrency: upper) != nil ? upper : nil)
      ?? Suggestions.closest(to: upper, among: currencyCodes)
    return .failure(
      ScalarError(
        "unknown currency \(quoted(text))",
        hint: suggestion.map { "did you mean \($0)? currencies are ISO 4217 codes" }
          ?? "currencies are ISO 4217 codes such as CNY, USD or EUR",
        code: .unknownCurrency))
  }

  /// Names people write for a currency that are not its ISO 4217 code.
  private static let currencyAliases: [String: String] = [
    "RMB": "CNY", "CNH": "CNY", "YUAN": "CNY", "NTD": "TWD", "EURO": "EUR", "YEN": "JPY",
  ]

  private static let currencyMinorUnits: [String: Int] = Dictionary(
    uniqueKeysWithValues: currencies.map { ($0.code, $0.minorUnits) })

  /// ISO 4217 active currencies with their minor units (list one, as amended to 2025),
  /// without fund codes (BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW), precious metals and
  /// testing codes, which no marketplace prices in. The most common codes come first, so that
  /// edit-distance ties favour them.
  private static let currencies: [(code: String, minorUnits: Int)] = [
    ("CNY", 2), ("USD", 2), ("EUR", 2), ("HKD", 2), ("JPY", 0), ("GBP", 2), ("SGD", 2),
    ("KRW", 0), ("AUD", 2), ("CAD", 2), ("CHF", 2), ("INR", 2), ("IDR", 2), ("MYR", 2),
    ("THB", 2), ("PHP", 2), ("VND", 0), ("BRL", 2), ("MXN", 2), ("RUB", 2), ("ZAR", 2),
    ("SAR", 2), ("AED", 2), ("TWD", 2), ("NZD", 2), ("SEK", 2), ("NOK", 2), ("DKK", 2),
    ("PLN", 2), ("TRY", 2), ("MOP", 2),
    ("AFN", 2), ("ALL", 2), ("AMD", 2), ("ANG", 2), ("AOA", 2), ("ARS", 2), ("AWG", 2),
    ("AZN", 2), ("BAM", 2), ("BBD", 2), ("BDT", 2), ("BGN", 2), ("BHD", 3), ("BIF", 0),
    ("BMD", 2), ("BND", 2), ("BOB", 2), ("BSD", 2), ("BTN", 2), ("BWP", 2), ("BYN", 2),
    ("BZD", 2), ("CDF", 2), ("CLP", 0), ("COP", 2), ("CRC", 2), ("CUP", 2), ("CVE", 2),
    ("CZK", 2), ("DJF", 0), ("DOP", 2), ("DZD", 2), ("EGP", 2), ("ERN", 2), ("ETB", 2),
    ("FJD", 2), ("FKP", 2), ("GEL", 2), ("GHS", 2), ("GIP", 2), ("GMD", 2), ("GNF", 0),
    ("GTQ", 2), ("GYD", 2), ("HNL", 2), ("HTG", 2), ("HUF", 2), ("ILS", 2), ("IQD", 3),
    ("IRR", 2), ("ISK", 0), ("JMD", 2), ("JOD", 3), ("KES", 2), ("KGS", 2), ("KHR", 2),
    ("KMF", 0), ("KPW", 2), ("KWD", 3), ("KYD", 2), ("KZT", 2), ("LAK", 2), ("LBP", 2),
    ("LKR", 2), ("LRD", 2), ("LSL", 2), ("LYD", 3), ("MAD", 2), ("MDL", 2), ("MGA", 2),
    ("MKD", 2), ("MMK", 2), ("MNT", 2), ("MRU", 2), ("MUR", 2), ("MVR", 2), ("MWK", 2),
    ("MZN", 2), ("NAD", 2), ("NGN", 2), ("NIO", 2), ("NPR", 2), ("OMR", 3), ("PAB", 2),
    ("PEN", 2), ("PGK", 2), ("PKR", 2), ("PYG", 0), ("QAR", 2), ("RON", 2), ("RSD", 2),
    ("RWF", 0), ("SBD", 2), ("SCR", 2), ("SDG", 2), ("SHP", 2), ("SLE", 2), ("SOS", 2),
    ("SRD", 2), ("SSP", 2), ("STN", 2), ("SVC", 2), ("SYP", 2), ("SZL", 2), ("TJS", 2),
    ("TMT", 2), ("TND", 3), ("TOP", 2), ("TTD", 2), ("TZS", 2), ("UAH", 2), ("UGX", 0),
    ("UYU", 2), ("UZS", 2), ("VED", 2), ("VES", 2), ("VUV", 0), ("WST", 2), ("XAF", 0),
    ("XCD", 2), ("XCG", 2), ("XOF", 0), ("XPF", 0), ("YER", 2), ("ZMW", 2), ("ZWG", 2),
  ]
}
