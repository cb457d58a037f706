/// Polish words for the stored values the casework pages show.
enum PolishLabels {
    static let relations: [String: String] = [
        "head": "osoba prowadząca gospodarstwo", "partner": "partner lub partnerka", "child": "dziecko", "parent": "rodzic",
        "grandparent": "dziadek lub babcia", "grandchild": "wnuk lub wnuczka", "sibling": "rodzeństwo", "other-relative": "inny krewny",
        "other": "inna osoba",
    ]
    static let relationOrder = ["head", "partner", "child", "parent", "grandparent", "grandchild", "sibling", "other-relative", "other"]

    static let attendance: [String: String] = ["present": "obecna", "excused": "nieobecna, usprawiedliwiona", "unexcused": "nieobecna"]
    static let attendanceOrder = ["present", "excused", "unexcused"]

    static let exitReasons: [String: String] = [
        "completed": "ukończył(a) program", "dropped-out": "zrezygnował(a)", "moved-away": "wyprowadził(a) się", "referred-elsewhere": "skierowany(a) gdzie indziej",
        "no-longer-eligible": "nie spełnia już kryteriów", "died": "zmarł(a)", "other": "inny powód",
    ]
    static let exitReasonOrder = ["completed", "dropped-out", "moved-away", "referred-elsewhere", "no-longer-eligible", "died", "other"]

    static let goalStatuses: [String: String] = [
        "open": "w realizacji", "achieved": "osiągnięty", "partly-achieved": "osiągnięty częściowo", "abandoned": "porzucony",
    ]

    /// What to do about a field, in Polish, shown above the check's own words.
    static let fieldHelp: [String: String] = [
        "code": "Kod: do 40 liter, cyfr, kropek, myślników lub podkreśleń; nigdy imię ani numer PESEL.",
        "area": "Wybierz jeden z obszarów gminy.",
        "size": "Liczba osób: liczba całkowita od 1 do 30.",
        "birth_year": "Rok urodzenia: cztery cyfry, nie później niż bieżący rok.",
        "relation": "Wybierz relację z listy.",
        "start": "Data rozpoczęcia: RRRR-MM-DD, w okresie realizacji programu.",
        "target_group": "Wybierz grupę docelową programu.",
        "date": "Data: RRRR-MM-DD.",
        "minutes": "Czas trwania: liczba minut od 1 do 1440.",
        "component": "Wybierz komponent programu.",
        "activity": "Wybierz działanie należące do wybranego komponentu.",
        "staff": "Wybierz osobę z zespołu.",
        "group": "Kod grupy: do 40 liter, cyfr, kropek, myślników lub podkreśleń, np. GR-1.",
        "household": "To gospodarstwo nie jest dostępne.",
        "person": "Ta osoba nie jest dostępna lub nie jest przyjęta do programu w dniu spotkania.",
        "status": "Wybierz obecność.",
        "drawn_up": "Data sporządzenia planu: RRRR-MM-DD.",
        "domain": "Cel: jedno lub dwa słowa, bez danych osobowych.",
        "due": "Termin: RRRR-MM-DD.",
        "plan": "Wybierz rodzaj planu z programu.",
        "end": "Ostatni dzień: RRRR-MM-DD, nie wcześniej niż początek udziału i w okresie programu.",
        "exit_reason": "Wybierz powód zakończenia.",
    ]
}
