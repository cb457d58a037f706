import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KokonServer
import KokonTestSupport
import Postgres
import Templates
import Testing

/// The casework pages on the real server: forms write through the import's checks, a refused
/// form keeps what was typed and writes nothing, a form sent twice records once, and a
/// caseworker's list and pages hold their own households only.
@Suite("Casework pages")
struct CaseworkPageTests {
    typealias Browser = BrowserSessionTests.Browser

    @Test func aPersonsCriteriaAreTickedOnTheFormAndAnExcludedHouseholdIsRefusedInPolish() async throws {
        let catalog = APITests.excludingOtherProgrammes
        try await ServerFixture.with(serving: catalog, applying: catalog) { fixture in
            try await fixture.onLoopback { client in
                let browser = Browser()
                _ = try await BrowserSessionTests.signIn(client, browser, email: "coordinator@torun.test", password: ServerFixture.password)
                let page = try await client.execute(uri: "/m/torun/households/H-1", method: .get, headers: browser.header)
                #expect(
                    page.text.contains(
                        #"<div class="check"><input id="flag-in-other-programme" name="flags" type="checkbox" value="in-other-programme"> <label for="flag-in-other-programme">w innym programie wsparcia rodzin</label></div>"#
                    ))
                #expect(page.text.contains(#"<fieldset class="field"><legend>Kryteria kwalifikacji, które osoba spełnia</legend>"#), "one group, as axe asks")
                let csrf = try #require(BrowserSessionTests.hidden("csrf_token", in: page.text))
                func post(_ uri: String, _ body: String) async throws -> TestResponse {
                    try await client.execute(
                        uri: uri, method: .post, headers: merged(browser.header, BrowserSessionTests.formType), body: ByteBuffer(string: "csrf_token=\(csrf)&" + body))
                }
                #expect(try await post("/m/torun/households", "code=H-80&area=mokre&size=2").status == .seeOther)
                // Two boxes ticked: both flags are recorded; a refusal keeps them ticked.
                let refused = try await post("/m/torun/households/H-80/persons", "code=P-80&birth_year=1850&relation=head&flags=inherited-poverty&flags=in-other-programme")
                #expect(refused.status == .unprocessableContent)
                #expect(refused.text.contains(#"value="in-other-programme" checked>"#) && refused.text.contains(#"value="inherited-poverty" checked>"#))
                #expect(
                    try await post("/m/torun/households/H-80/persons", "code=P-80&birth_year=1980&relation=head&flags=inherited-poverty&flags=in-other-programme").status
                        == .seeOther)
                let records = try await CaseRecords(pool: fixture.tenancy.admin, tenant: "torun", actor: "test")
                #expect(try await records.find(.persons, code: "P-80").text.contains(#""flags": ["inherited-poverty", "in-other-programme"]"#))
                let enrol = try await post("/m/torun/households/H-80/enrolments", "enrolment_target=wygrana-rodzina%7Cfamilies&start=2025-02-01")
                #expect(enrol.status == .unprocessableContent)
                #expect(
                    enrol.text.contains(
                        "W gospodarstwie H-80 ktoś spełnia warunek „w innym programie wsparcia rodzin”, który wyklucza udział w grupie docelowej „families”. Przyjmij gospodarstwo do innej grupy albo popraw zaznaczone kryteria."
                    ))
                #expect(try await fixture.count("enrolments") == 3)
            }
        }
    }

    @Test func anEventIsRecordedOnTheHouseholdPageAndItsWindowHoldsTheEnrolment() async throws {
        // Illustrative: Wygrana Rodzina's families group closed to a family whose member left care within the year.
        let catalog = TenancyFixture.shipped(editing: "models/wygrana-rodzina/1.0.0.yaml") {
            $0.replacingOccurrences(
                of: "target_groups:\n",
                with: """
                      - id: left-care-recently
                        name: {pl: opuścił placówkę w ciągu roku}
                        type: window
                        window: {event: left-care, event_name: opuszczenie placówki, at_most: 12 months}
                    target_groups:

                    """
            ).replacingOccurrences(
                of: "    criteria: [inherited-poverty, lives-in-selected-area]\n",
                with: "    criteria: [inherited-poverty, lives-in-selected-area]\n    excludes: [left-care-recently]\n")
        }
        #expect(catalog.diagnostics.errors.isEmpty, "\(catalog.diagnostics.errors.map(\.message))")
        try await ServerFixture.with(serving: catalog, applying: catalog) { fixture in
            try await fixture.onLoopback { client in
                let browser = Browser()
                _ = try await BrowserSessionTests.signIn(client, browser, email: "coordinator@torun.test", password: ServerFixture.password)
                let list = try await client.execute(uri: "/m/torun/households", method: .get, headers: browser.header)
                let csrf = try #require(BrowserSessionTests.hidden("csrf_token", in: list.text))
                func post(_ uri: String, _ body: String) async throws -> TestResponse {
                    try await client.execute(
                        uri: uri, method: .post, headers: merged(browser.header, BrowserSessionTests.formType), body: ByteBuffer(string: "csrf_token=\(csrf)&" + body))
                }
                #expect(try await post("/m/torun/households", "code=H-81&area=mokre&size=2").status == .seeOther)
                #expect(try await post("/m/torun/households/H-81/persons", "code=P-81&birth_year=2006&relation=child").status == .seeOther)
                let page = try await client.execute(uri: "/m/torun/households/H-81", method: .get, headers: browser.header)
                #expect(page.text.contains("Zapisz zdarzenie, od którego liczy się warunek przyjęcia"))
                #expect(page.text.contains(#"<option value="left-care">opuszczenie placówki</option>"#))

                let day = try await post("/m/torun/households/H-81/events", "event_person=P-81&event=left-care&month=2024-12-15")
                #expect(day.status == .unprocessableContent)
                #expect(day.text.contains("Miesiąc zdarzenia wpisz jako RRRR-MM, np. 2024-05 — zapisuje się tylko miesiąc, nigdy dzień (wpisano „2024-12-15”)."))
                #expect(try await fixture.count("events") == 0, "a refused event writes nothing")
                #expect(try await post("/m/torun/households/H-81/events", "event_person=P-81&event=left-care&month=2024-12").status == .seeOther)
                let saved = try await client.execute(uri: "/m/torun/households/H-81", method: .get, headers: browser.header)
                #expect(saved.text.contains("<li>P-81: opuszczenie placówki — 2024-12</li>"))

                let enrol = try await post("/m/torun/households/H-81/enrolments", "enrolment_target=wygrana-rodzina%7Cfamilies&start=2025-02-01")
                #expect(enrol.status == .unprocessableContent)
                #expect(
                    enrol.text.contains(
                        "Gospodarstwo H-81 spełnia warunek „opuścił placówkę w ciągu roku” (czas od zdarzenia „opuszczenie placówki”), który wyklucza udział w grupie docelowej „families”. Przyjmij je do innej grupy albo popraw miesiąc zdarzenia."
                    ), "\(enrol.text)")
                // Fourteen months after the event the family may join.
                #expect(try await post("/m/torun/households/H-81/enrolments", "enrolment_target=wygrana-rodzina%7Cfamilies&start=2026-02-01").status == .seeOther)
            }
        }
    }

    @Test func formsRecordOnceAndRefuseWithTheFieldMarked() async throws {
        try await ServerFixture.with { fixture in
            try await fixture.onLoopback { client in
                let browser = Browser()
                _ = try await BrowserSessionTests.signIn(client, browser, email: "caseworker2@torun.test", password: ServerFixture.password)
                let list = try await client.execute(uri: "/m/torun/households", method: .get, headers: browser.header)
                #expect(list.status == .ok && list.text.contains("Moje gospodarstwa domowe") && !list.text.contains(">H-1<"))
                let csrf = try #require(BrowserSessionTests.hidden("csrf_token", in: list.text))
                func post(_ uri: String, _ fields: [String: String]) async throws -> TestResponse {
                    try await client.execute(
                        uri: uri, method: .post, headers: merged(browser.header, BrowserSessionTests.formType),
                        body: BrowserSessionTests.form(fields.merging(["csrf_token": csrf]) { a, _ in a }))
                }
                let refused = try await post("/m/torun/households", ["code": "H-70", "area": "mokre", "size": "31"])
                #expect(refused.status == .unprocessableContent)
                #expect(refused.text.contains(#"value="H-70""#) && refused.text.contains("Liczba osób: liczba całkowita od 1 do 30"))
                #expect(refused.text.contains(#"id="size" name="size" type="number" value="31" required inputmode="numeric" aria-invalid="true""#))
                #expect(try await fixture.count("households") == 2)
                let pesel = try await post("/m/torun/households", ["code": "90010112345", "area": "mokre", "size": "2"])
                #expect(pesel.status == .unprocessableContent && pesel.text.contains("PESEL"))

                let created = try await post("/m/torun/households", ["code": "H-70", "area": "mokre", "size": "3"])
                #expect(created.status == .seeOther)
                #expect(try await post("/m/torun/households/H-70/persons", ["code": "P-70", "birth_year": "1990", "relation": "head"]).status == .seeOther)
                #expect(
                    try await post("/m/torun/households/H-70/enrolments", ["enrolment_target": "wygrana-rodzina|families", "start": "2025-02-01"]).status
                        == .seeOther)
                let session = [
                    "form_id": "one-form", "session_activity": "wygrana-rodzina|family-education|parent-workshop", "date": "2025-02-10", "minutes": "60",
                    "attendance_P-70": "present",
                ]
                #expect(try await post("/m/torun/households/H-70/sessions", session).status == .seeOther)
                #expect(try await post("/m/torun/households/H-70/sessions", session).status == .seeOther)
                #expect(try await fixture.count("sessions") == 3)
                #expect(try await fixture.count("attendance") == 4)
                let plan = [
                    "form_id": "plan-form", "plan_kind": "wygrana-rodzina|individual-development-plan", "plan_for": "P-70", "drawn_up": "2025-02-15",
                    "domain": "edukacja",
                ]
                #expect(try await post("/m/torun/households/H-70/plans", plan).status == .seeOther)
                #expect(try await post("/m/torun/households/H-70/plans", plan).status == .seeOther)
                #expect(try await fixture.count("plans") == 2)
                let page = try await client.execute(uri: "/m/torun/households/H-70", method: .get, headers: browser.header)
                #expect(page.text.contains("P-70") && page.text.contains("10.02.2025") && page.text.contains("obecna"))
                #expect(page.text.contains("Cel 1: edukacja — w realizacji"))
                // The programme's names, not its ids.
                #expect(page.text.contains("<td>Edukacja rodzinna — warsztaty dla rodziców</td>") && page.text.contains("indywidualny plan rozwoju"))
                #expect(!page.text.contains("family-education — parent-workshop") && !page.text.contains("individual-development-plan P"))
                // Ending the participation: a last day before the first is refused and changes nothing.
                let ending = ["enrolment": "wygrana-rodzina|H-70||2025-02-01", "end": "2025-01-15", "exit_reason": "dropped-out"]
                let early = try await post("/m/torun/households/H-70/end", ending)
                #expect(early.status == .unprocessableContent && early.text.contains("Zakończ udział"))
                #expect(try await post("/m/torun/households/H-70/end", ending.merging(["end": "2025-06-30"]) { _, new in new }).status == .seeOther)
                let ended = try await client.execute(uri: "/m/torun/households/H-70", method: .get, headers: browser.header)
                #expect(ended.text.contains("30.06.2025") && !ended.text.contains("Zakończ udział w programie"))
                // Another caseworker's household, typed by hand.
                let other = try await client.execute(uri: "/m/torun/households/H-1", method: .get, headers: browser.header)
                #expect(other.status == .notFound && !other.text.contains("mokre"))
                let forged = try await post("/m/torun/households/H-1/persons", ["code": "P-71", "birth_year": "1990", "relation": "head"])
                #expect(forged.status == .notFound)
                #expect(try await fixture.count("persons") == 4)
            }
        }
    }
}

@Suite("Publishing page")
struct PublishingPageTests {
    typealias Browser = BrowserSessionTests.Browser

    @Test func thePreviewWritesNothingAndTheButtonPublishesIt() async throws {
        try await ServerFixture.with { fixture in
            try await fixture.onLoopback { client in
                let browser = Browser()
                _ = try await BrowserSessionTests.signIn(client, browser, email: "coordinator@torun.test", password: ServerFixture.password)
                let preview = try await client.execute(uri: "/m/torun/publish", method: .get, headers: browser.header)
                #expect(preview.status == .ok && preview.text.contains("Publikacja dla sieci") && preview.text.contains("ukryte (&lt;5)"))
                let published = { try await fixture.tenancy.admin.query("SELECT count(*) FROM shared.aggregates WHERE tenant = 'torun'").scalar(Int.self) }
                #expect(try await published() == 0)
                let before = try await client.execute(uri: "/api/v1/network/wygrana-rodzina/report", method: .get, headers: fixture.bearer("analyst"))
                #expect(!before.text.contains(#""torun""#))
                let csrf = try #require(BrowserSessionTests.hidden("csrf_token", in: preview.text))
                let confirm = try await client.execute(
                    uri: "/m/torun/publish", method: .post, headers: merged(browser.header, BrowserSessionTests.formType),
                    body: BrowserSessionTests.form(["csrf_token": csrf]))
                #expect(confirm.status == .seeOther)
                #expect(try await published() > 0)
                let after = try await client.execute(uri: "/api/v1/network/wygrana-rodzina/report", method: .get, headers: fixture.bearer("analyst"))
                #expect(after.text.contains(#""torun""#))
                // The closing is published now: the page shows what went out, offers no second
                // publish, and says when the next one can be made.
                let page = try await client.execute(uri: "/m/torun/publish", method: .get, headers: browser.header)
                let closing = Publisher.closing(before: .today)
                #expect(page.text.contains("Już opublikowane według stanu na \(closing.polish)") && page.text.contains("są już opublikowane"))
                #expect(!page.text.contains("Opublikuj te wartości"))
                #expect(page.text.contains("od \(Publisher.nextPublication(after: closing).polish)"))
                // A caseworker sees no publishing page.
                let caseworker = Browser()
                _ = try await BrowserSessionTests.signIn(client, caseworker, email: "caseworker1@torun.test", password: ServerFixture.password)
                #expect(try await client.execute(uri: "/m/torun/publish", method: .get, headers: caseworker.header).status == .forbidden)
            }
        }
    }
}

@Suite("Goals and outcomes on the household page")
struct GoalAndOutcomeFormTests {
    typealias Browser = BrowserSessionTests.Browser

    @Test func aGoalIsReviewedAndAnOutcomeRecordedOnce() async throws {
        try await ServerFixture.with { fixture in
            try await fixture.onLoopback { client in
                let browser = Browser()
                _ = try await BrowserSessionTests.signIn(client, browser, email: "caseworker1@torun.test", password: ServerFixture.password)
                let page = try await client.execute(uri: "/m/torun/households/H-1", method: .get, headers: browser.header)
                #expect(page.status == .ok && page.text.contains("Przegląd celu") && page.text.contains("Zapisz rezultat"))
                #expect(page.text.contains(#"<option value="IPR-1|1">"#))
                let csrf = try #require(BrowserSessionTests.hidden("csrf_token", in: page.text))
                func post(_ uri: String, _ fields: [String: String]) async throws -> TestResponse {
                    try await client.execute(
                        uri: uri, method: .post, headers: merged(browser.header, BrowserSessionTests.formType),
                        body: BrowserSessionTests.form(fields.merging(["csrf_token": csrf]) { a, _ in a }))
                }
                let status = { try await fixture.tenancy.admin.query("SELECT status FROM t_torun.goal WHERE plan = 'IPR-1' AND number = 1").scalar(String.self) }
                let wrong = try await post("/m/torun/households/H-1/goals", ["goal": "IPR-1|1", "status": "finished"])
                #expect(wrong.status == .unprocessableContent && wrong.text.contains(#"id="goal-status-error""#))
                #expect(try await status() == "open")
                #expect(try await post("/m/torun/households/H-1/goals", ["goal": "IPR-1|1", "status": "achieved"]).status == .seeOther)
                #expect(try await status() == "achieved")
                // A goal of another household's plan cannot be reviewed from this page.
                #expect(try await post("/m/torun/households/H-1/goals", ["goal": "OTHER|1", "status": "achieved"]).status == .unprocessableContent)

                let outcome = ["outcome_kind": "wygrana-rodzina|participation-completed", "observed": "2025-03-01"]
                // An outcome that is observed, not scored, takes no score: the score field says so in Polish.
                let scored = try await post("/m/torun/households/H-1/outcomes", outcome.merging(["occasion": "exit", "score": "7"]) { $1 })
                #expect(scored.status == .unprocessableContent && scored.text.contains(#"id="score-error""#))
                #expect(scored.text.contains("bez narzędzia pomiaru; zostaw puste pola „Moment pomiaru” i „Wynik”."))
                #expect(try await fixture.count("outcomes") == 0)
                #expect(try await post("/m/torun/households/H-1/outcomes", outcome).status == .seeOther)
                #expect(try await post("/m/torun/households/H-1/outcomes", outcome).status == .seeOther)
                #expect(try await fixture.count("outcomes") == 1, "a form sent twice records once")
                let after = try await client.execute(uri: "/m/torun/households/H-1?saved=outcomes", method: .get, headers: browser.header)
                #expect(after.text.contains("Zapisano rezultat.") && after.text.contains("01.03.2025:"))
            }
        }
    }
}

@Suite("Coordinator's dashboard")
struct DashboardPageTests {
    typealias Browser = BrowserSessionTests.Browser

    /// The shipped templates with Praski Kokon 1.0.0 withdrawn in favour of 1.1.0.
    static func withdrawingPraskiKokon() -> ModelCatalog {
        TenancyFixture.shipped(editing: "praski-kokon/1.0.0.yaml") { text in
            text.replacingOccurrences(
                of: "release:\n  status: approved\n  date: 2026-11-22\n",
                with: "release:\n  status: withdrawn\n  date: 2027-01-10\n  reason: edukacja finansowa musi należeć do rdzenia\n  replaced_by: praski-kokon@1.1\n")
        }
    }

    @Test func aCoordinatorRunningAWithdrawnVersionIsToldWhatReplacesIt() async throws {
        let catalog = Self.withdrawingPraskiKokon()
        #expect(catalog.diagnostics.all.contains { $0.code == "adoption-withdrawn" })
        try await ServerFixture.with(serving: catalog) { fixture in
            try await fixture.onLoopback { client in
                let browser = Browser()
                _ = try await BrowserSessionTests.signIn(client, browser, email: "coordinator@warszawa.test", password: ServerFixture.password)
                let dashboard = try await client.execute(uri: "/m/warszawa/dashboard", method: .get, headers: browser.header).text
                #expect(dashboard.contains("Wersja 1.0.0 programu została wycofana 10.01.2027: edukacja finansowa musi należeć do rdzenia. Zastępuje ją praski-kokon@1.1."))
                #expect(dashboard.contains(#"<a href="/m/warszawa/upgrades#to-praski-kokon">Zaplanuj przejście na nową wersję</a>"#))
                // The link opens the adoption's upgrade form, which offers the replacement.
                let upgrades = try await client.execute(uri: "/m/warszawa/upgrades", method: .get, headers: browser.header)
                #expect(upgrades.status == .ok)
                #expect(upgrades.text.contains(#"<select id="to-praski-kokon" name="to"><option value="praski-kokon@1.1.0">"#))

                let other = Browser()
                _ = try await BrowserSessionTests.signIn(client, other, email: "coordinator@torun.test", password: ServerFixture.password)
                let torun = try await client.execute(uri: "/m/torun/dashboard", method: .get, headers: other.header).text
                #expect(torun.contains("Pulpit koordynatora") && !torun.contains("została wycofana"))

                let methodologist = Browser()
                _ = try await BrowserSessionTests.signIn(client, methodologist, email: "methodologist@network.test", password: ServerFixture.password)
                let catalogue = try await client.execute(uri: "/programmes", method: .get, headers: methodologist.header).text
                #expect(catalogue.contains("<td>wycofana 10.01.2027 (edukacja finansowa musi należeć do rdzenia); zastępuje ją praski-kokon@1.1</td>"))
                #expect(catalogue.contains("<td>zatwierdzona 02.12.2026</td>"))

                // Integrations read the same through the API.
                let listed = try await client.execute(uri: "/api/v1/programmes", method: .get, headers: fixture.bearer("analyst"))
                struct Listed: Decodable {
                    struct Entry: Decodable {
                        let reference: String
                        let release: String?
                        let replacedBy: String?
                    }
                    let programmes: [Entry]
                }
                let entries = try JSONDecoder().decode(Listed.self, from: Data(listed.text.utf8)).programmes
                let old = try #require(entries.first { $0.reference == "praski-kokon@1.0.0" })
                #expect(old.release == "withdrawn" && old.replacedBy == "praski-kokon@1.1")
                #expect(entries.first { $0.reference == "praski-kokon@1.1.0" }?.release == "approved")
            }
        }
    }

    @Test func theCoordinatorSeesFidelityTrendCaseloadsAndLinkedFindings() async throws {
        try await ServerFixture.with { fixture in
            try await fixture.onLoopback { client in
                let browser = Browser()
                _ = try await BrowserSessionTests.signIn(client, browser, email: "coordinator@torun.test", password: ServerFixture.password)
                let page = try await client.execute(uri: "/m/torun/dashboard", method: .get, headers: browser.header)
                #expect(page.status == .ok)
                let text = page.text
                for heading in [
                    "Pulpit koordynatora", "Wierność modelowi", "Rejestr adaptacji", "Wskaźniki", "Trend kwartalny", "Zespół i obciążenie pracą",
                    "Partnerzy lokalni",
                ] {
                    #expect(text.contains(heading), "missing \(heading)")
                }
                // Toruń's added activity stands beside the adherence it changes.
                #expect(text.contains(#"Komponenty rdzenia</div>"#) && text.contains("adaptacja: nowe działanie „piknik podwórkowy”"))
                // The adoption began on 2024-07-01: its first quarter is the third of 2024.
                #expect(text.contains("III kw. 2024") && text.contains("IV kw. 2024"))
                // S-1 carries H-1 today, linked to its page.
                #expect(text.contains(#"<td>S-1</td><td>asystent rodziny</td>"#))
                #expect(text.contains(#"<a href="/m/torun/households/H-1">H-1</a>"#))
                // What the rules flag links to the household concerned.
                let details = try #require(text.range(of: "Szczegóły niespełnionych reguł"))
                #expect(text[details.upperBound...].contains(#"<li><a href="/m/torun/households/"#))
                #expect(text.contains("Miejski Ośrodek Pomocy Rodzinie w Toruniu <span class=\"meta\">(sektor publiczny)</span>"))
                // The page says which programme version is in force.
                #expect(text.contains("wygrana-rodzina@1.0.0"))

                for (email, status) in [("caseworker1@torun.test", HTTPResponse.Status.forbidden), ("coordinator@warszawa.test", .forbidden)] {
                    let other = Browser()
                    _ = try await BrowserSessionTests.signIn(client, other, email: email, password: ServerFixture.password)
                    let refused = try await client.execute(uri: "/m/torun/dashboard", method: .get, headers: other.header)
                    #expect(refused.status == status && !refused.text.contains("Trend kwartalny"), "\(email)")
                }
            }
        }
    }
}

@Suite("Adaptation register page")
struct AdaptationRegisterPageTests {
    typealias Browser = BrowserSessionTests.Browser

    @Test func aChangeOutsideTheBoundsIsRefusedBesideItsFieldAndOneInsideIsListed() async throws {
        try await ServerFixture.with { fixture in
            try await fixture.onLoopback { client in
                let browser = Browser()
                _ = try await BrowserSessionTests.signIn(client, browser, email: "coordinator@torun.test", password: ServerFixture.password)
                let page = try await client.execute(uri: "/m/torun/adaptations", method: .get, headers: browser.header)
                #expect(page.status == .ok && page.text.contains("Zapisz adaptację"))
                let csrf = try #require(BrowserSessionTests.hidden("csrf_token", in: page.text))
                func post(_ fields: [String: String]) async throws -> TestResponse {
                    try await client.execute(
                        uri: "/m/torun/adaptations", method: .post, headers: merged(browser.header, BrowserSessionTests.formType),
                        body: BrowserSessionTests.form(fields.merging(["csrf_token": csrf]) { a, _ in a }))
                }
                let frame = [
                    "code": "A-9", "adoption": "wygrana-rodzina", "reason": "Więcej czasu dla rodzin.", "decided_by": "Zespół koordynujący",
                    "decided_on": "2025-06-01", "planned": "reactive", "phase": "implementation", "decider": "programme-manager", "modifies": "content",
                    "level": "individual", "nature": "shortening", "fidelity": "inconsistent", "goal": "feasibility", "reason_level": "organisation",
                ]
                let refused = try await post(frame.merging(["change": "minimum-duration", "duration": "12"]) { $1 })
                #expect(refused.status == .unprocessableContent)
                #expect(refused.text.contains(#"id="duration-error""#) && refused.text.contains("krótszy niż 18 miesięcy"))
                #expect(refused.text.contains(#"value="A-9""#), "what was typed is kept")
                let count = { try await fixture.tenancy.admin.query("SELECT count(*) FROM t_torun.adaptation").scalar(Int.self) }
                #expect(try await count() == 0)
                // The dashboard is seen before the change, so its kept figures must be made again after it.
                let before = try await client.execute(uri: "/m/torun/dashboard", method: .get, headers: browser.header)
                #expect(before.status == .ok && !before.text.contains("minimalny czas udziału: 24 miesiące"))
                let saved = try await post(frame.merging(["change": "minimum-duration", "duration": "24", "nature": "lengthening", "fidelity": "consistent"]) { $1 })
                #expect(saved.status == .seeOther && saved.headers[.location] == "/m/torun/adaptations?saved=A-9")
                #expect(try await count() == 1)
                let register = try await client.execute(uri: "/m/torun/adaptations?saved=A-9", method: .get, headers: browser.header)
                #expect(register.text.contains("Zapisano adaptację A-9") && register.text.contains("wydłużenie") && register.text.contains("24 miesiące"))
                let dashboard = try await client.execute(uri: "/m/torun/dashboard", method: .get, headers: browser.header)
                #expect(dashboard.text.contains("minimalny czas udziału: 24 miesiące"))
                // A caseworker keeps no register.
                let caseworker = Browser()
                _ = try await BrowserSessionTests.signIn(client, caseworker, email: "caseworker1@torun.test", password: ServerFixture.password)
                #expect(try await client.execute(uri: "/m/torun/adaptations", method: .get, headers: caseworker.header).status == .forbidden)
            }
        }
    }
}

@Suite("Import page")
struct ImportPageTests {
    typealias Browser = BrowserSessionTests.Browser

    static func multipart(_ csrf: String, kind: String, file: String, update: Bool = false) -> (HTTPFields, ByteBuffer) {
        let boundary = "kokonTestBoundary42"
        let replace = update ? "--\(boundary)\r\nContent-Disposition: form-data; name=\"update\"\r\n\r\n1\r\n" : ""
        let body = """
            \(replace)--\(boundary)\r
            Content-Disposition: form-data; name="csrf_token"\r
            \r
            \(csrf)\r
            --\(boundary)\r
            Content-Disposition: form-data; name="kind"\r
            \r
            \(kind)\r
            --\(boundary)\r
            Content-Disposition: form-data; name="file"; filename="gospodarstwa.csv"\r
            Content-Type: text/csv\r
            \r
            \(file)\r
            --\(boundary)--\r

            """
        return ([.contentType: "multipart/form-data; boundary=\(boundary)"], ByteBuffer(string: body))
    }

    @Test func aFileIsCheckedInFullThenWrittenOnlyWhenConfirmed() async throws {
        try await ServerFixture.with { fixture in
            try await fixture.onLoopback { client in
                let browser = Browser()
                _ = try await BrowserSessionTests.signIn(client, browser, email: "coordinator@torun.test", password: ServerFixture.password)
                let page = try await client.execute(uri: "/m/torun/import", method: .get, headers: browser.header)
                let csrf = try #require(BrowserSessionTests.hidden("csrf_token", in: page.text))
                let (badHeaders, bad) = Self.multipart(csrf, kind: "households", file: "code,area,size\nH-80,mokre,3\nH-81,atlantyda,2")
                let refused = try await client.execute(uri: "/m/torun/import", method: .post, headers: merged(browser.header, badHeaders), body: bad)
                #expect(refused.status == .unprocessableContent && refused.text.contains("wiersz 3: „atlantyda” nie jest obszarem tej gminy;"))
                let (goodHeaders, good) = Self.multipart(csrf, kind: "households", file: "code,area,size\nH-80,mokre,3\nH-81,podgorz,2")
                let checked = try await client.execute(uri: "/m/torun/import", method: .post, headers: merged(browser.header, goodHeaders), body: good)
                #expect(checked.text.contains("2 zostanie dodanych"))
                #expect(try await fixture.count("households") == 2)
                let upload = try #require(BrowserSessionTests.hidden("upload", in: checked.text))
                // Without the token the upload is refused, and another account cannot confirm it.
                let (_, forged) = Self.multipart("guess", kind: "households", file: "code,area,size\nH-82,mokre,3")
                #expect(try await client.execute(uri: "/m/torun/import", method: .post, headers: merged(browser.header, goodHeaders), body: forged).status == .forbidden)
                let other = Browser()
                _ = try await BrowserSessionTests.signIn(client, other, email: "caseworker1@torun.test", password: ServerFixture.password)
                let otherPage = try await client.execute(uri: "/m/torun/households", method: .get, headers: other.header)
                let otherToken = try #require(BrowserSessionTests.hidden("csrf_token", in: otherPage.text))
                let stolen = try await client.execute(
                    uri: "/m/torun/import/confirm", method: .post, headers: merged(other.header, BrowserSessionTests.formType),
                    body: BrowserSessionTests.form(["csrf_token": otherToken, "upload": upload, "kind": "households"]))
                #expect(stolen.text.contains("wygasł"))
                #expect(try await fixture.count("households") == 2)
                let confirmed = try await client.execute(
                    uri: "/m/torun/import/confirm", method: .post, headers: merged(browser.header, BrowserSessionTests.formType),
                    body: BrowserSessionTests.form(["csrf_token": csrf, "upload": upload, "kind": "households"]))
                #expect(confirmed.text.contains("Zapisano 2 wierszy"))
                #expect(try await fixture.count("households") == 4)

                // A row whose code is stored with other values is shown both ways, and replaces
                // the stored record only when the box is ticked.
                let changedFile = "code,area,size\nH-80,stare-miasto,3\nH-83,mokre,1"
                let (changedHeaders, changed) = Self.multipart(csrf, kind: "households", file: changedFile)
                let shown = try await client.execute(uri: "/m/torun/import", method: .post, headers: merged(browser.header, changedHeaders), body: changed)
                #expect(
                    shown.status == .unprocessableContent
                        && shown.text.contains(
                            "Rekord (code &#39;H-80&#39;) jest już zapisany z innymi wartościami: zapisano area &#39;mokre&#39;, a w pliku jest area &#39;stare-miasto&#39;"),
                    "\(shown.text)")
                let (replaceHeaders, replace) = Self.multipart(csrf, kind: "households", file: changedFile, update: true)
                let replacing = try await client.execute(uri: "/m/torun/import", method: .post, headers: merged(browser.header, replaceHeaders), body: replace)
                #expect(replacing.text.contains("1 zostanie dodanych, 1 zastąpi zapisane rekordy"), "\(replacing.text)")
                let again = try #require(BrowserSessionTests.hidden("upload", in: replacing.text))
                let replaced = try await client.execute(
                    uri: "/m/torun/import/confirm", method: .post, headers: merged(browser.header, BrowserSessionTests.formType),
                    body: BrowserSessionTests.form(["csrf_token": csrf, "upload": again, "kind": "households", "update": "1"]))
                #expect(replaced.text.contains("Zapisano 1 wierszy (gospodarstwa domowe); 1 zastąpiło zapisane rekordy"), "\(replaced.text)")
                #expect(try await fixture.count("households") == 5)
            }
        }
    }
}

@Suite("Password page")
struct PasswordPageTests {
    typealias Browser = BrowserSessionTests.Browser

    @Test func changingThePasswordChecksTheOldOneAndEndsTheSessions() async throws {
        try await ServerFixture.with { fixture in
            try await fixture.onLoopback { client in
                let browser = Browser()
                _ = try await BrowserSessionTests.signIn(client, browser, email: "analyst@network.test", password: ServerFixture.password)
                let page = try await client.execute(uri: "/account/password", method: .get, headers: browser.header)
                let csrf = try #require(BrowserSessionTests.hidden("csrf_token", in: page.text))
                func change(_ current: String, _ new: String, _ again: String) async throws -> TestResponse {
                    try await client.execute(
                        uri: "/account/password", method: .post, headers: merged(browser.header, BrowserSessionTests.formType),
                        body: BrowserSessionTests.form(["csrf_token": csrf, "current": current, "new": new, "repeat": again]))
                }
                #expect(try await change("wrong wrong wrong", "nowe dobre haslo 2027", "nowe dobre haslo 2027").text.contains("Obecne hasło jest nieprawidłowe"))
                #expect(try await change(ServerFixture.password, "short", "short").text.contains("at least 12"))
                #expect(try await change(ServerFixture.password, "nowe dobre haslo 2027", "inne").text.contains("Hasła różnią się"))
                #expect(try await change(ServerFixture.password, "nowe dobre haslo 2027", "nowe dobre haslo 2027").status == .seeOther)
                #expect(try await client.execute(uri: "/", method: .get, headers: browser.header).headers[.location] == "/sign-in")
                let again = try await BrowserSessionTests.signIn(client, Browser(), email: "analyst@network.test", password: "nowe dobre haslo 2027")
                #expect(again.status == .seeOther)
            }
        }
    }
}
