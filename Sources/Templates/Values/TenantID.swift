/// Rules for a tenant's id. The id names the municipality's database schema (`t_<id>`) and
/// role, so it is deliberately narrow: nothing that could need quoting, nothing that differs
/// only by case, nothing outside ASCII.
public enum TenantID {
    /// `[a-z][a-z0-9_]{1,40}`.
    public static let pattern = "^[a-z][a-z0-9_]{1,40}$"

    /// The longest id; with the role's prefix it must fit PostgreSQL's 63-byte names.
    public static let maximumLength = 41

    /// True if `text` is a valid tenant id.
    public static func isValid(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard (2...maximumLength).contains(scalars.count), let first = scalars.first, ("a"..."z").contains(first) else { return false }
        return scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// A suggestion for an invalid id, or the rule in words.
    public static func hint(for text: String) -> String {
        let folded = text.lowercased()
            .applyingPolishTransliteration()
            .map { $0 == "-" || $0 == " " ? "_" : $0 }
        let candidate = String(folded)
        if isValid(candidate) { return "did you mean '\(candidate)'?" }
        return "use 2 to 41 lowercase letters a-z, digits and underscores, starting with a letter (no Polish letters, hyphens, dots or slashes)"
    }
}

extension String {
    /// Polish letters replaced by their plain Latin counterparts: "Białystok" → "Bialystok".
    func applyingPolishTransliteration() -> String {
        let map: [Character: String] = [
            "ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z",
            "Ą": "A", "Ć": "C", "Ę": "E", "Ł": "L", "Ń": "N", "Ó": "O", "Ś": "S", "Ź": "Z", "Ż": "Z",
        ]
        return String(flatMap { map[$0] ?? String($0) })
    }
}
