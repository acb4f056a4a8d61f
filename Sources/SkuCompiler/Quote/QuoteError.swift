/// Why a quote request names no sellable configuration: an unknown id, a value the rules
/// removed, a quantity off the grid. The message names the nearest valid choices (spec §13);
/// the driver reports it as a usage error (exit 2), because the request is wrong, not the
/// catalog.
package struct QuoteError: Error, Sendable, CustomStringConvertible {
  package var message: String

  init(_ message: String) {
    self.message = message
  }

  init(lookup: CatalogLookup.UnknownID) {
    message = lookup.message
  }

  package var description: String { message }
}
