import Templates

/// The little Polish grammar that findings and reports need: the plural form that follows a
/// number, and the names of network actions.
public enum PolishGrammar {
    /// A number with the noun form Polish puts after it: 1 miesiąc, 2 miesiące, 5 miesięcy,
    /// 22 miesiące, 12 miesięcy.
    public static func count(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        "\(n) " + PolishWords.form(n, one, few, many)
    }

    /// A number of months: 1 miesiąc, 3 miesiące, 18 miesięcy.
    public static func months(_ n: Int) -> String { count(n, "miesiąc", "miesiące", "miesięcy") }

    /// The Polish name of a kind of network action.
    public static func actionType(_ id: String) -> String { PolishWords.word(id, in: PolishWords.actionTypes) }
}
