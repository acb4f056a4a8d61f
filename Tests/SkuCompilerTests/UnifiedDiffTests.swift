import Foundation
import TestSupport
import Testing

/// The golden helpers' failure message: the changed lines with three lines of context.
@Suite struct UnifiedDiffTests {
  @Test func oneChangedLineInAHunkWithContext() {
    let expected = (1...12).map(String.init).joined(separator: "\n") + "\n"
    let actual = expected.replacingOccurrences(of: "\n6\n", with: "\nsix\n")
    #expect(
      UnifiedDiff.text(expected: expected, actual: actual, label: "g")
        == """
        --- g (golden)
        +++ g (actual)
        @@ -3,7 +3,7 @@
         3
         4
         5
        -6
        +six
         7
         8
         9
        """)
  }

  @Test func distantChangesMakeTwoHunks() {
    let expected = (1...20).map(String.init).joined(separator: "\n") + "\n"
    let actual = "0\n" + expected.replacingOccurrences(of: "\n19\n", with: "\n")
    #expect(
      UnifiedDiff.text(expected: expected, actual: actual, label: "g")
        == """
        --- g (golden)
        +++ g (actual)
        @@ -1,3 +1,4 @@
        +0
         1
         2
         3
        @@ -16,5 +17,4 @@
         16
         17
         18
        -19
         20
        """)
    #expect(UnifiedDiff.text(expected: expected, actual: expected, label: "g").isEmpty)
  }
}
