/// Every diagnostic skuc can report, with its stable code.
///
/// Codes never change meaning once released: CI scripts and editor integrations match on
/// them. The letter says which stage found the problem: `Y` the YAML front end and file tree,
/// `T` scalar typing and document shape, `M` the product model, `R` rules and expansion,
/// `P` pricing, `C` pricing checks. `docs/diagnostics.md` documents each code, and a test
/// keeps the two in step.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable {
  // MARK: Files and YAML (spec §1)
  case fileTooLarge = "Y001"
  case invalidUTF8 = "Y002"
  case unsupportedEncoding = "Y003"
  case misplacedByteOrderMark = "Y004"
  case forbiddenCharacter = "Y005"
  case syntaxError = "Y010"
  case tabIndentation = "Y011"
  case emptyDocument = "Y012"
  case multipleDocuments = "Y013"
  case anchorOrAlias = "Y014"
  case tag = "Y015"
  case mergeKey = "Y016"
  case directive = "Y017"
  case duplicateKey = "Y018"
  case nonScalarKey = "Y019"
  case nestingTooDeep = "Y020"
  case keyTooLong = "Y021"
  case unreadableFile = "Y030"
  case emptyCatalogTree = "Y031"
  case linkLeavesRoot = "Y040"
  case directoryReachedTwice = "Y041"
  case tooManyTreeEntries = "Y042"

  // MARK: Typing and document shape (spec §2, §3)
  case wrongNodeKind = "T101"
  case unknownKey = "T102"
  case missingKey = "T103"
  case invalidID = "T104"
  case invalidInteger = "T105"
  case invalidDecimal = "T106"
  case tooManyDecimals = "T107"
  case invalidLocalizedText = "T108"
  case invisibleCharacter = "T109"
  case valueOutOfRange = "T110"
  case invalidChoice = "T111"
  case unknownCurrency = "T112"
  case invalidLocale = "T113"
  case emptyList = "T114"
  case duplicateListItem = "T115"

  // MARK: Product model (spec §4, §5, §6, §9)
  case unsupportedLanguageVersion = "M201"
  case duplicateProductID = "M202"
  case reservedName = "M203"
  case enumValueCount = "M204"
  case duplicateValueName = "M205"
  case invalidQuantityRange = "M206"
  case billingNotAllowed = "M207"
  case periodsMisuse = "M208"
  case trialNotAllowed = "M209"
  case usageUnitMisuse = "M210"
  case unknownAttribute = "M211"
  case noSpecs = "M212"
  case unknownLimit = "M213"
  case periodNotAvailable = "M214"

  // MARK: Rules and expansion (spec §7, §9)
  case unknownValue = "R301"
  case periodInRule = "R302"
  case whenOnForbid = "R303"
  case invalidRule = "R304"
  case ruleHasNoEffect = "R305"
  case rulesRemoveEverything = "R306"
  case valueNeverUsed = "R307"
  case invalidLimitRange = "R308"
  case limitMatchesNothing = "R309"
  case limitOnNonQuantity = "R310"
  case tooManySkus = "R311"
  case matrixTooLarge = "R312"
  case attributeNotInSpec = "R313"
  case skuCodeCollision = "R314"
  case catalogTooLarge = "R320"

  // MARK: Pricing (spec §8)
  case invalidStep = "P401"
  case perNotQuantity = "P402"
  case modelMisuse = "P403"
  case invalidTiers = "P404"
  case invalidTableKey = "P405"
  case tableShape = "P406"
  case tableNoMatch = "P407"
  case tableEntryUnused = "P408"
  case negativeAmount = "P409"
  case freeListing = "P410"
  case exactRangeExceeded = "P411"
  case tierNeverApplies = "P412"

  // MARK: Pricing checks (spec §10)
  case monotonicViolated = "C501"
  case ratioViolated = "C502"
  case boundsViolated = "C503"
  case ratioZeroDenominator = "C504"
  case invalidCheck = "C505"
}
