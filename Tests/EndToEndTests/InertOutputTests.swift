import Foundation
import Testing

/// Reliability H8 and H11 end to end: names a spreadsheet would run are neutralised in
/// `matrix --format csv`, and control characters in file names and names never reach an output
/// raw (they are written `\u{1B}`).
@Suite("Inert outputs", .serialized)
struct InertOutputTests {
  /// Values whose default-locale (zh-CN) names are `names`, in a one-attribute catalog.
  static func catalog(_ names: [String]) -> String {
    let values = names.enumerated().map { index, name in
      "      v\(index): {zh-CN: \"\(name)\", en-US: \"Value \(index)\"}"
    }.joined(separator: "\n")
    let table = names.indices.map { "v\($0): 10" }.joined(separator: ", ")
    return """
      skuc: 1
      product:
        id: p
        type: saas
        name: {zh-CN: 产品, en-US: Product}
        currency: CNY
      attributes:
        edition:
          type: enum
          name: {zh-CN: 版本类型, en-US: Edition}
          values:
      \(values)
      specs:
        s:
          name: {zh-CN: 规格, en-US: Spec}
          billing: one-time
          attributes: [edition]
          pricing:
            - add: {by: edition, table: {\(table)}}

      """
  }

  func tree(_ files: [String: String]) throws -> URL {
    let root = try Paths.temporaryDirectory()
    for (name, text) in files {
      try Data(text.utf8).write(to: root.appendingPathComponent(name))
    }
    return root
  }

  @Test func formulaCellsAreNeutralisedInCSV() throws {
    let root = try tree([
      "p.yaml": Self.catalog([
        #"=HYPERLINK(\"http://evil\")"#, "@SUM(A1)", "+1", "-1", #"\tTab"#, "Plain",
      ])
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try skuc(["matrix", root.path, "--format", "csv"])
    #expect(run.status == 0, "\(run.stderr)")
    let names = run.stdout.split(separator: "\n").dropFirst().map { $0.prefix { $0 != "," } }
    #expect(
      run.stdout.contains(#""'=HYPERLINK(""http://evil"")","#)
        && run.stdout.contains(#""'@SUM(A1)","#)
        && run.stdout.contains(#""'+1","#) && run.stdout.contains(#""'-1","#)
        && run.stdout.contains(#""'\u{9}Tab","#) && run.stdout.contains("\nPlain,"),
      "\(run.stdout)")
    #expect(!names.contains { $0.first == "=" || $0.first == "@" || $0.first == "+" })
  }

  @Test func controlCharactersInFileNamesAndNamesAreEscapedInEveryTextOutput() throws {
    let root = try tree([
      "bad\u{1B}[2J.yaml": "skuc: 1\nproduct: [\n",
      "p.yaml": Self.catalog([#"Red\e[31m"#, "Blue"]),
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    for format in ["text", "github"] {
      let run = try skuc(["check", root.path, "--format", format])
      #expect(run.status == 1)
      #expect(!(run.stdout + run.stderr).contains("\u{1B}"), "\(format)")
      #expect((run.stdout + run.stderr).contains(#"bad\u{1B}[2J.yaml"#), "\(format): \(run.stderr)")
    }
    try FileManager.default.removeItem(at: root.appendingPathComponent("bad\u{1B}[2J.yaml"))
    for format in ["table", "csv"] {
      let run = try skuc(["matrix", root.path, "--format", format])
      #expect(run.status == 0, "\(run.stderr)")
      #expect(!run.stdout.contains("\u{1B}"), "\(format)")
      #expect(run.stdout.contains(#"Red\u{1B}[31m"#), "\(format): \(run.stdout)")
    }
    let page = root.appendingPathComponent("report.html")
    let report = try skuc(["report", root.path, "--out", page.path])
    #expect(report.status == 0, "\(report.stderr)")
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(!html.contains("\u{1B}"))
    #expect(html.contains(#"Red\u{1B}[31m"#))
  }

  @Test func controlCharactersInNamesAreEscapedInDiffAndChecklist() throws {
    let old = try tree(["p.yaml": Self.catalog([#"Red\e[31m"#, "Blue"])])
    let new = try tree(["p.yaml": Self.catalog([#"Red\e[31m"#, #"Blue\a\e]0;x"#])])
    defer {
      try? FileManager.default.removeItem(at: old)
      try? FileManager.default.removeItem(at: new)
    }
    for format in ["text", "markdown"] {
      let run = try skuc(["diff", old.path, new.path, "--format", format])
      #expect(run.status == 0, "\(run.stderr)")
      #expect(!run.stdout.contains("\u{1B}") && !run.stdout.contains("\u{7}"), "\(format)")
      #expect(run.stdout.contains(#"u{7}"#), "\(format): \(run.stdout)")
      let checklist = try skuc(["checklist", new.path, "--product", "p", "--format", format])
      #expect(checklist.status == 0, "\(checklist.stderr)")
      #expect(!checklist.stdout.contains("\u{1B}"), "\(format)")
      #expect(checklist.stdout.contains(#"u{1B}"#), "\(format): \(checklist.stdout)")
    }
  }
}
