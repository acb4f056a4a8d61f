import ArgumentParser
import SkuCompiler

// The one place that owns the process: it parses the command line, runs the command, prints
// every error and maps every outcome to an exit status. argument-parser exits 64 on a usage
// error; spec §12 wants 2.
SignalHandlers.install()
let streams = StandardStreams.shared
var status: Int32
do {
  try Skuc.rejectHelpForUnknownCommand(Array(CommandLine.arguments.dropFirst()))
  var command = try Skuc.parseAsRoot()
  try command.run()
  status = ExitStatus.success.rawValue
} catch let error as UsageError {
  // Messages quote paths and names from the catalog tree, which may hold escape bytes.
  streams.write(
    "skuc: error: \(error.message.escapingControlCharacters)\n", to: .standardError)
  status = ExitStatus.usageOrEnvironment.rawValue
} catch {
  let code = Skuc.exitCode(for: error)
  let message = Skuc.fullMessage(for: error)
  if !message.isEmpty {
    streams.write(message + "\n", to: code == .success ? .standardOutput : .standardError)
  }
  status = code == .validationFailure ? ExitStatus.usageOrEnvironment.rawValue : code.rawValue
}
// A command that wrote files reports a failed stdout itself (with what it wrote); any other
// lost output is reported here. A reader that went away (EPIPE) is no failure at all.
if let failure = streams.outputFailure, status != ExitStatus.usageOrEnvironment.rawValue {
  streams.write("skuc: error: \(failure)\n", to: .standardError)
  status = ExitStatus.usageOrEnvironment.rawValue
}
Skuc.exit(withError: ExitCode(status))
