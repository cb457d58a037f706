/// Text in Polish, optionally with English and German versions.
///
/// Written as a plain string (Polish) or as `{pl: …, en: …, de: …}`.
public struct LocalizedText: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Polish, always present.
    public var pl: String
    /// English, if given.
    public var en: String?
    /// German, if given (Sojusz dla Rodziny has a German partner).
    public var de: String?

    /// Text in Polish, with optional translations.
    public init(pl: String, en: String? = nil, de: String? = nil) {
        self.pl = pl
        self.en = en
        self.de = de
    }

    /// The text in a language, falling back to Polish.
    public func text(in language: String) -> String {
        switch language {
        case "en": en ?? pl
        case "de": de ?? en ?? pl
        default: pl
        }
    }

    public var description: String { pl }
}
