import Testing

extension Tag {
  /// Suites that take tens of seconds or more (fault injection at the limits, crash safety, a
  /// browser, Python oracles, large inputs). `make test-fast` skips them; `make test` runs all.
  @Tag static var slow: Self
}
