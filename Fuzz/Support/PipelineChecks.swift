import Foundation

@testable import SkuCompiler

/// Compiles one in-memory catalog file, renders its diagnostics in every format and emits its
/// payloads, checking what every caller relies on: a compilation has a catalog exactly when it
/// has no errors, every diagnostic points into the file, and every emitted file is JSON whose
/// manifest hashes match the payload bytes.
func compileAndCheck(_ bytes: [UInt8], path: String = "fuzz.yaml") {
  let compilation = Pipeline.compile(
    CatalogTreeReading(files: [CatalogSourceFile(path: path, bytes: bytes)], diagnostics: []))
  checkDiagnostics(compilation, path: path, bytes: bytes)
  for format in DiagnosticFormat.allCases {
    let text = DiagnosticRenderer(format: format, sources: [path: bytes])
      .render(compilation.diagnostics)
    require(compilation.diagnostics.isEmpty || !text.isEmpty, "\(format) rendered nothing")
  }
  if let catalog = compilation.catalog {
    checkPayloads(Emitter.emit(catalog))
  }
}

private func checkDiagnostics(_ compilation: Compilation, path: String, bytes: [UInt8]) {
  let errors = compilation.diagnostics.filter { $0.severity == .error }.count
  require(errors == compilation.errorCount, "errorCount \(compilation.errorCount) != \(errors)")
  require(
    (compilation.catalog == nil) == (errors > 0),
    "catalog present: \(compilation.catalog != nil), errors: \(errors)")
  let lines = lineCount(bytes)
  for diagnostic in compilation.diagnostics {
    require(!diagnostic.message.isEmpty, "empty message for \(diagnostic.code)")
    guard let range = diagnostic.range else { continue }
    for location in [range.start, range.end] {
      require(range.file == path, "diagnostic in \(range.file)")
      require(location.line >= 1 && location.column >= 1, "position \(location) in \(diagnostic)")
      require(
        location.line <= lines || isEndOfStreamMark(location, lines: lines, bytes: bytes),
        "line \(location.line) past the end")
      require(
        location.offset >= 0 && location.offset <= bytes.count,
        "offset \(location.offset) outside 0...\(bytes.count)")
    }
  }
}

/// Lines as libyaml counts them (LF, CR and CRLF end a line), including a last line without
/// a line break, plus the empty line after a final break.
private func lineCount(_ bytes: [UInt8]) -> Int {
  var lines = 1
  for (index, byte) in bytes.enumerated() {
    if byte == 0x0D || (byte == 0x0A && (index == 0 || bytes[index - 1] != 0x0D)) { lines += 1 }
  }
  return lines
}

/// libyaml ends a stream whose last line has no line break on the line after it, column 1, and
/// syntax errors found at the end of the file are reported there (docs/robustness.md).
private func isEndOfStreamMark(_ location: SourceLocation, lines: Int, bytes: [UInt8]) -> Bool {
  location.line == lines + 1 && location.column == 1 && location.offset == bytes.count
}

private func checkPayloads(_ set: PayloadSet) {
  var hashes: [String: String] = [:]
  for file in set.payloads {
    hashes[file.name] = SHA256Digest.hex(of: file.bytes)
    require(parsesAsJSON(file.bytes), "payload \(file.name) is not JSON")
  }
  require(parsesAsJSON(set.manifest.bytes), "the manifest is not JSON")
  guard
    let manifest = try? JSONSerialization.jsonObject(with: Data(set.manifest.bytes))
      as? [String: Any],
    let products = manifest["products"] as? [[String: Any]]
  else {
    fatalError("manifest shape")
  }
  require(products.count == set.payloads.count, "manifest lists \(products.count) products")
  for entry in products {
    guard let file = entry["file"] as? String, let hash = entry["sha256"] as? String else {
      fatalError("manifest entry \(entry)")
    }
    require(hashes[file] == hash, "manifest hash of \(file)")
  }
}

private func parsesAsJSON(_ bytes: [UInt8]) -> Bool {
  (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
}
