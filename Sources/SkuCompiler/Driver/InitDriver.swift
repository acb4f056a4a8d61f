extension Driver {
  /// `skuc init`: writes a commented starter catalog for `type` into `directory` (created when
  /// missing, its parent must exist). Never overwrites: an existing file is exit 2.
  public static func initCatalog(
    _ directory: String, type: ProductType, output: any OutputSink
  ) throws(UsageError) -> ExitStatus {
    let path: String
    do {
      path = try StarterFile.write(directory: directory, type: type)
    } catch {
      throw UsageError(error.message)
    }
    output.write(
      "wrote \(path)\nnext: edit it, then run `skuc check \(directory)` and `skuc matrix \(directory)`\n",
      to: .standardOutput)
    return .success
  }
}
