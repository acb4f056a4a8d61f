/// Structured catalogs from bytes (`CatalogFromBytes`) through the whole pipeline: reaches
/// expansion, pricing arithmetic and checks with boundary numbers, where byte mutations of YAML
/// rarely get past the front end.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCatalog(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var builder = CatalogFromBytes(FuzzBytes(Array(UnsafeBufferPointer(start: data, count: size))))
  compileAndCheck(Array(builder.yaml().utf8))
  return 0
}
