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

/// The programme catalogue on the real server: handbooks in Polish with their lineage graph,
/// comparisons in words, and the check page that stores nothing.
@Suite("Programme catalogue pages")
struct ProgrammePageTests {
    typealias Browser = BrowserSessionTests.Browser

    @Test func aMethodologistReadsTheHandbookLineageAndAComparison() async throws {
        try await ServerFixture.with { fixture in
            try await fixture.onLoopback { client in
                let browser = Browser()
                _ = try await BrowserSessionTests.signIn(client, browser, email: "methodologist@network.test", password: ServerFixture.password)
                let catalogue = try await client.execute(uri: "/programmes", method: .get, headers: browser.header)
                #expect(catalogue.status == .ok)
                for programme in TenancyFixture.shipped.programmes { #expect(catalogue.text.contains(programme.name.pl)) }
                // Toruń is set up in this database and runs the Toruń model; Białystok is not.
                #expect(catalogue.text.contains("Gmina Miasta Toruń"))
                #expect(!catalogue.text.contains("Miasto Białystok"))

                let handbook = try await client.execute(uri: "/programmes/wygrana-rodzina/1.0.0", method: .get, headers: browser.header)
                #expect(handbook.status == .ok)
                let text = handbook.text
                #expect(text.contains("<svg") && text.contains("Akademia Rozwoju Talentów (ART)"))
                #expect(text.contains("Gmina Miasta Toruń realizuje Wygrana Rodzina – model toruński w wersji 1.0.0."))
                #expect(
                    text.contains("Minimalny czas udziału: 18 miesięcy")
                        && text.contains("co najmniej 1 działanie w roku (dowolnego rodzaju, np. kampania, debata, wydarzenie lokalne)"))
                // Before the identifiers' appendix the handbook speaks Polish: no English codes.
                let body = try #require(text.components(separatedBy: "Identyfikatory do plików gminy").first)
                for code in ["individual", "community", ">ngo<", "running", "months", " year", "output", "count ·", "families-enrolled", "family-assistant"] {
                    #expect(!body.contains(code), "the handbook shows the code \(code)")
                }

                let comparison = try await client.execute(
                    uri: "/programmes/compare?from=wygrana-rodzina@1.0.0&to=praski-kokon@1.0.0", method: .get, headers: browser.header)
                #expect(comparison.status == .ok)
                #expect(comparison.text.contains("<h2>Komponenty</h2>") && comparison.text.contains("usunięto „Edukacja rodzinna”"))
                #expect(comparison.text.contains("zmieniono „minimalny czas udziału”: 18 miesięcy → brak"))
                #expect(comparison.text.contains("To dwa różne programy"))
                let same = try await client.execute(
                    uri: "/programmes/compare?from=wygrana-rodzina@1.0.0&to=wygrana-rodzina@1.0.0", method: .get, headers: browser.header)
                #expect(same.text.contains("nie różnią się niczym"))
                let unknown = try await client.execute(uri: "/programmes/compare?from=nic@1.0.0&to=praski-kokon@1.0.0", method: .get, headers: browser.header)
                #expect(unknown.status == .notFound && unknown.text.contains("Nie znaleziono"))
            }
        }
    }

    @Test func theCheckPageShowsEachFindingAtItsLineAndStoresNothing() async throws {
        try await ServerFixture.with { fixture in
            try await fixture.onLoopback { client in
                let browser = Browser()
                _ = try await BrowserSessionTests.signIn(client, browser, email: "methodologist@network.test", password: ServerFixture.password)
                let page = try await client.execute(uri: "/programmes/check", method: .get, headers: browser.header)
                let csrf = try #require(BrowserSessionTests.hidden("csrf_token", in: page.text))
                let source = try String(contentsOf: TenancyFixture.root.appending(path: "models/wygrana-rodzina/1.0.0.yaml"), encoding: .utf8)
                // Pasted from a browser: CRLF line ends; one key misspelt on line 9.
                var lines = source.components(separatedBy: "\n")
                let line = try #require(lines.firstIndex { $0.hasPrefix("summary:") })
                lines[line] = lines[line].replacingOccurrences(of: "summary:", with: "sumary:")
                let broken = lines.joined(separator: "\r\n")
                let files = try await fixture.tenancy.admin.query("SELECT count(*) FROM kokon.tenants").scalar(Int.self)
                let checked = try await client.execute(
                    uri: "/programmes/check", method: .post, headers: merged(browser.header, Self.multipart(csrf, text: broken).0), body: Self.multipart(csrf, text: broken).1)
                #expect(checked.status == .ok)
                #expect(checked.text.contains("wiersz \(line + 1), kolumna 1"))
                #expect(checked.text.contains("unknown-key"))
                #expect(checked.text.contains(#"<li class="hit"><mark>sumary</mark>:"#))
                // The same file, correct, is clean: the shipped copy of its version is replaced, not duplicated.
                let clean = try await client.execute(
                    uri: "/programmes/check", method: .post, headers: merged(browser.header, Self.multipart(csrf, text: source).0), body: Self.multipart(csrf, text: source).1)
                #expect(clean.text.contains("jest poprawny"))
                // A municipality's file is checked against the programmes it adopts.
                let tenant = try String(contentsOf: TenancyFixture.root.appending(path: "tenants/torun.yaml"), encoding: .utf8)
                    .replacingOccurrences(of: "model: wygrana-rodzina@1", with: "model: wygrana-rodzna@1")
                let refused = try await client.execute(
                    uri: "/programmes/check", method: .post, headers: merged(browser.header, Self.multipart(csrf, text: tenant).0), body: Self.multipart(csrf, text: tenant).1)
                #expect(refused.text.contains("wygrana-rodzna"))
                #expect(refused.text.contains("Błąd"))
                #expect(try await fixture.tenancy.admin.query("SELECT count(*) FROM kokon.tenants").scalar(Int.self) == files)
                // Without the form's token nothing is checked.
                let forged = try await client.execute(
                    uri: "/programmes/check", method: .post, headers: merged(browser.header, Self.multipart("guess", text: source).0), body: Self.multipart("guess", text: source).1
                )
                #expect(forged.status == .forbidden)
            }
        }
    }

    static func multipart(_ csrf: String, text: String) -> (HTTPFields, ByteBuffer) {
        let boundary = "kokonCheckBoundary7"
        let body =
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n\(csrf)\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nautomatic\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n\(text)\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--\(boundary)--\r\n"
        return ([.contentType: "multipart/form-data; boundary=\(boundary)"], ByteBuffer(string: body))
    }
}

/// The network meeting pages: published figures only, per period, for analysts and the
/// coordinators of municipalities running the programme.
@Suite("Network meeting pages")
struct NetworkPageTests {
    typealias Browser = BrowserSessionTests.Browser

    @Test func anAnalystComparesPeriodsAndDownloadsButReachesNoCaseRecords() async throws {
        try await ServerFixture.with { fixture in
            let torun = try await CaseRecords(pool: fixture.tenancy.admin, tenant: "torun", actor: "test")
            try await Publisher(records: torun, tenant: try TenantDirectory(pool: fixture.tenancy.admin, catalog: TenancyFixture.shipped).tenant("torun")).publish()
            try await fixture.onLoopback { client in
                let analyst = Browser()
                _ = try await BrowserSessionTests.signIn(client, analyst, email: "analyst@network.test", password: ServerFixture.password)
                let index = try await client.execute(uri: "/network", method: .get, headers: analyst.header)
                #expect(index.status == .ok && index.text.contains(#"href="/network/wygrana-rodzina""#))
                let page = try await client.execute(uri: "/network/wygrana-rodzina", method: .get, headers: analyst.header)
                #expect(page.status == .ok)
                #expect(page.text.contains("Gmina Miasta Toruń") && page.text.contains("cały okres realizacji"))
                let published = try await fixture.tenancy.admin.query(
                    "SELECT DISTINCT period FROM shared.aggregates WHERE tenant = 'torun' AND adoption = 'wygrana-rodzina' AND period <> 'all' ORDER BY period"
                ).rows.map { try $0.decode("period", as: String.self) }
                let year = try #require(published.first)
                #expect(page.text.contains(#"<option value="\#(year)""#))
                let yearly = try await client.execute(uri: "/network/wygrana-rodzina?period=\(year)", method: .get, headers: analyst.header)
                #expect(yearly.text.contains("okres: rok \(year)"))
                // Quarters are published and chosen like years; their charts go by quarter.
                let quarters = published.compactMap(FigurePeriod.init).filter(\.isQuarter)
                let quarter = try #require(quarters.first)
                #expect(page.text.contains(#"<option value="\#(quarter)">\#(quarter.polish)</option>"#))
                let quarterly = try await client.execute(uri: "/network/wygrana-rodzina?period=\(quarter)", method: .get, headers: analyst.header)
                #expect(quarterly.status == .ok && quarterly.text.contains("okres: \(quarter.polish)"))
                #expect(quarterly.text.contains("Zmiany w kolejnych kwartałach"))
                if quarters.count > 1 { #expect(quarterly.text.contains(#"<th scope="col" class="num">\#(quarters[1].heading)</th>"#), "the trend goes by quarter") }
                // Hidden figures read "ukryte" and are never drawn: no bar for them.
                if page.text.contains("ukryte (&lt;5)") { #expect(page.text.contains(">ukryte</text>")) }
                let csv = try await client.execute(uri: "/network/wygrana-rodzina/report.csv?period=\(year)", method: .get, headers: analyst.header)
                #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8" && csv.text.contains("Gmina Miasta Toruń"))
                #expect(csv.headers[.contentDisposition]?.contains("raport-sieci-wygrana-rodzina-\(year).csv") == true)
                let handout = try await client.execute(uri: "/network/wygrana-rodzina/handout?period=all", method: .get, headers: analyst.header)
                #expect(handout.status == .ok && handout.text.contains(#"<table class="handout">"#))
                let bad = try await client.execute(uri: "/network/wygrana-rodzina?period=kwarta%C5%82", method: .get, headers: analyst.header)
                #expect(bad.status == .badRequest && bad.text.contains("Wybierz okres z listy"))
                // No city links anywhere but to published figures, and case records stay closed.
                #expect(!page.text.contains("/m/torun"))
                for path in ["/m/torun/households", "/m/torun/dashboard", "/m/torun/households/H-1", "/api/v1/municipalities/torun/records/households"] {
                    let response = try await client.execute(uri: path, method: .get, headers: analyst.header)
                    #expect(response.status == .forbidden, "\(path) answered \(response.status)")
                    #expect(!response.text.contains("H-1"))
                }
                // Warszawa's coordinator does not run the Toruń model: its network page is closed.
                let warszawa = Browser()
                _ = try await BrowserSessionTests.signIn(client, warszawa, email: "coordinator@warszawa.test", password: ServerFixture.password)
                #expect(try await client.execute(uri: "/network/wygrana-rodzina", method: .get, headers: warszawa.header).status == .forbidden)
                let coordinator = Browser()
                _ = try await BrowserSessionTests.signIn(client, coordinator, email: "coordinator@torun.test", password: ServerFixture.password)
                #expect(try await client.execute(uri: "/network/wygrana-rodzina", method: .get, headers: coordinator.header).status == .ok)
                // A caseworker has no network pages.
                let caseworker = Browser()
                _ = try await BrowserSessionTests.signIn(client, caseworker, email: "caseworker1@torun.test", password: ServerFixture.password)
                #expect(try await client.execute(uri: "/network", method: .get, headers: caseworker.header).status == .forbidden)
            }
        }
    }
}

/// The upgrade page: a coordinator sees what a newer version would mean, with every
/// adaptation judged and the lines for the tenant file; nobody else's municipality.
@Suite("Upgrade page")
struct UpgradePageTests {
    typealias Browser = BrowserSessionTests.Browser

    @Test func aCoordinatorSeesTheConflictThatBlocksTheUpgradeAndWhatToWrite() async throws {
        try await ServerFixture.with { fixture in
            try await fixture.onLoopback { client in
                let coordinator = Browser()
                _ = try await BrowserSessionTests.signIn(client, coordinator, email: "coordinator@warszawa.test", password: ServerFixture.password)
                let page = try await client.execute(uri: "/m/warszawa/upgrades", method: .get, headers: coordinator.header)
                #expect(page.status == .ok && page.text.contains(#"<option value="praski-kokon@1.1.0""#))
                let plan = try await client.execute(
                    uri: "/m/warszawa/upgrades?adoption=praski-kokon&to=praski-kokon@1.1.0&on=2019-01-01", method: .get, headers: coordinator.header)
                #expect(plan.status == .ok)
                #expect(plan.text.contains("Aktualizację wstrzymuje konflikt") && plan.text.contains("w konflikcie z nową wersją"))
                #expect(plan.text.contains("rezygnacja z komponentu „Edukacja finansowa rodzin”"))
                #expect(plan.text.contains("from: praski-kokon@1.0.0") && plan.text.contains("component: financial-education"))
                #expect(plan.text.contains("dodano „festyn podwórkowy”"))
                // The plan changes nothing.
                #expect(try await fixture.tenancy.admin.query("SELECT model_version FROM kokon.adoptions WHERE tenant = 'warszawa'").scalar(String.self) == "1.0.0")
                let early = try await client.execute(
                    uri: "/m/warszawa/upgrades?adoption=praski-kokon&to=praski-kokon@1.1.0&on=2010-01-01", method: .get, headers: coordinator.header)
                #expect(early.status == .badRequest && early.text.contains("2010-01-01"))
                let torun = Browser()
                _ = try await BrowserSessionTests.signIn(client, torun, email: "coordinator@torun.test", password: ServerFixture.password)
                #expect(try await client.execute(uri: "/m/warszawa/upgrades", method: .get, headers: torun.header).status == .forbidden)
                let own = try await client.execute(uri: "/m/torun/upgrades", method: .get, headers: torun.header)
                #expect(own.status == .ok && own.text.contains("najnowszą wersję"))
                let caseworker = Browser()
                _ = try await BrowserSessionTests.signIn(client, caseworker, email: "caseworker1@torun.test", password: ServerFixture.password)
                #expect(try await client.execute(uri: "/m/torun/upgrades", method: .get, headers: caseworker.header).status == .forbidden)
            }
        }
    }
}
