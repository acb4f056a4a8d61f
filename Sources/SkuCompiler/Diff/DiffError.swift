/// Why one side of a diff cannot be read or a gate cannot be parsed. Diff is a library stage:
/// it names the file and place of the problem, and the driver decides it is a usage error
/// (exit 2).
public struct DiffError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
