import Engine
public import Templates

extension Reporting {
    /// What an adaptation changed, in Polish and in the programme's own names, e.g.
    /// "nowe działanie „Piknik podwórkowy” w komponencie „Samopomoc sąsiedzka”".
    public static func polishSummary(_ adaptation: Adaptation, names: [String: String]) -> String {
        func name(_ id: String?) -> String { "„" + (id.map { names[$0] ?? $0 } ?? "?") + "”" }
        switch adaptation.change {
        case .dropComponent:
            return "rezygnacja z komponentu \(name(adaptation.component))"
        case .addActivity:
            return "nowe działanie „\(adaptation.activity?.name.pl ?? "?")” w komponencie \(name(adaptation.component))"
        case .caseload:
            return "limit podopiecznych dla roli \(name(adaptation.role)): najwyżej \(adaptation.max.map(String.init) ?? "?")"
        case .minimumDuration:
            return "minimalny czas udziału: " + (adaptation.duration.map(polish) ?? "?")
        }
    }

    static func polish(_ duration: Duration) -> String { duration.polish }
}
