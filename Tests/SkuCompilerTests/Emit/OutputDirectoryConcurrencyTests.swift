import Foundation
import Synchronization
import Testing

@testable import SkuCompiler

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("Output directory: concurrency and interrupts", .timeLimit(.minutes(1)))
struct OutputDirectoryConcurrencyTests {
  @Test func theNextRunRemovesAStaleStagingDirectory() throws {
    let temporary = try TemporaryDirectory()
    let output = OutputDirectory(path: temporary.url("out"))
    try replace(output, with: ["crm.json": "1"])
    try temporary.write(".out.skuc-staging-0123abcd/crm.json", "half written")
    try temporary.write(".out.skuc-staging-0123abcd/nested/x", "x")
    try temporary.write(".other.skuc-staging-99/keep.json", "another DIR's")
    try replace(output, with: ["crm.json": "2"])
    #expect(try temporary.names() == [".other.skuc-staging-99", "out"])
  }

  @Test func aLiveStagingDirectoryOfAnotherBuildIsNotRemoved() throws {
    let temporary = try TemporaryDirectory()
    try temporary.write(".out.skuc-staging-live/crm.json", "being written")
    let descriptor = open(temporary.url(".out.skuc-staging-live"), O_RDONLY | O_DIRECTORY)
    defer { close(descriptor) }
    #expect(flock(descriptor, LOCK_EX) == 0)
    try replace(OutputDirectory(path: temporary.url("out")), with: ["crm.json": "1"])
    #expect(try temporary.names() == [".out.skuc-staging-live", "out"])
    #expect(
      try temporary.snapshot(".out.skuc-staging-live") == ["crm.json": Array("being written".utf8)])
  }

  @Test func concurrentBuildsIntoOneDirectoryEndWithOneCompleteVersion() throws {
    for round in 0..<6 {
      let temporary = try TemporaryDirectory()
      if round % 2 == 1 {
        try replace(OutputDirectory(path: temporary.url("out")), with: ["old.json": "old"])
      }
      let versions = ["a", "b"].map { tag in
        Dictionary(uniqueKeysWithValues: (0..<15).map { ("\(tag)-\($0).json", "\(tag) \($0)") })
      }
      let failures = Mutex<[String]>([])
      DispatchQueue.concurrentPerform(iterations: 2) { index in
        do {
          try OutputDirectory(path: temporary.url("out")).replaceContents { writer in
            for (name, text) in versions[index].sorted(by: { $0.key < $1.key }) {
              try writer.write(name, Array(text.utf8))
              usleep(200)
            }
            try writer.write("manifest.json", manifest(for: versions[index]))
          }
        } catch {
          failures.withLock { $0.append("\(error)") }
        }
      }
      #expect(failures.withLock { $0 } == [])
      let result = try temporary.snapshot("out")
      let expected = versions.map { version in
        version.mapValues { Array($0.utf8) }.merging(["manifest.json": manifest(for: version)]) {
          $1
        }
      }
      #expect(
        result == expected[0] || result == expected[1], "round \(round): \(result.keys.sorted())")
      #expect(try temporary.names() == ["out"])
    }
  }

  @Test func anInterruptRemovesTheLiveStagingDirectoryAndStopsTheWriter() throws {
    let temporary = try TemporaryDirectory()
    var output = OutputDirectory(path: temporary.url("out"))
    output.registry = StagingRegistry()
    try replace(output, with: ["crm.json": "old"])
    let before = try temporary.snapshot("out")
    do {
      try output.replaceContents { writer in
        try writer.write("crm.json", Array("new".utf8))
        #expect(try stagingLeftovers(in: temporary).count == 1)
        var exited = false
        output.registry.terminate(then: { exited = true })
        #expect(exited)
        #expect(try stagingLeftovers(in: temporary).isEmpty)
        try writer.write("more.json", Array("new".utf8))
        Issue.record("a write after the interrupt succeeded")
      }
      Issue.record("the interrupted build succeeded")
    } catch let error as OutputError {
      #expect(error.message == "interrupted")
    }
    #expect(try temporary.snapshot("out") == before)
    #expect(try stagingLeftovers(in: temporary).isEmpty)
    #expect(output.registry.livePaths.isEmpty)
  }

  @Test func theRegistryForgetsFinishedBuilds() throws {
    let temporary = try TemporaryDirectory()
    var output = OutputDirectory(path: temporary.url("out"))
    output.registry = StagingRegistry()
    try output.replaceContents { writer in
      #expect(output.registry.livePaths.count == 1)
      try writer.write("manifest.json", ourManifest)
    }
    #expect(output.registry.livePaths.isEmpty)
  }

  @Test func stagingNamesStayWithinNameMax() {
    let long = String(repeating: "é", count: 127)
    let output = OutputDirectory(path: "/tmp/" + long)
    #expect(output.stagingPrefix.utf8.count + 16 <= 255)
    #expect(output.stagingPrefix.hasPrefix(".éé"))
    #expect(output.stagingPrefix.hasSuffix(".skuc-staging-"))
  }
}
