import Foundation
import Testing

@testable import Templates

@Suite("The five seed programmes")
struct ShippedModelTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let models = root.appending(path: "models").path
    static let catalog = ModelCatalog.load(paths: [models])

    /// The programme as `kokon show --format json` prints it, parsed back.
    func shown(_ id: String) throws -> [String: Any] {
        let programme = try #require(Self.catalog.programme(id), "\(id) did not resolve")
        let data = Data(try programme.resolvedJSON().utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func amount(_ value: Any?) -> Decimal? {
        guard let money = value as? [String: Any], let number = money["amount"] as? NSNumber else { return nil }
        return Decimal(string: number.stringValue)
    }

    /// Models shared into a project through a symbolic link are read like a folder.
    @Test func aLinkedModelsFolderIsRead() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "kokon-link-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appending(path: "models").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: Self.models)
        let linked = ModelCatalog.load(paths: [link])
        #expect(linked.programmes.count == Self.catalog.programmes.count && !linked.programmes.isEmpty)
    }

    /// The only warnings are the sources' own inconsistencies, kept as they are printed: the
    /// Ełk budget gap, and Praski Kokon's axis "I" beside measure 4.1 and call POWR.04.01 (axis IV).
    @Test func allShippedModelsLintCleanApartFromTheSourcesOwnInconsistencies() {
        #expect(Self.catalog.diagnostics.errors.isEmpty, "\(Self.catalog.diagnostics.errors.map { Self.catalog.render($0) })")
        let warnings = Self.catalog.diagnostics.warnings.sorted { $0.file < $1.file }
        #expect(warnings.map(\.code) == ["funding-axis", "funding-axis", "budget-sum"])
        #expect(warnings.last?.message.contains("32 986,97 PLN short of the total 1 398 557,64 PLN") == true)
        #expect(warnings.first?.message.contains("which belong to axis IV") == true)
        #expect(warnings.prefix(2).allSatisfy { $0.file.contains("praski-kokon") })
        #expect(Set(Self.catalog.programmes.map(\.id)) == ["wygrana-rodzina", "praski-kokon", "aktywne-wlaczenie-torun", "razem-zmieniamy-jutro", "sojusz-dla-rodziny"])
    }

    @Test func torunModel() throws {
        let p = try shown("wygrana-rodzina@1")
        let components = try #require(p["components"] as? [[String: Any]])
        #expect(components.count == 4)
        #expect(components.allSatisfy { ($0["core"] as? Bool) == true })
        #expect(components.first?["use"] as? String == "talent-academy@1.0.0")
        #expect(components.first?["requires_plan"] as? String == "individual-development-plan")
        #expect((p["roles"] as? [[String: Any]])?.map { $0["id"] as? String } == ["family-assistant", "mentor", "community-animator", "education-leader"])
        let duration = (p["participation"] as? [String: Any])?["minimum_duration"] as? [String: Any]
        #expect(duration?["amount"] as? Int == 18 && duration?["unit"] as? String == "month")
        let obligation = ((p["networks"] as? [[String: Any]])?.first?["obligations"] as? [[String: Any]])?.first
        #expect(obligation?["minimum"] as? Int == 1 && obligation?["per"] as? String == "year")
        #expect(obligation?["action_types"] as? [String] == ["campaign", "debate", "local-event"])
        let funding = p["funding"] as? [String: Any]
        #expect((funding?["measure"] as? String)?.hasPrefix("FERS.05.01") == true)
        let budget = p["budget"] as? [String: Any]
        #expect(amount(budget?["total"]) == 3_000_000 && budget?["approximate"] as? Bool == true)
    }

    @Test func praskiKokon() throws {
        let p = try shown("praski-kokon")
        #expect(amount((p["budget"] as? [String: Any])?["grant"]) == Decimal(string: "1817779.19"))
        #expect((p["period"] as? [String: Any])?["start"] as? String == "2017-01-02")
        #expect((p["period"] as? [String: Any])?["end"] as? String == "2019-12-31")
        #expect((p["products"] as? [Any])?.count == 8)
        #expect((p["partners"] as? [Any])?.count == 3)
        #expect((p["phases"] as? [[String: Any]])?.map { $0["id"] as? String } == ["diagnosis", "co-design", "pilot", "dissemination", "adoption-into-policy"])
        #expect((p["funding"] as? [String: Any])?["call"] as? String == "POWR.04.01.00-IZ.00-00-004/16")
        let foster = (p["indicators"] as? [[String: Any]])?.first { $0["id"] as? String == "children-placed-in-foster-care" }
        #expect((foster?["target"] as? [String: Any])?["direction"] as? String == "decrease")
        #expect((p["components"] as? [[String: Any]])?.contains { $0["use"] as? String == "talent-academy@1.0.0" } == true)
    }

    @Test func activeInclusionQuotasAndTargets() throws {
        let p = try shown("aktywne-wlaczenie-torun@1.0.0")
        let groups = try #require(p["target_groups"] as? [[String: Any]])
        let atRisk = try #require(groups.first { $0["id"] as? String == "at-risk" })
        #expect(atRisk["size"] as? Int == 80)
        #expect((atRisk["quotas"] as? [[String: Any]])?.map { $0["size"] as? Int } == [32, 32, 16])
        #expect((atRisk["preferences"] as? [Any])?.count == 5)
        #expect(groups.first { $0["id"] as? String == "environment" }?["size"] as? Int == 40)
        let indicators = try #require(p["indicators"] as? [[String: Any]])
        func target(_ id: String) -> Decimal? {
            let atLeast = ((indicators.first { $0["id"] as? String == id }?["target"] as? [String: Any])?["at_least"] as? [String: Any])
            return (atLeast?["value"] as? NSNumber).flatMap { Decimal(string: $0.stringValue) }
        }
        #expect(target("social-effectiveness") == 34)
        #expect(target("employment-effectiveness") == 22)
        let budget = p["budget"] as? [String: Any]
        #expect(amount(budget?["total"]) == Decimal(string: "1239061.22"))
        #expect(amount(budget?["grant"]) == Decimal(string: "1053259.79"))
        #expect(amount(budget?["own_contribution"]) == Decimal(string: "185801.43"))
        #expect((p["period"] as? [String: Any])?["start"] as? String == "2017-10-01")
        #expect((p["period"] as? [String: Any])?["end"] as? String == "2019-09-30")
        let tasks = try #require(p["components"] as? [[String: Any]])
        #expect(tasks.map { ($0["activities"] as? [Any])?.count } == [8, 4, 5])
        #expect(Set((p["plans"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []) == ["reintegration-path", "social-contract"])
    }

    @Test func razemZmieniamyJutro() throws {
        let p = try shown("razem-zmieniamy-jutro")
        let budget = p["budget"] as? [String: Any]
        #expect(amount(budget?["total"]) == 75_085 && (budget?["total"] as? [String: Any])?["currency"] as? String == "EUR")
        #expect(amount(budget?["grant"]) == 73_300)
        let baselines = try #require(p["baselines"] as? [[String: Any]])
        #expect(baselines.compactMap { ($0["value"] as? [String: Any])?["value"] as? Int } == [231, 149, 365])
        let activities = (p["components"] as? [[String: Any]])?.flatMap { ($0["activities"] as? [[String: Any]]) ?? [] } ?? []
        #expect(activities.first { $0["id"] as? String == "community-action" }?["count"] as? Int == 8)
        #expect(activities.first { $0["id"] as? String == "self-help-group-meeting" }?["count"] as? Int == 3)
        let groups = try #require(p["target_groups"] as? [[String: Any]])
        #expect(groups.map { $0["size"] as? Int } == [20, 30, 6, 100])
        #expect((groups.first { $0["id"] as? String == "youth" }?["age"] as? [String: Any])?["min"] as? Int == 13)
    }

    @Test func sojuszDlaRodziny() throws {
        let p = try shown("sojusz-dla-rodziny@1")
        let budget = p["budget"] as? [String: Any]
        #expect(amount(budget?["total"]) == Decimal(string: "1398557.64"))
        #expect(amount(budget?["grant"]) == Decimal(string: "1356600.91"))
        #expect(amount(budget?["own_contribution"]) == Decimal(string: "8969.76"))
        #expect((p["period"] as? [String: Any])?["end"] as? String == "2022-05-31")
        let activities = (p["components"] as? [[String: Any]])?.flatMap { ($0["activities"] as? [[String: Any]]) ?? [] } ?? []
        #expect(activities.map { ($0["occasions"] as? [Any])?.count } == [2, 4, 4])
        #expect(activities.last?["participants"] as? Int == 80)
        #expect((p["partners"] as? [[String: Any]])?.contains { $0["country"] as? String == "Niemcy" } == true)
    }

    @Test func handbooksRenderEveryProgramme() {
        for programme in Self.catalog.programmes {
            let handbook = Handbook(programme)
            #expect(handbook.markdown.hasPrefix("# \(programme.name.pl)"))
            #expect(handbook.markdown.hasPrefix("# "))
            #expect(handbook.sections.contains { $0.title == "Komponenty" })
        }
    }

    @Test func thirdPartyValidatorAcceptsModelsAndRejectsBrokenFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "kokon-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let programmeSchema = folder.appending(path: "programme.json")
        let componentSchema = folder.appending(path: "component.json")
        try JSONSchemaExporter.export(ProgrammeSchema.programme, id: "programme").write(to: programmeSchema, atomically: true, encoding: .utf8)
        try JSONSchemaExporter.export(ProgrammeSchema.libraryComponent, id: "component").write(to: componentSchema, atomically: true, encoding: .utf8)

        let programmes = Self.catalog.files.filter { $0.kind == .programme }.map(\.path)
        let components = Self.catalog.files.filter { $0.kind == .component }.map(\.path)
        #expect(programmes.count == 6 && components.count == 1)
        let good = try validate(schema: programmeSchema, files: programmes)
        #expect(good.status == 0, "\(good.output)")
        #expect(try validate(schema: componentSchema, files: components).status == 0)

        var broken: [String] = []
        for (index, mutation) in [("version: 1.0.0", "version: 1.0"), ("unit: family", "unit: famly"), ("name:", "nazwa:"), ("core: true", "core: yes")].enumerated() {
            let source = try String(contentsOfFile: programmes[programmes.count - 1], encoding: .utf8)
            let path = folder.appending(path: "broken-\(index).yaml").path
            try source.replacingOccurrences(of: mutation.0, with: mutation.1).write(toFile: path, atomically: true, encoding: .utf8)
            broken.append(path)
        }
        let bad = try validate(schema: programmeSchema, files: broken)
        #expect(bad.status == 1)
        #expect(bad.output.split(separator: "\n").allSatisfy { $0.hasPrefix("invalid ") }, "\(bad.output)")

        // Tenant files too: the shipped ones pass, a bad TERYT code or id does not.
        let tenantSchema = folder.appending(path: "tenant.json")
        try JSONSchemaExporter.export(TenantSchema.tenant, id: "tenant").write(to: tenantSchema, atomically: true, encoding: .utf8)
        let tenants = TenantTests.shipped.files.filter { $0.kind == .tenant }.map(\.path)
        #expect(tenants.count == 6)
        let goodTenants = try validate(schema: tenantSchema, files: tenants)
        #expect(goodTenants.status == 0, "\(goodTenants.output)")
        var brokenTenants: [String] = []
        for (index, mutation) in [("teryt: \"0463011\"", "teryt: \"0063011\""), ("id: torun", "id: Toruń"), ("sector: public", "sector: government")].enumerated() {
            let source = try String(contentsOfFile: tenants.first { $0.hasSuffix("torun.yaml") }!, encoding: .utf8)
            let path = folder.appending(path: "tenant-\(index).yaml").path
            try source.replacingOccurrences(of: mutation.0, with: mutation.1).write(toFile: path, atomically: true, encoding: .utf8)
            brokenTenants.append(path)
        }
        let badTenants = try validate(schema: tenantSchema, files: brokenTenants)
        #expect(badTenants.output.split(separator: "\n").filter { $0.hasPrefix("invalid ") }.count == 3, "\(badTenants.output)")
    }

    func validate(schema: URL, files: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.root.appending(path: "scripts/validate-with-jsonschema.py").path, schema.path] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        #expect(!output.contains("No module named"), "install the validator: pip install jsonschema pyyaml")
        return (process.terminationStatus, output)
    }
}

@Suite("Guide")
struct GuideTests {
    @Test func keyReferenceInDocsMatchesTheSchema() throws {
        let path = ShippedModelTests.root.appending(path: "docs/template-reference.md").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let generated = KeyReference.markdown(ProgrammeSchema.programme) + KeyReference.evaluationMarkdown(EvaluationUse.programme)
        #expect(text.hasSuffix(generated), "docs/template-reference.md is out of date: regenerate it with `kokon schema --format markdown`")
        for field in ProgrammeSchema.programme.fields { #expect(text.contains("| `\(field.key)` |")) }
    }

    /// The table of keys the evaluation uses names only keys the files have.
    @Test func everyKeyTheEvaluationUsesExists() {
        for (root, uses) in [(ProgrammeSchema.programme, EvaluationUse.programme), (TenantSchema.tenant, EvaluationUse.tenant)] {
            let mappings = KeyReference.mappings(root)
            for use in uses {
                let mapping = mappings.first { $0.title == use.mapping }
                #expect(mapping?.field(use.key) != nil, "\(root.title): no key \(use.key) in \(use.mapping)")
            }
        }
    }

    @Test func tenantKeyReferenceInDocsMatchesTheSchema() throws {
        let path = ShippedModelTests.root.appending(path: "docs/tenant-reference.md").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            text.hasSuffix(KeyReference.markdown(TenantSchema.tenant) + KeyReference.evaluationMarkdown(EvaluationUse.tenant)),
            "docs/tenant-reference.md is out of date: regenerate it with `kokon schema --kind tenant --format markdown`")
    }
}
