import ArgumentParser
import SkuCompiler

// argument-parser exits 64 on a usage error; spec §12 wants 2. So the entry point parses and
// runs the command itself and maps the exit codes.
InterruptHandling.install()
do {
  var command = try Skuc.parseAsRoot()
  try command.run()
} catch {
  let code = Skuc.exitCode(for: error)
  let message = Skuc.fullMessage(for: error)
  if !message.isEmpty {
    Terminal.write(message + "\n", to: code == .success ? .output : .error)
  }
  Skuc.exit(withError: code == .validationFailure ? ExitCode(2) : code)
}
