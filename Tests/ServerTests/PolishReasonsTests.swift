import KokonServer
import Testing

/// The checks' reasons as pages show them: in Polish, with the values they quote.
@Suite("Reasons in Polish")
struct PolishReasonsTests {
    /// A reason of each wording, as the checks write it, and what a page shows.
    static let examples: [(String, String)] = [
        (
            "code 'H-1' is already stored with other values: stored area 'mokre'; in this file area 'podgorz'; to replace the stored record with this row, import again with --update (or correct the row)",
            "Rekord (code 'H-1') jest już zapisany z innymi wartościami: zapisano area 'mokre', a w pliku jest area 'podgorz'. Popraw wiersz albo zaznacz „Zastąp zapisane rekordy” i sprawdź plik ponownie."
        ),
        ("size '31' must be a whole number from 1 to 30", "Liczba osób: liczba całkowita od 1 do 30 (wpisano „31”)."),
        ("birth_year '1850' must be a year between 1900 and this year", "Rok urodzenia musi być między 1900 a bieżącym rokiem (wpisano „1850”)."),
        (
            "code 'Jan Kowalski' is not a valid pseudonymous code: use up to 40 letters, digits, dots, dashes or underscores, never a PESEL number or a name",
            "„Jan Kowalski” nie jest poprawnym kodem: do 40 liter, cyfr, kropek, myślników lub podkreśleń — nigdy numer PESEL ani imię."
        ),
        ("minutes '0' must be a whole number from 1 to 1440", "Czas trwania to liczba minut od 1 do 1440 (wpisano „0”)."),
        (
            "person P-7, born in 2001, is 22 or 23 on 2024-09-15, but target group youth is for ages 13–20 years; enrol them in another group, or correct birth_year",
            "Osoba P-7 (rocznik 2001) ma w dniu 2024-09-15 22 lub 23 lat, a grupa docelowa „youth” jest dla osób w wieku 13–20 lat. Przyjmij ją do innej grupy albo popraw rok urodzenia."
        ),
        (
            "person P-7 does not meet 'first-pregnancy' (pierwsza ciąża), which target group mothers requires; if they do, add first-pregnancy to the flags of the person, or enrol in another group",
            "Osoba P-7 nie spełnia warunku „pierwsza ciąża”, którego wymaga grupa docelowa „mothers”. Jeśli go spełnia, zaznacz u niej kryterium „first-pregnancy”; jeśli nie, przyjmij ją do innej grupy."
        ),
        (
            "household H-1 does not meet 'lives-on-estate' (mieszka na osiedlu (Starosielce)), which target group families requires; if a member does, add lives-on-estate to the flags of that member, or enrol in another group",
            "Nikt w gospodarstwie H-1 nie spełnia warunku „mieszka na osiedlu (Starosielce)”, którego wymaga grupa docelowa „families”. Jeśli ktoś go spełnia, zaznacz u tej osoby kryterium „lives-on-estate”; jeśli nie, przyjmij gospodarstwo do innej grupy."
        ),
        (
            "household H-1 has 2 children recorded, but 'large-family' (rodzina wielodzietna), which target group families requires, asks for at least 3 children; record the household's persons, or enrol in another group",
            "Gospodarstwo H-1 nie spełnia warunku „rodzina wielodzietna” (zapisanych osób tego rodzaju: 2), którego wymaga grupa docelowa „families”. Zapisz wszystkie osoby z gospodarstwa albo przyjmij je do innej grupy."
        ),
        (
            "person P-7 meets 'in-other-programme' (w innym programie wizyt), which target group mothers excludes; enrol in another group, or correct the flags",
            "Osoba P-7 spełnia warunek „w innym programie wizyt”, który wyklucza udział w grupie docelowej „mothers”. Przyjmij ją do innej grupy albo popraw zaznaczone u niej kryteria."
        ),
        (
            "household H-1 meets 'in-other-programme' (w innym programie wizyt), which target group families excludes; enrol in another group, or correct the flags",
            "W gospodarstwie H-1 ktoś spełnia warunek „w innym programie wizyt”, który wyklucza udział w grupie docelowej „families”. Przyjmij gospodarstwo do innej grupy albo popraw zaznaczone kryteria."
        ),
        (
            "household H-1 has 1 children recorded, which meets 'no-children' (bez dzieci), and target group mothers excludes it; enrol in another group",
            "Gospodarstwo H-1 spełnia warunek „bez dzieci” (zapisanych osób tego rodzaju: 1), który wyklucza udział w grupie docelowej „mothers”. Przyjmij je do innej grupy."
        ),
        (
            "group 'grupa 1' must be a short code of letters, digits, dots, dashes or underscores, e.g. GR-1, never a PESEL number or a name",
            "Kod grupy to do 40 liter, cyfr, kropek, myślników lub podkreśleń, np. GR-1 — nigdy numer PESEL ani imię (wpisano „grupa 1”)."
        ),
        ("number 'x' must be a whole number from 1", "Numer celu to liczba całkowita od 1 (wpisano „x”)."),
        (
            "score '5' does not apply: outcome 'employed' (podjęcie zatrudnienia) is observed on a day, not measured with an instrument; leave occasion and score empty",
            "Rezultat „podjęcie zatrudnienia” stwierdza się w dniu, w którym nastąpił, bez narzędzia pomiaru; zostaw puste pola „Moment pomiaru” i „Wynik”."
        ),
        (
            "occasion is empty; outcome 'parenting' (kompetencje rodzicielskie) is measured with skala kompetencji at: entry, exit; say at which",
            "Rezultat „kompetencje rodzicielskie” mierzy się narzędziem: skala kompetencji. Wybierz moment pomiaru: na początku, na zakończenie albo po zakończeniu udziału."
        ),
        (
            "occasion 'follow-up' is not when outcome 'parenting' (kompetencje rodzicielskie) is measured; occasions: entry, exit",
            "Program nie przewiduje pomiaru rezultatu „kompetencje rodzicielskie” w tym momencie; wybierz inny moment pomiaru."
        ),
        (
            "score '3' does not apply: outcome 'safe-home' (bezpieczny dom) is a yes/no observation with no scale; leave score empty",
            "Rezultat „bezpieczny dom” nie ma skali punktowej; zostaw pole „Wynik” puste."
        ),
        (
            "score is empty; outcome 'parenting' (kompetencje rodzicielskie) is scored with skala kompetencji from 0 to 40; give the score",
            "Rezultat „kompetencje rodzicielskie” ocenia się narzędziem: skala kompetencji, w skali od 0 do 40 pkt; wpisz wynik."
        ),
        ("score 'dużo' must be a number like 32 or 3,5", "Wynik to liczba, np. 32 albo 3,5 (wpisano „dużo”)."),
        (
            "score 41 of outcome 'parenting' (kompetencje rodzicielskie) is off its scale, 0 to 40; check the score",
            "Wynik 41 leży poza skalą rezultatu „kompetencje rodzicielskie” (od 0 do 40 pkt); sprawdź go."
        ),
        ("start '14.03.2025' is not a date; write it as YYYY-MM-DD, e.g. 2025-03-14", "„14.03.2025” nie jest datą; wpisz ją jako RRRR-MM-DD, np. 2025-03-14."),
        (
            "start 2030-01-01 is outside the adoption period of wygrana-rodzina (2024-07-01 to 2027-06-30)",
            "Data 2030-01-01 leży poza okresem realizacji wygrana-rodzina (od 2024-07-01 do 2027-06-30)."
        ),
        ("end 2024-08-01 is before start 2024-09-01", "Ostatni dzień 2024-08-01 jest wcześniejszy niż początek udziału 2024-09-01."),
        ("end is 2025-01-01 but exit_reason is empty; say why: completed, dropped-out", "Podaj powód zakończenia udziału."),
        ("exit_reason is given but end is empty; give the last day too", "Podaj też ostatni dzień udziału."),
        ("area is empty; every row needs area id from the tenant file", "To pole jest wymagane."),
        ("target_group is empty; wygrana-rodzina enrols into one of: families", "Wybierz grupę docelową programu wygrana-rodzina."),
        (
            "target_group 'familes' is not defined by wygrana-rodzina@1.0.0; target groups: children-and-youth, families",
            "„familes” nie należy do programu wygrana-rodzina@1.0.0; wybierz z listy."
        ),
        ("status 'finished' must be one of: open, achieved, partly-achieved, abandoned", "„finished” nie jest dozwoloną wartością; wybierz z listy."),
        (
            "area 'atlantyda' is not one of this municipality's areas (mokre, bydgoskie); add it to the tenant file or correct the id",
            "„atlantyda” nie jest obszarem tej gminy; obszary gminy: mokre, bydgoskie."
        ),
        (
            "activity 'picnic' is not an activity of component family-education; its activities: parent-workshop",
            "„picnic” nie jest działaniem komponentu family-education."
        ),
        ("adoption 'praski-kokon' is not adopted here; adoptions: wygrana-rodzina", "Gmina nie realizuje programu „praski-kokon”."),
        ("household 'H-9' is not recorded; import households first", "„H-9” nie jest zapisane w Kokonie."),
        (
            "H-2 is already enrolled in wygrana-rodzina for part of this time; end that enrolment before this one starts",
            "H-2 jest już w części tego okresu przyjęte do wygrana-rodzina; najpierw zakończ tamten udział."
        ),
        (
            "person P-3 belongs to household H-2, which is not enrolled in wygrana-rodzina on 2024-09-01; wygrana-rodzina enrols families, so enrol the household first",
            "Osoba P-3 należy do gospodarstwa H-2, które nie jest przyjęte do wygrana-rodzina w dniu 2024-09-01; ten program przyjmuje rodziny, więc najpierw przyjmij gospodarstwo."
        ),
        (
            "person P-3 is not enrolled in wygrana-rodzina on 2024-08-15, the day of session SES-1",
            "Osoba P-3 nie jest przyjęta do wygrana-rodzina w dniu 2024-08-15, w którym odbyło się spotkanie."
        ),
        (
            "H-1 is not enrolled in wygrana-rodzina on 2023-01-01; check the date or import the enrolment first",
            "H-1 nie jest przyjęte do wygrana-rodzina w dniu 2023-01-01; sprawdź datę albo najpierw przyjmij do programu."
        ),
        ("H-1 is not enrolled in wygrana-rodzina; import its enrolment first", "H-1 nie jest przyjęte do wygrana-rodzina; najpierw przyjmij do programu."),
        ("give either household or person, not both and not neither", "Wskaż gospodarstwo albo jedną osobę."),
        (
            "domain is longer than 60 characters; name the area in a word or two, without personal details",
            "Cel może mieć najwyżej 60 znaków; nazwij obszar jednym lub dwoma słowami, bez danych osobowych."
        ),
        ("the same code appears earlier in the file, in row 3", "Ten sam wpis jest już wyżej w pliku, w wierszu 3."),
        ("choose the participation to end", "Wybierz udział do zakończenia."),
        ("choose one of this household's goals", "Wybierz jeden z celów tego gospodarstwa."),
        (
            "period must be all or a year such as 2025, not 'kwartał'",
            "Okres to cały okres realizacji albo rok, np. 2025; „kwartał” nim nie jest. Wybierz okres z listy."
        ),
        (
            "period must be all (the whole period), a year such as 2025 or a quarter such as 2025-Q1, not 'Q5'",
            "Okres to cały okres realizacji, rok (np. 2025) albo kwartał (np. 2025-Q1); „Q5” nim nie jest. Wybierz okres z listy."
        ),
        (
            "person Y-1 has no 'left-care' (opuszczenie placówki) recorded, which 'left-care-recently' (opuścił placówkę w ciągu roku), required by target group youth, counts from; record the month of the event (events: person, event, month), or enrol in another group",
            "U osoby Y-1 nie zapisano zdarzenia „opuszczenie placówki”, od którego liczy się warunek „opuścił placówkę w ciągu roku” grupy docelowej „youth”. Zapisz miesiąc tego zdarzenia albo przyjmij ją do innej grupy."
        ),
        (
            "household H-1 has no 'left-care' (opuszczenie placówki) recorded, which 'left-care-recently' (opuścił placówkę w ciągu roku), required by target group families, counts from; record the month of the event (events: person, event, month), or enrol in another group",
            "Nikt w gospodarstwie H-1 nie ma zapisanego zdarzenia „opuszczenie placówki”, od którego liczy się warunek „opuścił placówkę w ciągu roku” grupy docelowej „families”. Zapisz miesiąc tego zdarzenia u członka gospodarstwa albo przyjmij je do innej grupy."
        ),
        (
            "person Y-2 does not meet 'left-care-recently' (opuścił placówkę w ciągu roku), which target group youth requires: the enrolment must start at most 12 months after 'left-care' (opuszczenie placówki), and this one starts outside that time; enrol in another group, or correct the month of the event",
            "Osoba Y-2 nie spełnia warunku „opuścił placówkę w ciągu roku”, którego wymaga grupa docelowa „youth”: przyjęcie zaczyna się poza czasem liczonym od zdarzenia „opuszczenie placówki”. Przyjmij ją do innej grupy albo popraw miesiąc zdarzenia."
        ),
        (
            "household H-2 does not meet 'left-care-recently' (opuścił placówkę w ciągu roku), which target group families requires: the enrolment must start at most 12 months after 'left-care' (opuszczenie placówki), and this one starts outside that time; enrol in another group, or correct the month of the event",
            "Gospodarstwo H-2 nie spełnia warunku „opuścił placówkę w ciągu roku”, którego wymaga grupa docelowa „families”: przyjęcie zaczyna się poza czasem liczonym od zdarzenia „opuszczenie placówki” u członków gospodarstwa. Przyjmij je do innej grupy albo popraw miesiąc zdarzenia."
        ),
        (
            "person Y-3 meets 'left-care-recently' (opuścił placówkę w ciągu roku), which target group adults excludes: the enrolment starts at most 12 months after 'left-care' (opuszczenie placówki); enrol in another group, or correct the month of the event",
            "Osoba Y-3 spełnia warunek „opuścił placówkę w ciągu roku” (czas od zdarzenia „opuszczenie placówki”), który wyklucza udział w grupie docelowej „adults”. Przyjmij ją do innej grupy albo popraw miesiąc zdarzenia."
        ),
        (
            "household H-3 meets 'left-care-recently' (opuścił placówkę w ciągu roku), which target group families excludes: the enrolment starts at most 12 months after 'left-care' (opuszczenie placówki); enrol in another group, or correct the month of the event",
            "Gospodarstwo H-3 spełnia warunek „opuścił placówkę w ciągu roku” (czas od zdarzenia „opuszczenie placówki”), który wyklucza udział w grupie docelowej „families”. Przyjmij je do innej grupy albo popraw miesiąc zdarzenia."
        ),
        (
            "event 'left-school' is not one any adopted programme's criteria count from; events: left-care",
            "Żaden realizowany program nie liczy czasu od zdarzenia „left-school”; zdarzenia, które się zapisuje: left-care."
        ),
        (
            "month '2020-06-15' must be a month written YYYY-MM, e.g. 2024-05; only the month is kept, never the day",
            "Miesiąc zdarzenia wpisz jako RRRR-MM, np. 2024-05 — zapisuje się tylko miesiąc, nigdy dzień (wpisano „2020-06-15”)."
        ),
        (
            "month 2099-01 is more than a year ahead; record an event once it has happened, or one expected (e.g. a birth) at most a year ahead",
            "Miesiąc 2099-01 jest dalej niż rok naprzód; zapisz zdarzenie, gdy nastąpi; spodziewane (np. poród) można zapisać najwyżej na rok naprzód."
        ),
        ("send the file with the page's form", "Wyślij plik formularzem na tej stronie."),
        (
            "the upgrade day 2010-01-01 lies outside the period of praski-kokon (2017-01-02 to 2019-12-31); choose a day inside it",
            "Dzień aktualizacji 2010-01-01 leży poza okresem realizacji praski-kokon (od 2017-01-02 do 2019-12-31); wybierz dzień w tym okresie."
        ),
    ]

    @Test func everyWordingIsTranslatedWithTheValuesItQuotes() {
        for (reason, polish) in Self.examples {
            #expect(PolishReasons.polish(reason) == polish, "\(reason)")
        }
        #expect(Self.examples.count == PolishReasons.rules.count, "an example for every wording")
        #expect(PolishReasons.polish("a wording nobody knows") == nil)
    }

    @Test func aRuleTheMunicipalityAddedIsSaidToBeItsOwn() {
        #expect(
            PolishReasons.polish(
                "person P-7 meets 'employed' (pracuje), which target group adults excludes; enrol in another group, or correct the flags. The municipality added this rule to the group on 2024-03-01."
            )
                == "Osoba P-7 spełnia warunek „pracuje”, który wyklucza udział w grupie docelowej „adults”. Przyjmij ją do innej grupy albo popraw zaznaczone u niej kryteria. Ten warunek gmina dodała do grupy 2024-03-01, adaptując program."
        )
        #expect(
            PolishReasons.polish("person P-7 meets 'employed' (pracuje), which target group adults excludes; enrol in another group, or correct the flags")?.contains("gmina")
                == false)
    }
}
