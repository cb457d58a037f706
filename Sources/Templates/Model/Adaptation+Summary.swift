extension Adaptation {
    /// What the adaptation changed, in Polish and in the programme's own names, e.g.
    /// "nowe działanie „Piknik podwórkowy” w komponencie „Samopomoc sąsiedzka”".
    public func polishSummary(names: [String: String]) -> String {
        func name(_ id: String?) -> String { "„" + (id.map { names[$0] ?? $0 } ?? "?") + "”" }
        return switch change {
        case .dropComponent: "rezygnacja z komponentu \(name(component))"
        case .addActivity: "nowe działanie „\(activity?.name.pl ?? "?")” w komponencie \(name(component))"
        case .caseload: "limit podopiecznych dla roli \(name(role)): najwyżej \(max.map(String.init) ?? "?")"
        case .minimumDuration: "minimalny czas udziału: " + (duration?.polish ?? "?")
        case .deliveryForm:
            "forma realizacji komponentu \(name(component)): " + PolishWords.words(delivery, in: PolishWords.deliveryForms)
        case .cadence: "częstotliwość komponentu \(name(component)): " + (cadence?.polish ?? "?")
        case .targetGroupCriteria:
            "własne warunki przyjęcia do grupy \(name(targetGroup)): "
                + [
                    requires.map { "wymaga " + $0.map(name).joined(separator: ", ") },
                    excludes.map { "wyklucza " + $0.map(name).joined(separator: ", ") },
                ].compactMap { $0 }.joined(separator: "; ")
        case .indicatorTarget: "własny cel wskaźnika \(name(indicator)): " + (target.map { PolishWords.number($0.value) + ($0.percent ? "%" : "") } ?? "?")
        }
    }
}
