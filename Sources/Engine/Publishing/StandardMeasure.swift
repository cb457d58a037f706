/// The measures every adoption publishes besides its programme's own indicators.
public enum StandardMeasure {
    /// Measure ids in report order, with their Polish names.
    public static let all: [(id: String, label: String)] = [
        ("target", "cel lokalny (liczba)"),
        ("enrolled", "objęci wsparciem"),
        ("reach", "zasięg wobec celu"),
        ("retained", "pozostali w programie"),
        ("dropped-out", "rezygnacje"),
        ("retention", "utrzymanie uczestników"),
        ("completed", "ukończyli minimalny okres udziału"),
        ("not-completed", "nie ukończyli (jeszcze) minimalnego okresu"),
        ("completion", "ukończenie minimalnego okresu udziału"),
        ("fidelity", "wierność modelowi (0–100)"),
        ("adherence", "zrealizowane komponenty rdzenia"),
        ("dose-months", "otrzymana dawka (miesiące)"),
        ("sessions-per-subject", "zajęcia na uczestnika"),
        ("network-actions-per-network-year", "działania sieci na sieć i rok"),
        ("expenditure", "wydatki (PLN)"),
        ("cost-per-subject", "koszt na uczestnika (PLN)"),
    ]

    /// The Polish name of a standard measure.
    public static func label(_ id: String) -> String { all.first { $0.id == id }?.label ?? id }
}
