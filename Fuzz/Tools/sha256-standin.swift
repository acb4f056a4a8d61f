@testable import SkuCompiler

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Prints `<sha256>  <path>` for each file argument, like `sha256sum`, using the fuzz build's
/// stand-in digest, so that `Fuzz/smoke.sh` can compare the two outputs. Files are read with
/// plain POSIX calls: this binary runs under AddressSanitizer's leak checker.
@main enum SHA256StandIn {
  static func main() {
    for path in CommandLine.arguments.dropFirst() {
      let descriptor = open(path, O_RDONLY)
      guard descriptor >= 0 else {
        print("sha256-standin: cannot open \(path)")
        exit(2)
      }
      var bytes: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 65536)
      while true {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { break }
        bytes.append(contentsOf: buffer[0..<count])
      }
      close(descriptor)
      print("\(SHA256Digest.hex(of: bytes))  \(path)")
    }
  }
}
