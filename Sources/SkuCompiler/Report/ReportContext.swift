/// What every part of the page needs to know besides the spec it draws.
struct ReportContext {
  /// The locales the page switches between: every product's locales, in order of first
  /// appearance (products by id). A product without one of them shows its default locale.
  var locales: [String]
  var comparison: ReportComparison?
  var paths: ReportPaths

  init(catalog: CheckedCatalog, comparison: ReportComparison?, paths: ReportPaths) {
    var locales: [String] = []
    for product in CatalogLookup.sortedProducts(catalog) {
      for locale in product.product.locales where !locales.contains(locale) {
        locales.append(locale)
      }
    }
    self.locales = locales
    self.comparison = comparison
    self.paths = paths
  }

  /// The text shown for each page locale: the product's own text in that locale, or its
  /// default locale's (the first entry) when the product lacks it.
  func texts(_ text: LocalizedText) -> [LocalizedText.Entry] {
    let fallback = text.entries.first ?? LocalizedText.Entry(locale: "", text: "")
    return locales.map { locale in
      text.entries.first { $0.locale == locale } ?? fallback
    }
  }

  /// Lower-cased ids and names in every locale, for the filter box.
  static func searchText(_ parts: [String], _ texts: [LocalizedText]) -> String {
    let words = parts + texts.flatMap { $0.entries.map(\.text) }
    return words.joined(separator: " ").lowercased()
  }
}

/// How the page names files and versions. File paths are shown from the catalog directory's
/// own name down (`Catalogs/saas/crm.yaml:41`), whatever PATH was, so that the page's bytes do
/// not depend on where the catalog was checked out.
struct ReportPaths {
  /// PATH without trailing slashes.
  var root: String

  init(root: String) {
    var root = root
    while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
    self.root = root
  }

  /// The last component of a path, `Catalogs` for `/work/x/Catalogs/`.
  static func lastComponent(_ path: String) -> String {
    let parts = path.split(separator: "/", omittingEmptySubsequences: true)
    return parts.last.map(String.init) ?? path
  }

  /// The catalog's name in the page title: PATH's last component, or nothing for `.`.
  var catalogName: String {
    let name = Self.lastComponent(root)
    return name == "." || name == ".." || name == "/" ? "" : name
  }

  /// `file` relative to PATH, under PATH's own name.
  func display(_ file: String) -> String {
    let prefix = root + "/"
    guard file.hasPrefix(prefix) else { return Self.lastComponent(file) }
    let relative = String(file.dropFirst(prefix.count))
    return catalogName.isEmpty ? relative : catalogName + "/" + relative
  }

  /// `git:` sides as written (their paths are inside the repository); directories by name.
  static func sideLabel(_ argument: String) -> String {
    argument.hasPrefix("git:") ? argument : lastComponent(argument)
  }
}

extension HTMLBuilder {
  /// Localized text: one span per page locale, each shown only while its locale is chosen
  /// (CSS on `html[data-lang]`), or a single span when every locale shows the same text.
  mutating func localized(_ text: LocalizedText, _ context: ReportContext) {
    let texts = context.texts(text)
    if let first = texts.first, texts.allSatisfy({ $0 == first }) {
      element("span", [("lang", first.locale)], text: first.text)
      return
    }
    for (index, entry) in texts.enumerated() {
      element("span", [("class", "l\(index)"), ("lang", entry.locale)], text: entry.text)
    }
  }
}
