public import Foundation

/// The Polish words for the closed sets of English codes a template is written in, so that
/// handbooks, comparisons and pages speak Polish and never show a code such as `ngo` or
/// `network-actions` in Polish text.
///
/// One table per set; a test checks that every word the schema allows has its Polish form.
public enum PolishWords {
    /// Partner and network member sectors (``ProgrammeSchema/sectors``).
    public static let sectors: [String: String] = [
        "public": "sektor publiczny", "ngo": "organizacja pozarządowa", "school": "szkoła", "business": "przedsiębiorstwo",
        "university": "uczelnia", "other": "inny",
    ]
    /// A partner's part in the project.
    public static let partnerRoles: [String: String] = ["leader": "lider", "partner": "partner", "cooperating": "współpracuje"]
    /// How a component or activity reaches people (``ProgrammeSchema/deliveryForms``).
    public static let deliveryForms: [String: String] = [
        "individual": "indywidualnie", "group": "w grupie", "community": "w społeczności lokalnej", "network": "w sieci współpracy",
    ]
    /// Kinds of network action (``ProgrammeSchema/actionTypes``).
    public static let actionTypes: [String: String] = [
        "campaign": "kampania", "debate": "debata", "local-event": "wydarzenie lokalne", "meeting": "spotkanie", "study-visit": "wizyta studyjna",
        "expert-panel": "panel ekspertów", "workshop": "warsztat", "training": "szkolenie", "other": "inne",
    ]
    /// Periods, after "na" or "w": "na tydzień", "w roku" (``ProgrammeSchema/periods``).
    public static let periods: [String: String] = ["week": "tydzień", "month": "miesiąc", "year": "rok", "project": "cały projekt"]
    /// Kinds of product (``ProgrammeSchema/productKinds``).
    public static let productKinds: [String: String] = [
        "standard": "standard", "guide": "poradnik", "curriculum": "program nauczania", "programme": "program", "scenarios": "scenariusze zajęć",
        "recommendations": "rekomendacje", "model": "model", "training": "szkolenie", "other": "inny",
    ]
    /// What an indicator counts (``ProgrammeSchema/subjects``).
    public static let subjects: [String: String] = [
        "participants": "uczestnicy", "families": "rodziny", "persons": "osoby", "children": "dzieci", "sessions": "spotkania",
        "network-actions": "działania sieci", "plans": "plany", "enrolments": "przyjęcia do programu", "completions": "ukończenia",
        "groups": "grupy",
    ]

    /// The Polish word for `code` in `table`, or the code itself when the table lacks it
    /// (never the case for a template that passed its checks).
    public static func word(_ code: String, in table: [String: String]) -> String { table[code] ?? code }

    /// The noun form Polish puts after a number: `form(1, "rodzina", "rodziny", "rodzin")` is
    /// "rodzina", 3 gives "rodziny", 5 and 12 "rodzin", 22 "rodziny". Handbooks, findings and
    /// reports all use this one rule.
    public static func form(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        let units = abs(n) % 10
        let tens = abs(n) % 100
        if n == 1 { return one }
        return (2...4).contains(units) && !(12...14).contains(tens) ? few : many
    }

    /// Several codes in Polish, joined by commas.
    public static func words(_ codes: [String]?, in table: [String: String]) -> String {
        (codes ?? []).map { word($0, in: table) }.joined(separator: ", ")
    }
}

extension ProgrammeStatus {
    /// In Polish.
    public var polish: String {
        switch self {
        case .planned: "planowany"
        case .running: "w realizacji"
        case .completed: "zakończony"
        }
    }
}

extension ReleaseStatus {
    /// In Polish, of a version ("wersja zatwierdzona").
    public var polish: String {
        switch self {
        case .draft: "robocza"
        case .approved: "zatwierdzona"
        case .withdrawn: "wycofana"
        }
    }
}

extension PolishWords {
    /// A number as Polish writes it: "3,5", "30".
    public static func number(_ value: Decimal) -> String {
        "\(value)".replacingOccurrences(of: ".", with: ",")
    }

    /// After "do": "1 miesiąca", "21 miesięcy", "2 lat", "6 tygodni".
    public static func durationGenitive(_ duration: Duration) -> String {
        "\(duration.amount) " + duration.unit.genitive(duration.amount)
    }

    /// After "co": "tydzień", "2 tygodnie", "miesiąc", "5 dni".
    public static func interval(_ duration: Duration) -> String {
        let n = duration.amount
        let (one, few, many) =
            switch duration.unit {
            case .day: ("dzień", "dni", "dni")
            case .week: ("tydzień", "tygodnie", "tygodni")
            case .month: ("miesiąc", "miesiące", "miesięcy")
            case .year: ("rok", "lata", "lat")
            }
        let unit = form(n, one, few, many)
        return n == 1 ? unit : "\(n) \(unit)"
    }
}

extension Duration.Unit {
    /// The unit after "do" and a number: "1 roku", "2 lat", "36 miesięcy".
    func genitive(_ n: Int) -> String {
        switch self {
        case .day: PolishWords.form(n, "dnia", "dni", "dni")
        case .week: PolishWords.form(n, "tygodnia", "tygodni", "tygodni")
        case .month: PolishWords.form(n, "miesiąca", "miesięcy", "miesięcy")
        case .year: PolishWords.form(n, "roku", "lat", "lat")
        }
    }
}

extension Release {
    /// "zatwierdzona 22.11.2026", "wycofana 01.02.2027 (powód); zastępuje ją praski-kokon@1.1.0".
    public var polish: String {
        var text = status.polish + (date.map { " \($0.polish)" } ?? "")
        if let reason { text += " (\(reason.pl))" }
        if let replacedBy { text += "; zastępuje ją \(replacedBy)" }
        if status == .draft { text += " – jeszcze nie do wdrożenia w gminach" }
        return text
    }
}

extension AgeRange {
    /// "od 13 do 20 lat", "od 0 do 36 miesięcy".
    public var polish: String {
        "od \(min) do \(max) " + (unit == .years ? Duration.Unit.year : .month).genitive(max)
    }
}

extension IndicatorKind {
    /// In Polish.
    public var polish: String {
        switch self {
        case .output: "produkt"
        case .result: "rezultat"
        }
    }
}

extension MeasureType {
    /// In Polish.
    public var polish: String {
        switch self {
        case .count: "liczba"
        case .share: "odsetek"
        case .change: "zmiana względem danych wyjściowych"
        }
    }
}

extension ParticipationUnit {
    /// In Polish.
    public var polish: String {
        switch self {
        case .family: "rodzina"
        case .person: "osoba"
        }
    }
}

extension TargetGroupUnit {
    /// In Polish, after a number ("ok. 200 rodzin" reads as "200 — rodziny").
    public var polish: String {
        switch self {
        case .family: "rodziny"
        case .person: "osoby"
        case .institution: "instytucje"
        }
    }
}

extension RecordSubject {
    /// In Polish.
    public var polish: String {
        switch self {
        case .family: "rodzina"
        case .person: "osoba"
        case .child: "dziecko"
        }
    }
}

extension TargetDirection {
    /// In Polish.
    public var polish: String {
        switch self {
        case .increase: "wzrost"
        case .decrease: "spadek"
        }
    }
}
