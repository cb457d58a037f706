import Foundation

extension Programme {
    /// The resolved programme as stable, pretty-printed JSON with snake_case keys: what
    /// `kokon show --format json` prints.
    public func resolvedJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
