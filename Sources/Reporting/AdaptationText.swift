public import Templates

extension Reporting {
    /// What an adaptation changed, in Polish and in the programme's own names (see
    /// ``Templates/Adaptation/polishSummary(names:)``).
    public static func polishSummary(_ adaptation: Adaptation, names: [String: String]) -> String {
        adaptation.polishSummary(names: names)
    }
}
