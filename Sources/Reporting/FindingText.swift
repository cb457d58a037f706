public import Engine
public import Templates

extension Reporting {
    /// What a finding says, in Polish for reports and English for the terminal, in the
    /// programme's own names (`names`: Polish names by id).
    public static func sentence(_ finding: Finding, names: [String: String]) -> LocalizedText {
        func name(_ id: String) -> String { names[id] ?? id }
        switch finding.facts {
        case .participationEnded(let start, let end, let months, let minimum):
            return LocalizedText(
                pl: "udział trwał \(PolishGrammar.months(months)) (\(start) – \(end)), o \(PolishGrammar.months(minimum - months)) krócej niż wymagane w programie \(minimum)",
                en: "took part \(months) month\(months == 1 ? "" : "s") (\(start) to \(end)), \(minimum - months) short of the \(minimum) the programme requires")
        case .participationCannotReach(let start, let adoptionEnd, let months, let minimum):
            return LocalizedText(
                pl:
                    "udział rozpoczęty \(start) może do końca realizacji (\(adoptionEnd)) trwać tylko \(PolishGrammar.months(months)), o \(PolishGrammar.months(minimum - months)) krócej niż wymagane \(minimum)",
                en: "started on \(start) and can take part only \(months) months before the adoption ends on \(adoptionEnd), \(minimum - months) short of \(minimum)")
        case .networkActions(let year, let held, let minimum, let actionTypes):
            let kinds = actionTypes.isEmpty ? "dowolnego rodzaju" : actionTypes.map(PolishGrammar.actionType).joined(separator: ", ")
            return LocalizedText(
                pl:
                    "\(year.map { "w roku \($0)" } ?? "w całym projekcie") zrealizowano \(PolishGrammar.count(held, "działanie", "działania", "działań")); wymagane co najmniej \(minimum) (\(kinds))",
                en:
                    "held \(held) of the required \(minimum) \(actionTypes.isEmpty ? "actions of any kind" : actionTypes.joined(separator: "/")) \(year.map { "in \($0)" } ?? "during the project")"
            )
        case .caseload(let role, let cases, let limit, let day):
            return LocalizedText(
                pl: "\(name(role)): wspiera \(PolishGrammar.count(cases, "rodzinę", "rodziny", "rodzin")) w dniu \(day), o \(cases - limit) więcej niż limit \(limit)",
                en: "supports \(cases) households as \(role) on \(day), \(cases - limit) over the limit of \(limit)")
        case .supervision(let role, let workers, let supervisor, let supervisors, let atMost):
            let needed = SupervisionRatio.supervisorsNeeded(for: workers, atMost: atMost)
            return LocalizedText(
                pl:
                    "\(workers) × „\(name(role))” potrzebuje co najmniej \(needed) × „\(name(supervisor))” (jeden na najwyżej \(atMost)), a w zespole \(supervisors == 0 ? "nie ma żadnego" : "jest \(supervisors)")",
                en: "\(workers) \(role) need at least \(needed) \(supervisor) (one for at most \(atMost)); the staff has \(supervisors)")
        case .missingPlan(let component, let group, let plan):
            return LocalizedText(
                pl: "uczestniczy w komponencie „\(name(component))”\(group.map { " (\(name($0)))" } ?? "") bez dokumentu „\(name(plan))”",
                en: "takes part in \(component)\(group.map { " (\($0))" } ?? "") but has no \(plan)")
        case .quotaUnfilled(let quota, let filled, let size):
            return LocalizedText(
                pl: "zajęto \(filled) z \(size) miejsc dla grupy: \(name(quota))",
                en: "\(filled) of \(size) places filled for \(name(quota))")
        }
    }

    /// What a note beside an indicator says, in Polish and English.
    public static func sentence(_ note: IndicatorNote, names: [String: String]) -> LocalizedText {
        switch note {
        case .noNetworkYet:
            LocalizedText(pl: "nie zarejestrowano jeszcze żadnej sieci", en: "no network is recorded yet")
        case .actionsPerNetwork(let actions, let networks, let days):
            LocalizedText(
                pl:
                    "\(PolishGrammar.count(actions, "działanie", "działania", "działań")) \(PolishGrammar.count(networks, "sieci", "sieci", "sieci")) w ciągu \(PolishGrammar.count(days, "dnia", "dni", "dni"))",
                en: "\(actions) actions of \(networks) network\(networks == 1 ? "" : "s") over \(days) days")
        case .changeNeedsTwoYears(let years):
            LocalizedText(
                pl: "zmianę można policzyć z obserwacji z co najmniej dwóch lat; na razie \(years == 1 ? "są z jednego roku" : "nie ma żadnych")",
                en: "a change needs observations in at least two years; so far there \(years == 1 ? "is one" : "are none")")
        case .yearCounts(let firstYear, let first, let lastYear, let last):
            LocalizedText(pl: "\(firstYear): \(first), \(lastYear): \(last)", en: "\(firstYear): \(first), \(lastYear): \(last)")
        case .yearRates(let firstYear, let first, let firstOf, let lastYear, let last, let lastOf):
            LocalizedText(
                pl:
                    "\(firstYear): \(first) z \(firstOf) (\(Polish.percent(Double(first) / Double(max(firstOf, 1))))), \(lastYear): \(last) z \(lastOf) (\(Polish.percent(Double(last) / Double(max(lastOf, 1))))); zmiana w punktach procentowych",
                en: "\(firstYear): \(first) of \(firstOf), \(lastYear): \(last) of \(lastOf); change in percentage points")
        case .groupMembers(let groups, let members, let ungrouped):
            LocalizedText(
                pl: "\(PolishGrammar.count(groups, "grupa", "grupy", "grup")), obecnych w nich \(PolishGrammar.count(members, "osoba", "osoby", "osób"))"
                    + (ungrouped > 0
                        ? "; \(PolishGrammar.count(ungrouped, "spotkanie", "spotkania", "spotkań")) bez kodu grupy nie jest liczone — uzupełnij kolumnę group"
                        : ""),
                en: "\(groups) groups with \(members) people present" + (ungrouped > 0 ? "; \(ungrouped) sessions without a group code are not counted" : ""))
        case .baselineNotInRecords(let baseline):
            LocalizedText(
                pl:
                    "wskaźnik porównuje dane z wartością bazową „\(names[baseline] ?? baseline)”, której nie ma w danych o rodzinach; wykazuje się go w sprawozdaniach dla instytucji finansującej",
                en: "this indicator compares figures with the baseline \(baseline), which case records do not hold; record them with the funder's reporting")
        case .notFromRecords(let type, let subject):
            LocalizedText(
                pl: "danych o rodzinach nie da się przeliczyć na ten wskaźnik (\(type), \(subject))",
                en: "case records do not give a value for a \(type) of \(subject)")
        case .nobodyToCount:
            LocalizedText(pl: "na razie nie ma kogo liczyć", en: "nobody to count yet")
        case .scoredSuccesses(let measured, let of):
            LocalizedText(
                pl: "wynik po rozpoczęciu udziału ma \(measured) z \(of); liczy się ostatni wynik każdego z nich",
                en: "\(measured) of \(of) have a score after entry; each one's latest score counts")
        case .scoreMeans(let subjects, let entry, let later):
            LocalizedText(
                pl:
                    "średni wynik \(PolishGrammar.count(subjects, "uczestnika", "uczestników", "uczestników")) zmierzonych na początku i później: \(Polish.number(entry)) → \(Polish.number(later)) pkt",
                en: "mean score of the \(subjects) measured at entry and later: \(entry) → \(later)")
        case .scoresNeedEntryAndLater:
            LocalizedText(
                pl: "zmianę liczy się u uczestników z wynikiem na początku udziału i późniejszym; na razie nie ma takich",
                en: "a change needs subjects with an entry score and a later one; there are none yet")
        }
    }

    /// A rule's name in Polish.
    public static func polishName(_ rule: Rule) -> String {
        switch rule {
        case .minimumParticipation: "minimalny czas udziału"
        case .networkObligation: "zobowiązania sieci współpracy"
        case .caseload: "limit podopiecznych na pracownika"
        case .requiredPlan: "wymagane plany"
        case .quota: "limity miejsc w grupach docelowych"
        }
    }
}
