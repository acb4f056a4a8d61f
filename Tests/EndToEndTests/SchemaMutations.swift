/// A structural mistake an author can make while typing: one text edit of an example catalog
/// that `skuc check` rejects with `code`. The catalog schema must flag every one of them in the
/// editor too.
struct CatalogMutation: CustomStringConvertible {
  var name: String
  /// Path below `Catalogs/`.
  var catalog: String
  /// Text that occurs exactly once in the catalog, and what replaces it.
  var find: String
  var replace: String
  /// The diagnostic code skuc reports for the mistake.
  var code: String

  init(_ name: String, _ catalog: String, _ find: String, _ replace: String, code: String) {
    self.name = name
    self.catalog = catalog
    self.find = find
    self.replace = replace
    self.code = code
  }

  var description: String { "\(name) (\(catalog))" }
}

private let crm = "saas/crm.yaml"
private let migration = "services/migration.yaml"
private let gateway = "images/secure-gateway.yaml"
private let design = "licenses/design-suite.yaml"
private let ocr = "api/ocr.yaml"

extension CatalogMutation {
  static let unknownKeys: [CatalogMutation] = [
    .init("unknown top-level key", crm, "skuc: 1\n", "skuc: 1\nversion: 1\n", code: "T102"),
    .init(
      "unknown product key", crm, "  currency: CNY\n", "  currency: CNY\n  curency: CNY\n",
      code: "T102"),
    .init(
      "unknown limit", crm, "  currency: CNY\n", "  currency: CNY\n  limits: {max_skus: 50}\n",
      code: "M213"),
    .init(
      "unit on an enum attribute", crm, "    name: {zh-CN: 版本类型, en-US: Edition}\n",
      "    name: {zh-CN: 版本类型, en-US: Edition}\n    unit: {zh-CN: 版, en-US: edition}\n",
      code: "T102"),
    .init(
      "unknown quantity key", crm, "    step: 5\n", "    step: 5\n    default: 10\n", code: "T102"),
    .init(
      "unknown spec key", crm, "    trial_days: 14\n", "    trial_days: 14\n    trial: 14\n",
      code: "T102"),
    .init(
      "unknown rule key", crm, "        because: Premium", "        reason: Premium", code: "T102"),
    .init(
      "unknown limit bound", crm, "{users: {max: 50}}", "{users: {max: 50, maximum: 50}}",
      code: "T102"),
    .init(
      "unknown step key", crm, "        add: 200\n",
      "        add: 200\n        note: premium support fee\n",
      code: "T102"),
    .init(
      "unknown tier key", crm, "{upto: 20, unit: 30}", "{upto: 20, unit: 30, price: 30}",
      code: "T102"),
    .init(
      "unknown table key", crm, "          by: edition\n",
      "          by: edition\n          default: 99\n", code: "T102"),
    .init("unknown ratio key", crm, "min: 10, max: 12}", "min: 10, maximum: 12}", code: "T102"),
    .init("unknown bounds key", crm, "max: \"200000.00\"}", "upper: \"200000.00\"}", code: "T102"),
    .init("missing language version", crm, "skuc: 1\n", "", code: "T103"),
    .init(
      "missing product name", gateway, "  name: {zh-CN: 安全网关镜像, en-US: Secure Gateway Image}\n", "",
      code: "T103"),
    .init("key without a value", crm, "billing: period", "billing:", code: "T103"),
  ]

  static let wrongTypes: [CatalogMutation] = [
    .init(
      "product as a string", migration,
      "product:\n  id: data-migration-service\n  type: manual-service\n  name: {zh-CN: 数据迁移实施服务, en-US: Data Migration Service}\n  currency: CNY\n",
      "product: data-migration-service\n", code: "T101"),
    .init(
      "spec attributes as a mapping", crm, "[edition, support, users]", "{edition: basic}",
      code: "T101"),
    .init("periods as a string", crm, "periods: [month, year]", "periods: month", code: "T101"),
    .init("billing as a mapping", crm, "billing: period", "billing: {mode: period}", code: "T101"),
    .init(
      "name as a list", crm, "  name: {zh-CN: 云客CRM, en-US: Yunke CRM}",
      "  name: [云客CRM, Yunke CRM]", code: "T101"),
    .init(
      "values as a list", crm,
      "      standard: {zh-CN: 标准支持, en-US: Standard support}\n      premium:  {zh-CN: 高级支持, en-US: Premium support}\n",
      "      - standard\n      - premium\n", code: "T101"),
    .init(
      "pricing as a mapping", ocr, "      - add:\n          by: model\n",
      "      add:\n          by: model\n", code: "T101"),
    .init(
      "rule as a string", crm,
      "      - when: {edition: basic}\n        limit: {users: {max: 50}}\n",
      "      - limit users to 50 on basic\n", code: "T101"),
    .init(
      "tiers as a mapping", design,
      "          - {upto: 9, unit: 160}\n          - {upto: 49, unit: 144}\n          - {unit: 128}\n",
      "          {upto: 9, unit: 160}\n", code: "T101"),
    .init(
      "selector value as a mapping", crm, "      - when: {support: premium}\n",
      "      - when: {support: {is: premium}}\n", code: "T101"),
    .init("amount as a list", crm, "        add: 200\n", "        add: [200]\n", code: "T101"),
    .init(
      "check as a list", crm, "      - monotonic: edition\n", "      - [monotonic, edition]\n",
      code: "T101"),
    .init("integer as text", crm, "    min: 5\n", "    min: five\n", code: "T105"),
    .init("upto: null", crm, "{upto: 40, unit: 25}", "{upto: null, unit: 25}", code: "T105"),
    .init("amount as text", migration, "{assessment: 2000,", "{assessment: 2k,", code: "T106"),
  ]

  static let badChoices: [CatalogMutation] = [
    .init("billing: monthly", crm, "billing: period", "billing: monthly", code: "T111"),
    .init("unknown product type", crm, "  type: saas\n", "  type: software\n", code: "T111"),
    .init(
      "rounding with an underscore", design, "  rounding: half-even\n", "  rounding: half_even\n",
      code: "T111"),
    .init(
      "unknown period", crm, "periods: [month, year]", "periods: [month, quarter]", code: "T111"),
    .init(
      "unknown tier model", crm, "        model: graduated\n", "        model: stepped\n",
      code: "T111"),
    .init(
      "unknown attribute type", crm, "  users:\n    type: quantity\n",
      "  users:\n    type: number\n", code: "T111"),
    .init("lower-case currency", crm, "  currency: CNY\n", "  currency: cny\n", code: "T112"),
    .init("language version 2", crm, "skuc: 1\n", "skuc: 2\n", code: "M201"),
    .init(
      "locale with an underscore", design, "  locales: [en-US, zh-CN]", "  locales: [en_US, zh-CN]",
      code: "T113"),
  ]

  static let shapeRules: [CatalogMutation] = [
    .init(
      "when on forbid", crm, "      - forbid: {edition: basic, support: premium}\n",
      "      - forbid: {edition: basic, support: premium}\n        when: {edition: basic}\n",
      code: "R303"),
    .init(
      "two actions in a rule", crm, "        limit: {users: {max: 50}}\n",
      "        limit: {users: {max: 50}}\n        require: {support: standard}\n", code: "R304"),
    .init(
      "rule without an action", crm,
      "      - forbid: {edition: basic, support: premium}\n        because:",
      "      - because:", code: "R304"),
    .init(
      "two actions in a step", crm, "        add: 200\n", "        add: 200\n        multiply: 2\n",
      code: "P401"),
    .init(
      "step without an action", crm, "      - when: {support: premium}\n        add: 200\n",
      "      - when: {support: premium}\n", code: "P401"),
    .init(
      "model without tiers", crm, "        add: 200\n", "        add: 200\n        model: volume\n",
      code: "P403"),
    .init("tiers without model", crm, "        model: graduated\n", "", code: "P403"),
    .init(
      "two kinds in a check", crm, "      - monotonic: edition\n",
      "      - monotonic: edition\n        bounds: {min: 1}\n", code: "C505"),
    .init(
      "periods on one-time billing", migration, "    billing: one-time\n",
      "    billing: one-time\n    periods: [month]\n", code: "M208"),
    .init("period billing without periods", crm, "    periods: [month, year]\n", "", code: "M208"),
    .init(
      "on-demand without usage_unit", gateway, "    usage_unit: {zh-CN: 小时, en-US: hour}\n", "",
      code: "M210"),
    .init(
      "usage_unit on period billing", gateway, "    billing: period\n",
      "    billing: period\n    usage_unit: {zh-CN: 小时, en-US: hour}\n", code: "M210"),
    .init(
      "trial_days on one-time billing", design, "    billing: one-time\n",
      "    billing: one-time\n    trial_days: 30\n", code: "M209"),
    .init(
      "trial_days on an api product", ocr, "    billing: on-demand-package\n",
      "    billing: on-demand-package\n    trial_days: 7\n", code: "M209"),
    .init(
      "on-demand license", design, "    billing: one-time\n", "    billing: on-demand\n",
      code: "M207"),
    .init("hardware sold by period", crm, "  type: saas\n", "  type: hardware\n", code: "M207"),
    .init("trial_days out of range", crm, "trial_days: 14", "trial_days: 400", code: "T110"),
    .init("precision out of range", ocr, "  precision: 3\n", "  precision: 7\n", code: "T110"),
    .init("negative quantity min", migration, "    min: 1\n", "    min: -1\n", code: "M206"),
    .init("quantity step 0", crm, "    step: 5\n", "    step: 0\n", code: "M206"),
    .init(
      "attribute id with a hyphen", migration, "  person_days:\n    type:",
      "  person-days:\n    type:", code: "T104"),
    .init(
      "attribute named period", crm, "  support:\n    type: enum\n", "  period:\n    type: enum\n",
      code: "M203"),
    .init(
      "reserved attribute id", crm, "  edition:\n    type: enum\n", "  version:\n    type: enum\n",
      code: "M203"),
    .init(
      "reserved attribute name", crm, "    name: {zh-CN: 版本类型, en-US: Edition}",
      "    name: {zh-CN: 版本, en-US: Edition}", code: "M203"),
    .init(
      "upper-case value id", crm, "      basic:      {zh-CN", "      Basic:      {zh-CN",
      code: "T104"),
    .init(
      "empty enum values", crm,
      "    values:\n      standard: {zh-CN: 标准支持, en-US: Standard support}\n      premium:  {zh-CN: 高级支持, en-US: Premium support}\n",
      "    values: {}\n", code: "M204"),
    .init(
      "empty selector list", crm, "forbid: {edition: basic,", "forbid: {edition: [],", code: "T114"),
    .init(
      "duplicate selector value", crm, "forbid: {edition: basic,",
      "forbid: {edition: [basic, basic],", code: "T115"),
    .init("empty by", crm, "          by: edition\n", "          by: []\n", code: "T114"),
    .init(
      "duplicate by", gateway, "by: [flavor, period]", "by: [flavor, flavor]", code: "P405"),
    .init(
      "table nested deeper than by", crm, "table: {basic: 99,", "table: {basic: {month: 99},",
      code: "P406"),
    .init(
      "table flatter than by", gateway, "            small:  {month: 199, year: 1990}\n",
      "            small:  199\n",
      code: "P406"),
    .init(
      "duplicate locale", design, "  locales: [en-US, zh-CN]", "  locales: [en-US, zh-CN, en-US]",
      code: "T115"),
    .init("empty periods", crm, "periods: [month, year]", "periods: []", code: "T114"),
    .init(
      "duplicate spec attribute", crm, "[edition, support, users]",
      "[edition, support, users, edition]", code: "T115"),
    .init(
      "empty tiers", crm,
      "        tiers:\n          - {upto: 20, unit: 30}\n          - {upto: 40, unit: 25}\n          - {unit: 20}\n",
      "        tiers: []\n", code: "P404"),
    .init("negative upto", crm, "{upto: 20, unit: 30}", "{upto: -20, unit: 30}", code: "P404"),
  ]

  /// Mistakes that depend on other parts of the file in ways the schema can still state:
  /// localized texts against `product.locales`, the default enum value limit, `period` in
  /// rules and checks, and where `upto` goes.
  static let crossField: [CatalogMutation] = [
    .init(
      "missing an en-US name", crm, "  name: {zh-CN: 云客CRM, en-US: Yunke CRM}",
      "  name: {zh-CN: 云客CRM}",
      code: "T108"),
    .init(
      "plain-string name with two locales", gateway, "    name: {zh-CN: 规格档位, en-US: Flavor}",
      "    name: 规格档位", code: "T108"),
    .init(
      "locale not in product.locales", crm, "{zh-CN: 基础版, en-US: Basic}",
      "{zh-CN: 基础版, en-US: Basic, ja-JP: ベーシック}", code: "T108"),
    .init(
      "lower-case locale key", design, "{en-US: Standard, zh-CN: 标准版}",
      "{en-us: Standard, zh-CN: 标准版}",
      code: "T108"),
    .init(
      "plain strings with several locales", ocr, "  locales: [zh-CN]", "  locales: [zh-CN, zh-TW]",
      code: "T108"),
    .init(
      "eleven enum values", crm, "      flagship:   {zh-CN: 旗舰版, en-US: Flagship}\n",
      "      flagship:   {zh-CN: 旗舰版, en-US: Flagship}\n"
        + (1...8).map { "      extra\($0): {zh-CN: 版本\($0), en-US: Extra \($0)}\n" }.joined(),
      code: "M204"),
    .init(
      "period in a rule", crm, "      - when: {edition: basic}\n", "      - when: {period: year}\n",
      code: "R302"),
    .init(
      "limit on period", crm, "limit: {users: {max: 50}}", "limit: {period: {max: 50}}",
      code: "R302"),
    .init(
      "monotonic over period", crm, "      - monotonic: edition\n", "      - monotonic: period\n",
      code: "R302"),
    .init(
      "upto on the last tier", crm, "          - {unit: 20}\n",
      "          - {upto: 60, unit: 20}\n", code: "P404"),
    .init(
      "tier without upto before the last", crm, "{upto: 40, unit: 25}", "{unit: 25}", code: "P404"),
  ]

  static let all = unknownKeys + wrongTypes + badChoices + shapeRules + crossField
}
