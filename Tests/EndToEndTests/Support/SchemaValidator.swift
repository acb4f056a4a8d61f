import Foundation
import Testing

/// One schema problem as `Tests/Scripts/validate_schemas.py --json` reports it.
struct SchemaProblem: Decodable, CustomStringConvertible {
  var line: Int?
  var column: Int?
  var path: String
  var message: String
  /// Where in the schema the check failed; empty when the file could not be read at all.
  var schemaPath: String

  var description: String {
    let position = line.map { "\($0):\(column ?? 0): " } ?? ""
    return "\(position)\(path.isEmpty ? "(document)" : path): \(message)"
  }
}

/// The schema verdict on one file.
struct SchemaVerdict: Decodable {
  var file: String
  var valid: Bool
  var errors: [SchemaProblem]

  var explanation: String {
    errors.map { "  \($0)" }.joined(separator: "\n")
  }

  /// Whether the schema itself rejects the document, rather than the reader failing on it.
  var rejectedBySchema: Bool {
    errors.contains { !$0.schemaPath.isEmpty }
  }
}

/// Runs the checked-in validator script with `python3`, the way `make test` does.
///
/// The script, not Swift, reads the YAML: it must see the document as an editor running
/// yaml-language-server does (YAML 1.2 core typing), which is what the schemas are written for.
enum SchemaValidator {
  static let script = Paths.packageRoot.appendingPathComponent("Tests/Scripts/validate_schemas.py")
    .path

  private struct Report: Decodable {
    var files: [SchemaVerdict]
  }

  /// Runs the script with `arguments` plus `--json`; verdicts are keyed by file path as given.
  static func verdicts(_ arguments: [String]) throws -> [String: SchemaVerdict] {
    let result = try run(arguments)
    guard result.status == 0 || result.status == 1 else {
      Issue.record(
        "validate_schemas.py exited \(result.status) (is python3 with jsonschema and PyYAML installed? run `make deps`):\n\(result.stderr)"
      )
      return [:]
    }
    let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
    return Dictionary(report.files.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// Runs the script as it is, for its exit status and human-readable output.
  static func run(_ arguments: [String]) throws -> ProcessResult {
    try runProcess(
      "/usr/bin/env", ["python3", script] + arguments,
      environment: ["PYTHONDONTWRITEBYTECODE": "1"])
  }
}

/// The diagnostic codes `skuc check --format json` reports for one file, with its exit status.
struct SkucVerdict {
  var status: Int32
  var codes: [String]
  var messages: [String]

  init(checking file: String) throws {
    let result = try skuc(["check", file, "--format", "json"])
    status = result.status
    let parsed =
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
    let diagnostics = parsed ?? []
    codes = diagnostics.compactMap { $0["code"] as? String }
    messages = diagnostics.map {
      "\($0["code"] as? String ?? "?"): \($0["message"] as? String ?? "")"
    }
  }
}
