import Foundation
import Testing

/// The binary `make install` puts in place runs without a Swift toolchain. The static release
/// build takes minutes, so this test uses one only when `make static` (or `make install`) has
/// made it; `make install-check` runs the same script on the installed binary.
@Suite struct InstallTests {
  static let staticSkuc = Paths.packageRoot.appendingPathComponent(".build-static/release/skuc")
    .path

  @Test(
    "the static release skuc loads no Swift runtime and checks Catalogs/",
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: staticSkuc),
      "no static release build; run make static (several minutes) to enable"))
  func staticBinaryNeedsNoSwiftRuntime() throws {
    let ldd = try runProcess("/usr/bin/env", ["ldd", Self.staticSkuc])
    #expect(ldd.status == 0)
    #expect(!ldd.stdout.contains("libswiftCore.so"), "\(ldd.stdout)")
    #expect(ldd.stdout.contains("libyaml"))
    let check = try runProcess(
      Paths.packageRoot.appendingPathComponent("Tests/Scripts/install-check.sh").path,
      [Self.staticSkuc, "Catalogs"], in: Paths.packageRoot)
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout.contains("needs no Swift runtime and checks Catalogs"))
  }

  @Test func installCheckRefusesABinaryThatLoadsTheSwiftRuntime() throws {
    // The debug skuc links libswiftCore.so dynamically: the check must catch that.
    let check = try runProcess(
      Paths.packageRoot.appendingPathComponent("Tests/Scripts/install-check.sh").path,
      [Paths.skuc, "Catalogs"], in: Paths.packageRoot)
    #expect(check.status == 1)
    #expect(check.stderr.contains("loads the Swift runtime"))
  }
}
