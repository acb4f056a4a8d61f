@testable import SkuCompiler

/// The whole compiler from bytes to payload: the input is one catalog file, compiled, its
/// diagnostics rendered and its payloads emitted (`compileAndCheck`). Byte-level mutation
/// mostly exercises the front end; the `catalog` target reaches the later stages.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  compileAndCheck(Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}
