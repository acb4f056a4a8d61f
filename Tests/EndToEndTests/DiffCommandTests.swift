import Foundation
import Testing

/// `skuc diff` on edited copies of `Catalogs/`: goldens in every format, gates, payload and git
/// sides, and the failure paths (spec §14).
@Suite(.serialized) struct DiffCommandTests {
  typealias Edit = DiffScenario.Edit

  static let crm = "saas/crm.yaml"
  static let gateway = "images/secure-gateway.yaml"
  static let migration = "services/migration.yaml"
  static let design = "licenses/design-suite.yaml"

  static let priceRise = [
    Edit(
      file: crm, find: "table: {basic: 99, enterprise: 299, flagship: 699}",
      replace: "table: {basic: 99, enterprise: 329, flagship: 699}")
  ]

  static let addedValue = [
    Edit(
      file: gateway, find: "      large:  {zh-CN: 8核16G, en-US: 8 vCPU / 16 GiB}\n",
      replace:
        "      large:  {zh-CN: 8核16G, en-US: 8 vCPU / 16 GiB}\n      xlarge: {zh-CN: 16核32G, en-US: 16 vCPU / 32 GiB}\n"
    ),
    Edit(
      file: gateway, find: #"table: {small: "0.35", medium: "0.68", large: "1.30"}"#,
      replace: #"table: {small: "0.35", medium: "0.68", large: "1.30", xlarge: "2.50"}"#),
    Edit(
      file: gateway, find: "            large:  {month: 749, year: 7490}\n",
      replace:
        "            large:  {month: 749, year: 7490}\n            xlarge: {month: 1449, year: 14490}\n"
    ),
  ]

  static let removedItem = [
    Edit(
      file: migration, find: "      training:   {zh-CN: 运维培训, en-US: Operations training}\n",
      replace: ""),
    Edit(
      file: migration,
      find:
        "    rules:\n      - when: {service_item: training}\n        limit: {person_days: {max: 10}}\n",
      replace: ""),
    Edit(
      file: migration, find: "{assessment: 2000, migration: 5000, training: 800}",
      replace: "{assessment: 2000, migration: 5000}"),
  ]

  static let trialChange = [Edit(file: design, find: "trial_days: 30", replace: "trial_days: 14")]

  static let addedPeriod = [
    Edit(file: design, find: "periods: [year]", replace: "periods: [month, year]"),
    Edit(
      file: design,
      find:
        "          - {unit: 128}\n      - when: {edition: professional}\n        per: seats\n        multiply: \"1.35\"\n",
      replace:
        "          - {unit: 128}\n      - when: {edition: professional}\n        per: seats\n        multiply: \"1.35\"\n      - when: {period: month}\n        multiply: \"0.1\"\n"
    ),
  ]

  static let usersBlock =
    "  users:\n    type: quantity\n    name: {zh-CN: 用户数, en-US: Users}\n    unit: {zh-CN: 用户, en-US: user}\n    min: 5\n    max: 500\n    step: 5\n"

  /// Attributes and one attribute's values in another order: no key changes.
  static let attributeReorder = [
    Edit(file: crm, find: usersBlock + "specs:", replace: "specs:"),
    Edit(
      file: crm, find: "attributes:\n  edition:",
      replace: "attributes:\n" + usersBlock + "  edition:"),
    Edit(
      file: crm,
      find:
        "      standard: {zh-CN: 标准支持, en-US: Standard support}\n      premium:  {zh-CN: 高级支持, en-US: Premium support}\n",
      replace:
        "      premium:  {zh-CN: 高级支持, en-US: Premium support}\n      standard: {zh-CN: 标准支持, en-US: Standard support}\n"
    ),
  ]

  static let specAttributeReorder = [
    Edit(
      file: crm, find: "attributes: [edition, support, users]",
      replace: "attributes: [support, edition, users]")
  ]

  /// A product removed and one added, a spec removed, a price cut and a price rise.
  static func mixed() throws -> DiffScenario {
    let lite = try DiffScenario.original(migration)
      .replacingOccurrences(of: "id: data-migration-service", with: "id: data-migration-lite")
    let hourly = try DiffScenario.original(gateway).components(separatedBy: "  hourly:\n")[1]
      .components(separatedBy: "  subscription:\n")[0]
    return try DiffScenario(
      priceRise + [
        Edit(file: gateway, find: "  hourly:\n" + hourly, replace: ""),
        Edit(
          file: gateway, find: "medium: {month: 389, year: 3890}",
          replace: "medium: {month: 369, year: 3890}"),
      ], removing: ["api/ocr.yaml"], adding: ["services/lite.yaml": lite])
  }

  @Test(arguments: [
    ("price-rise", priceRise), ("added-value", addedValue), ("removed-item", removedItem),
    ("trial-change", trialChange), ("added-period", addedPeriod),
    ("spec-attribute-reorder", specAttributeReorder),
  ])
  func goldens(_ name: String, _ edits: [Edit]) throws {
    let scenario = try DiffScenario(edits)
    defer { scenario.remove() }
    try scenario.expectGoldens(name)
  }

  @Test func mixedChangesGolden() throws {
    let scenario = try Self.mixed()
    defer { scenario.remove() }
    try scenario.expectGoldens("mixed")
  }

  @Test func pureAttributeReorderReportsNoChanges() throws {
    let scenario = try DiffScenario(Self.attributeReorder)
    defer { scenario.remove() }
    #expect(try scenario.diff(["old", "new"]).stdout == "no changes\n")
    try scenario.expectGoldens("attribute-reorder")
  }

  @Test func payloadDirectorySide() throws {
    let scenario = try Self.mixed()
    defer { scenario.remove() }
    let build = try skuc(["build", "old", "--out", "payloads"], in: scenario.root)
    #expect(build.status == 0, "\(build.stderr)")
    // The payloads of a catalog and the catalog itself are the same version.
    #expect(try scenario.diff(["payloads", "old"]).stdout == "no changes\n")
    #expect(
      try scenario.diff(["old", "payloads", "--format", "markdown"]).stdout.contains(
        "**no changes**"))
    // A payload side reads exactly like the catalog it was built from.
    for format in ["text", "markdown", "json"] {
      let fromPayloads = try scenario.diff(["payloads", "new", "--format", format])
      let fromCatalog = try scenario.diff(["old", "new", "--format", format])
      #expect(fromPayloads.status == 0, "\(fromPayloads.stderr)")
      #expect(fromPayloads.stdout == fromCatalog.stdout)
    }
    try scenario.expectGoldens("payload-side", old: "payloads")
  }

  @Test func tamperedPayloadIsAnError() throws {
    let scenario = try DiffScenario([])
    defer { scenario.remove() }
    #expect(try skuc(["build", "old", "--out", "payloads"], in: scenario.root).status == 0)
    let file = scenario.root.appendingPathComponent("payloads/yunke-crm.json")
    let text = try String(contentsOf: file, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "\"99.00\"", with: "\"89.00\"").utf8).write(to: file)
    let result = try scenario.diff(["payloads", "new"])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("payloads/yunke-crm.json does not match its SHA-256"))
  }

  @Test func identicalSidesSayNoChanges() throws {
    let scenario = try DiffScenario([])
    defer { scenario.remove() }
    #expect(try scenario.diff(["old", "new"]).stdout == "no changes\n")
    let json = try scenario.diff(["old", "new", "--format", "json", "--fail-on", "any"])
    #expect(json.status == 0)
    try expectGolden(json.stdout, "diff/no-changes.json")
    try expectValidDiffJSON(json.stdout)
  }

  // MARK: Gates

  private func status(_ edits: [Edit], _ gates: String, reversed: Bool = false) throws -> Int32 {
    let scenario = try DiffScenario(edits)
    defer { scenario.remove() }
    let sides = reversed ? ["new", "old"] : ["old", "new"]
    var statuses: Set<Int32> = []
    for format in ["text", "markdown", "json"] {
      let result = try scenario.diff(sides + ["--format", format, "--fail-on", gates])
      statuses.insert(result.status)
      let gate = gates.split(separator: ",").first.map(String.init) ?? ""
      #expect(result.stdout.contains(gate), "the output names the gate")
    }
    #expect(statuses.count == 1, "every format exits alike")
    return statuses.first ?? -1
  }

  @Test func increaseGate() throws {
    // 299 -> 329 is +10.03%: shown as 10.0, but more than 10.
    #expect(try status(Self.priceRise, "increase:10") == 1)
    #expect(try status(Self.priceRise, "increase:10.1") == 0)
    #expect(try status(Self.priceRise, "increase:10", reversed: true) == 0)
  }

  @Test func decreaseGate() throws {
    #expect(try status(Self.priceRise, "decrease:9", reversed: true) == 1)
    #expect(try status(Self.priceRise, "decrease:9.2", reversed: true) == 0)
    #expect(try status(Self.priceRise, "decrease:0") == 0)
  }

  @Test func removalGate() throws {
    #expect(try status(Self.removedItem, "removal") == 1)
    #expect(try status(Self.priceRise, "removal") == 0)
  }

  @Test func trialAndBillingGates() throws {
    #expect(try status(Self.trialChange, "trial-change") == 1)
    #expect(try status(Self.priceRise, "trial-change") == 0)
    #expect(try status(Self.addedPeriod, "billing-change") == 1)
    #expect(try status(Self.trialChange, "billing-change") == 0)
  }

  @Test func anyGate() throws {
    #expect(try status(Self.specAttributeReorder, "any") == 1)
    #expect(try status(Self.attributeReorder, "any") == 0)
  }

  @Test func gatesAreExplainedInJSON() throws {
    let scenario = try DiffScenario(Self.priceRise)
    defer { scenario.remove() }
    let result = try scenario.diff([
      "old", "new", "--format", "json", "--fail-on", "increase:10,removal",
    ])
    #expect(result.status == 1)
    let document =
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let gates = document?["gates"] as? [[String: Any]]
    #expect(gates?.map { $0["gate"] as? String } == ["increase:10", "removal"])
    #expect(gates?.map { $0["tripped"] as? Bool } == [true, false])
    #expect(
      (gates?.first?["because"] as? String)
        == "yunke-crm/subscription/edition=enterprise,support=standard month price 299.00 -> 329.00 (+30.00, +10.0%) (and 1 more)"
    )
    try expectValidDiffJSON(result.stdout)
  }

  @Test(arguments: [
    "increase", "increase:abc", "increase:5%", "decrease:-1", "removals", "", "any,,removal",
  ])
  func invalidGateExitsTwo(_ gates: String) throws {
    let result = try skuc(["diff", Paths.catalogs, Paths.catalogs, "--fail-on", gates])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("skuc: error: "))
  }

  // MARK: Failures

  @Test func sideWithErrorsPrintsItsDiagnostics() throws {
    let scenario = try DiffScenario([
      Edit(file: Self.crm, find: "currency: CNY", replace: "currency: RMB")
    ])
    defer { scenario.remove() }
    let text = try scenario.diff(["old", "new"])
    #expect(text.status == 1)
    #expect(text.stdout.isEmpty)
    #expect(text.stderr.contains("new/saas/crm.yaml:8:13: error["), "\(text.stderr)")
    let json = try scenario.diff(["old", "new", "--format", "json", "--diagnostics-format", "json"])
    #expect(json.status == 1)
    #expect(json.stdout.isEmpty)
    let diagnostics =
      try JSONSerialization.jsonObject(with: Data(json.stderr.utf8)) as? [[String: Any]]
    #expect(diagnostics?.first?["file"] as? String == "new/saas/crm.yaml")
    let github = try scenario.diff(["new", "old", "--diagnostics-format", "github"])
    #expect(github.status == 1)
    #expect(github.stderr.contains("::error file=new/saas/crm.yaml,line=8,col=13"))
    let twice = try scenario.diff(["new", "new"])
    #expect(twice.status == 1)
    #expect(twice.stderr.hasSuffix("\n1 error generated\n"), "the same side is reported once")
  }

  @Test func missingSideExitsTwo() throws {
    let result = try skuc(["diff", "/nonexistent/old", Paths.catalogs])
    #expect(result.status == 2)
    #expect(result.stderr.contains("does not exist"))
  }

  // MARK: git

  /// A repository with the catalogs committed twice: the second commit raises a price.
  private func repository() throws -> URL {
    let root = try Paths.temporaryDirectory()
    try FileManager.default.copyItem(
      atPath: Paths.catalogs, toPath: root.appendingPathComponent("Catalogs").path)
    try git(["init", "-q"], in: root)
    try git(["add", "-A"], in: root)
    try git(["commit", "-q", "-m", "catalogs"], in: root)
    let crm = root.appendingPathComponent("Catalogs/" + Self.crm)
    let text = try String(contentsOf: crm, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "enterprise: 299", with: "enterprise: 329").utf8).write(
      to: crm)
    try git(["commit", "-q", "-am", "raise enterprise"], in: root)
    return root
  }

  private func git(_ arguments: [String], in directory: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      [
        "git", "-c", "user.name=skuc tests", "-c", "user.email=tests@skuc.invalid", "-c",
        "commit.gpgsign=false",
      ] + arguments
    process.currentDirectoryURL = directory
    try process.run()
    process.waitUntilExit()
    if process.terminationStatus != 0 { throw TestFailure("git \(arguments) failed") }
  }

  @Test func gitRevisionAgainstTheWorkingTree() throws {
    let root = try repository()
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try skuc(["diff", "git:HEAD~1", "Catalogs"], in: root)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.hasPrefix("2 SKUs repriced (+10.0% max, +4.6% min)\n"), "\(result.stdout)")
    #expect(try skuc(["diff", "git:HEAD", "Catalogs"], in: root).stdout == "no changes\n")
    #expect(
      try skuc(["diff", "git:HEAD~1:Catalogs", "git:HEAD"], in: root).stdout == result.stdout)
    #expect(
      try skuc(["diff", "git:HEAD~1", "git:HEAD", "--fail-on", "increase:5"], in: root).status == 1)
  }

  @Test func gitSideWithErrorsNamesRevisionPaths() throws {
    let root = try repository()
    defer { try? FileManager.default.removeItem(at: root) }
    let crm = root.appendingPathComponent("Catalogs/" + Self.crm)
    let text = try String(contentsOf: crm, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "currency: CNY", with: "currency: RMB").utf8).write(
      to: crm)
    try git(["commit", "-q", "-am", "break"], in: root)
    let result = try skuc(["diff", "git:HEAD~1", "git:HEAD"], in: root)
    #expect(result.status == 1)
    #expect(result.stderr.contains("HEAD:Catalogs/saas/crm.yaml:8:13: error["), "\(result.stderr)")
  }

  @Test func badRevisionOrNoGitExitsTwo() throws {
    let root = try repository()
    defer { try? FileManager.default.removeItem(at: root) }
    let unknown = try skuc(["diff", "git:no-such-rev", "Catalogs"], in: root)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("unknown revision 'no-such-rev'"))
    let noGit = try skuc(
      ["diff", "git:HEAD", "Catalogs"], in: root, environment: ["PATH": root.path])
    #expect(noGit.status == 2)
    #expect(noGit.stderr.contains("no git executable"))
    let outside = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: outside) }
    let notRepository = try skuc(["diff", "git:HEAD", Paths.catalogs], in: outside)
    #expect(notRepository.status == 2)
    #expect(notRepository.stderr.contains("not a git repository"))
  }
}
