import Foundation

/// The checks' reasons in Polish, for the pages.
///
/// The checks that every write takes (import, API, forms) word their reasons in English, for
/// files and integrations; a page shows the same reason in Polish, with the values the check
/// quoted. A reason no rule here knows is shown as it is, after the field's Polish help.
public enum PolishReasons {
    /// One way a reason is worded: its pattern, and the Polish sentence with `$1`, `$2`… for
    /// the parts it quotes.
    public struct Rule: Sendable {
        /// The English wording, with groups for the quoted parts.
        let pattern: NSRegularExpression
        /// The Polish sentence.
        let polish: String

        init(_ pattern: String, _ polish: String) {
            // The patterns are written here, and a test translates an example of each.
            self.pattern = try! NSRegularExpression(pattern: "^" + pattern + "$", options: [.dotMatchesLineSeparators])
            self.polish = polish
        }
    }

    /// Every wording the pages translate, the more particular first.
    public static let rules: [Rule] = [
        Rule(
            #"(.*) is already stored with other values: stored (.*); in this file (.*); to replace the stored record with this row, .*"#,
            "Rekord ($1) jest już zapisany z innymi wartościami: zapisano $2, a w pliku jest $3. Popraw wiersz albo zaznacz „Zastąp zapisane rekordy” i sprawdź plik ponownie."),
        Rule(#"size '(.*)' must be a whole number from 1 to 30"#, "Liczba osób: liczba całkowita od 1 do 30 (wpisano „$1”)."),
        Rule(#"birth_year '(.*)' must be a year between 1900 and this year"#, "Rok urodzenia musi być między 1900 a bieżącym rokiem (wpisano „$1”)."),
        Rule(
            #"code '(.*)' is not a valid pseudonymous code: .*"#,
            "„$1” nie jest poprawnym kodem: do 40 liter, cyfr, kropek, myślników lub podkreśleń — nigdy numer PESEL ani imię."),
        Rule(#"minutes '(.*)' must be a whole number from 1 to 1440"#, "Czas trwania to liczba minut od 1 do 1440 (wpisano „$1”)."),
        Rule(
            #"person (.*), born in (\d+), is (\d+) or (\d+) on (.*), but target group (.*) is for ages (\d+)–(\d+) years; enrol them in another group, or correct birth_year"#,
            "Osoba $1 (rocznik $2) ma w dniu $5 $3 lub $4 lat, a grupa docelowa „$6” jest dla osób w wieku $7–$8 lat. Przyjmij ją do innej grupy albo popraw rok urodzenia."),
        Rule(
            #"person (\S+) does not meet '(.*)' \((.*)\), which target group (\S+) requires; .*"#,
            "Osoba $1 nie spełnia warunku „$3”, którego wymaga grupa docelowa „$4”. Jeśli go spełnia, zaznacz u niej kryterium „$2”; jeśli nie, przyjmij ją do innej grupy."),
        Rule(
            #"household (\S+) does not meet '(.*)' \((.*)\), which target group (\S+) requires; .*"#,
            "Nikt w gospodarstwie $1 nie spełnia warunku „$3”, którego wymaga grupa docelowa „$4”. Jeśli ktoś go spełnia, zaznacz u tej osoby kryterium „$2”; jeśli nie, przyjmij gospodarstwo do innej grupy."
        ),
        Rule(
            #"household (\S+) has (\d+) (\w+) recorded, but '(.*)' \((.*)\), which target group (\S+) requires, asks for .*"#,
            "Gospodarstwo $1 nie spełnia warunku „$5” (zapisanych osób tego rodzaju: $2), którego wymaga grupa docelowa „$6”. Zapisz wszystkie osoby z gospodarstwa albo przyjmij je do innej grupy."
        ),
        Rule(
            #"person (\S+) meets '(.*)' \((.*)\), which target group (\S+) excludes; .*"#,
            "Osoba $1 spełnia warunek „$3”, który wyklucza udział w grupie docelowej „$4”. Przyjmij ją do innej grupy albo popraw zaznaczone u niej kryteria."),
        Rule(
            #"household (\S+) meets '(.*)' \((.*)\), which target group (\S+) excludes; .*"#,
            "W gospodarstwie $1 ktoś spełnia warunek „$3”, który wyklucza udział w grupie docelowej „$4”. Przyjmij gospodarstwo do innej grupy albo popraw zaznaczone kryteria."),
        Rule(
            #"household (\S+) has (\d+) (\w+) recorded, which meets '(.*)' \((.*)\), and target group (\S+) excludes it; .*"#,
            "Gospodarstwo $1 spełnia warunek „$5” (zapisanych osób tego rodzaju: $2), który wyklucza udział w grupie docelowej „$6”. Przyjmij je do innej grupy."),
        Rule(
            #"person (\S+) has no '(.*)' \((.*)\) recorded, which '(.*)' \((.*)\), required by target group (\S+), counts from; .*"#,
            "U osoby $1 nie zapisano zdarzenia „$3”, od którego liczy się warunek „$5” grupy docelowej „$6”. Zapisz miesiąc tego zdarzenia albo przyjmij ją do innej grupy."
        ),
        Rule(
            #"household (\S+) has no '(.*)' \((.*)\) recorded, which '(.*)' \((.*)\), required by target group (\S+), counts from; .*"#,
            "Nikt w gospodarstwie $1 nie ma zapisanego zdarzenia „$3”, od którego liczy się warunek „$5” grupy docelowej „$6”. Zapisz miesiąc tego zdarzenia u członka gospodarstwa albo przyjmij je do innej grupy."
        ),
        Rule(
            #"person (\S+) does not meet '(.*)' \((.*)\), which target group (\S+) requires: the enrolment must start .* '(.*)' \((.*)\), and this one starts outside that time; .*"#,
            "Osoba $1 nie spełnia warunku „$3”, którego wymaga grupa docelowa „$4”: przyjęcie zaczyna się poza czasem liczonym od zdarzenia „$6”. Przyjmij ją do innej grupy albo popraw miesiąc zdarzenia."
        ),
        Rule(
            #"household (\S+) does not meet '(.*)' \((.*)\), which target group (\S+) requires: the enrolment must start .* '(.*)' \((.*)\), and this one starts outside that time; .*"#,
            "Gospodarstwo $1 nie spełnia warunku „$3”, którego wymaga grupa docelowa „$4”: przyjęcie zaczyna się poza czasem liczonym od zdarzenia „$6” u członków gospodarstwa. Przyjmij je do innej grupy albo popraw miesiąc zdarzenia."
        ),
        Rule(
            #"person (\S+) meets '(.*)' \((.*)\), which target group (\S+) excludes: the enrolment starts .* '(.*)' \((.*)\); .*"#,
            "Osoba $1 spełnia warunek „$3” (czas od zdarzenia „$6”), który wyklucza udział w grupie docelowej „$4”. Przyjmij ją do innej grupy albo popraw miesiąc zdarzenia."
        ),
        Rule(
            #"household (\S+) meets '(.*)' \((.*)\), which target group (\S+) excludes: the enrolment starts .* '(.*)' \((.*)\); .*"#,
            "Gospodarstwo $1 spełnia warunek „$3” (czas od zdarzenia „$6”), który wyklucza udział w grupie docelowej „$4”. Przyjmij je do innej grupy albo popraw miesiąc zdarzenia."
        ),
        Rule(
            #"event '(.*)' is not one any adopted programme's criteria count from; events: (.*)"#,
            "Żaden realizowany program nie liczy czasu od zdarzenia „$1”; zdarzenia, które się zapisuje: $2."
        ),
        Rule(
            #"month '(.*)' must be a month written YYYY-MM, e\.g\. 2024-05; only the month is kept, never the day"#,
            "Miesiąc zdarzenia wpisz jako RRRR-MM, np. 2024-05 — zapisuje się tylko miesiąc, nigdy dzień (wpisano „$1”)."
        ),
        Rule(
            #"month (\S+) is more than a year ahead; .*"#,
            "Miesiąc $1 jest dalej niż rok naprzód; zapisz zdarzenie, gdy nastąpi; spodziewane (np. poród) można zapisać najwyżej na rok naprzód."),
        Rule(
            #"group '(.*)' must be a short code of letters, digits, dots, dashes or underscores, e\.g\. GR-1, never a PESEL number or a name"#,
            "Kod grupy to do 40 liter, cyfr, kropek, myślników lub podkreśleń, np. GR-1 — nigdy numer PESEL ani imię (wpisano „$1”)."),
        Rule(#"number '(.*)' must be a whole number from 1"#, "Numer celu to liczba całkowita od 1 (wpisano „$1”)."),
        Rule(
            #"(\w+) '(.*)' does not apply: outcome '(.*)' \((.*)\) is observed on a day, not measured with an instrument; .*"#,
            "Rezultat „$4” stwierdza się w dniu, w którym nastąpił, bez narzędzia pomiaru; zostaw puste pola „Moment pomiaru” i „Wynik”."),
        Rule(
            #"occasion is empty; outcome '(.*)' \((.*)\) is measured with (.*) at: (.*); say at which"#,
            "Rezultat „$2” mierzy się narzędziem: $3. Wybierz moment pomiaru: na początku, na zakończenie albo po zakończeniu udziału."),
        Rule(
            #"occasion '(.*)' is not when outcome '(.*)' \((.*)\) is measured; .*"#,
            "Program nie przewiduje pomiaru rezultatu „$3” w tym momencie; wybierz inny moment pomiaru."),
        Rule(
            #"score '(.*)' does not apply: outcome '(.*)' \((.*)\) is a yes/no observation with no scale; .*"#,
            "Rezultat „$3” nie ma skali punktowej; zostaw pole „Wynik” puste."),
        Rule(
            #"score is empty; outcome '(.*)' \((.*)\) is scored with (.*) from (\S+) to (\S+); give the score"#,
            "Rezultat „$2” ocenia się narzędziem: $3, w skali od $4 do $5 pkt; wpisz wynik."),
        Rule(#"score '(.*)' must be a number like 32 or 3,5"#, "Wynik to liczba, np. 32 albo 3,5 (wpisano „$1”)."),
        Rule(#"score (\S+) of outcome '(.*)' \((.*)\) is off its scale, (\S+) to (\S+); .*"#, "Wynik $1 leży poza skalą rezultatu „$3” (od $4 do $5 pkt); sprawdź go."),
        Rule(#"(\w+) '(.*)' is not a date; write it as YYYY-MM-DD.*"#, "„$2” nie jest datą; wpisz ją jako RRRR-MM-DD, np. 2025-03-14."),
        Rule(#"(\w+) (\S+) is outside the adoption period of (\S+) \((\S+) to (\S+)\)"#, "Data $2 leży poza okresem realizacji $3 (od $4 do $5)."),
        Rule(#"end (\S+) is before start (\S+)"#, "Ostatni dzień $1 jest wcześniejszy niż początek udziału $2."),
        Rule(#"end is (\S+) but exit_reason is empty; .*"#, "Podaj powód zakończenia udziału."),
        Rule(#"exit_reason is given but end is empty; .*"#, "Podaj też ostatni dzień udziału."),
        Rule(#"(\w+) is empty; every row needs .*"#, "To pole jest wymagane."),
        Rule(#"target_group is empty; (\S+) enrols into one of: .*"#, "Wybierz grupę docelową programu $1."),
        Rule(#"(\w+) '(.*)' is not defined by (\S+)@(\S+); .*"#, "„$2” nie należy do programu $3@$4; wybierz z listy."),
        Rule(#"(\w+) '(.*)' must be one of: .*"#, "„$2” nie jest dozwoloną wartością; wybierz z listy."),
        Rule(#"area '(.*)' is not one of this municipality's areas \((.*)\).*"#, "„$1” nie jest obszarem tej gminy; obszary gminy: $2."),
        Rule(#"activity '(.*)' is not an activity of component (\S+); .*"#, "„$1” nie jest działaniem komponentu $2."),
        Rule(#"adoption '(.*)' is not adopted here; .*"#, "Gmina nie realizuje programu „$1”."),
        Rule(#"(\w+) '(.*)' is not recorded; import .*"#, "„$2” nie jest zapisane w Kokonie."),
        Rule(
            #"(\S+) is already enrolled in (\S+) for part of this time; .*"#,
            "$1 jest już w części tego okresu przyjęte do $2; najpierw zakończ tamten udział."),
        Rule(
            #"person (\S+) belongs to household (\S+), which is not enrolled in (\S+) on (\S+); .*"#,
            "Osoba $1 należy do gospodarstwa $2, które nie jest przyjęte do $3 w dniu $4; ten program przyjmuje rodziny, więc najpierw przyjmij gospodarstwo."),
        Rule(
            #"person (\S+) is not enrolled in (\S+) on (\S+), the day of session (\S+)"#,
            "Osoba $1 nie jest przyjęta do $2 w dniu $3, w którym odbyło się spotkanie."),
        Rule(#"(\S+) is not enrolled in (\S+) on (\S+); .*"#, "$1 nie jest przyjęte do $2 w dniu $3; sprawdź datę albo najpierw przyjmij do programu."),
        Rule(#"(\S+) is not enrolled in (\S+); .*"#, "$1 nie jest przyjęte do $2; najpierw przyjmij do programu."),
        Rule(#"give either household or person, not both and not neither"#, "Wskaż gospodarstwo albo jedną osobę."),
        Rule(#"domain is longer than 60 characters; .*"#, "Cel może mieć najwyżej 60 znaków; nazwij obszar jednym lub dwoma słowami, bez danych osobowych."),
        Rule(#"the same (.*) appears earlier in the file, in row (\d+)"#, "Ten sam wpis jest już wyżej w pliku, w wierszu $2."),
        Rule(#"choose the participation to end"#, "Wybierz udział do zakończenia."),
        Rule(#"choose one of this household's goals"#, "Wybierz jeden z celów tego gospodarstwa."),
        Rule(#"period must be all or a year such as 2025, not '(.*)'"#, "Okres to cały okres realizacji albo rok, np. 2025; „$1” nim nie jest. Wybierz okres z listy."),
        Rule(
            #"period must be all \(the whole period\), a year such as 2025 or a quarter such as 2025-Q1, not '(.*)'"#,
            "Okres to cały okres realizacji, rok (np. 2025) albo kwartał (np. 2025-Q1); „$1” nim nie jest. Wybierz okres z listy."),
        Rule(#"send the file with the page's form"#, "Wyślij plik formularzem na tej stronie."),
        Rule(
            #"the upgrade day (\S+) lies outside the period of (\S+) \((\S+) to (\S+)\); .*"#,
            "Dzień aktualizacji $1 leży poza okresem realizacji $2 (od $3 do $4); wybierz dzień w tym okresie."),
    ]

    /// Sentences a check may add after any reason, each put into Polish after the reason.
    public static let addenda: [Rule] = [
        Rule(#".* The municipality added this rule to the group on (\S+)\."#, " Ten warunek gmina dodała do grupy $1, adaptując program.")
    ]

    /// `reason` in Polish, or nil when no rule knows its wording.
    public static func polish(_ reason: String) -> String? {
        let range = NSRange(reason.startIndex..., in: reason)
        for rule in rules {
            guard let match = rule.pattern.firstMatch(in: reason, range: range) else { continue }
            var polish = rule.pattern.replacementString(for: match, in: reason, offset: 0, template: rule.polish)
            for addendum in addenda {
                guard let match = addendum.pattern.firstMatch(in: reason, range: range) else { continue }
                polish += addendum.pattern.replacementString(for: match, in: reason, offset: 0, template: addendum.polish)
            }
            return polish
        }
        return nil
    }
}
