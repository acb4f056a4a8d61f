import Foundation
import Testing

/// Reliability H6 and H7 end to end (spec §15, ids and names): product ids that would collide
/// with output files, look-alike value names, and invisible characters in names are check
/// errors at the id or name.
@Suite("Ids and names", .serialized)
struct IdsAndNamesTests {
  static func catalog(
    id: String = "p", basic: String = "Basic", basicZh: String = "基础版"
  )
    -> String
  {
    """
    skuc: 1
    product:
      id: \(id)
      type: saas
      name: {zh-CN: 产品, en-US: Product}
      currency: CNY
    attributes:
      edition:
        type: enum
        name: {zh-CN: 版本类型, en-US: Edition}
        values:
          basic: {zh-CN: 基础版, en-US: Basic}
          fake: {zh-CN: "\(basicZh)", en-US: "\(basic)"}
    specs:
      s:
        name: {zh-CN: 规格, en-US: Spec}
        billing: one-time
        attributes: [edition]
        pricing:
          - add: {by: edition, table: {basic: 10, fake: 20}}

    """
  }

  func check(_ text: String) throws -> (WatchedRun, String) {
    let temp = try Paths.temporaryDirectory()
    let file = temp.appendingPathComponent("p.yaml")
    try Data(text.utf8).write(to: file)
    let run = try watchedSkuc(["check", file.path])
    try? FileManager.default.removeItem(at: temp)
    return (run, file.path)
  }

  @Test(arguments: ["manifest", "con", "nul", "com1", "lpt9", "aux", "prn"])
  func aProductIdThatNamesNoPayloadFileIsAnErrorAtTheId(id: String) throws {
    let (run, file) = try check(Self.catalog(id: id, basic: "Other", basicZh: "其他"))
    #expect(run.status == 1, "\(run.summary)")
    #expect(
      errorLines(run).first?.hasPrefix(
        "\(file):3:7: error[M220]: the product id '\(id)' ") == true, "\(run.stderr)")
  }

  @Test func theSameCatalogWithAnOrdinaryIdPasses() throws {
    let (run, _) = try check(Self.catalog(basic: "Other", basicZh: "其他"))
    #expect(run.status == 0, "\(run.summary)")
  }

  @Test func namesThatLookAlikeCollide() throws {
    let (run, file) = try check(Self.catalog(basic: "B\u{0430}sic", basicZh: "其他"))
    #expect(run.status == 1, "\(run.summary)")
    #expect(
      errorLines(run).map(String.init) == [
        "\(file):13:13: error[M205]: attribute 'edition': the values 'basic' and 'fake' have en-US names that look the same: 'Basic' and 'B\u{0430}sic'"
      ], "\(run.stderr)")
  }

  @Test func aZeroWidthSpaceIsAnErrorAtTheName() throws {
    let (run, file) = try check(Self.catalog(basic: "Other", basicZh: "基础\\u200b版"))
    #expect(run.status == 1, "\(run.summary)")
    let errors = errorLines(run).map(String.init)
    #expect(
      errors.contains(
        "\(file):13:21: error[M221]: attribute 'edition' value 'fake' (zh-CN) contains the invisible character U+200B (ZERO WIDTH SPACE)"
      ), "\(run.stderr)")
  }

  @Test func aBidiOverrideInANameIsAnError() throws {
    let (run, file) = try check(Self.catalog(basic: "Pro\\u202Eorp", basicZh: "其他"))
    #expect(run.status == 1, "\(run.summary)")
    #expect(
      errorLines(run).contains {
        $0.hasPrefix("\(file):13:") && $0.contains("error[M221]")
          && $0.contains("U+202E (RIGHT-TO-LEFT OVERRIDE)")
      }, "\(run.stderr)")
  }
}
