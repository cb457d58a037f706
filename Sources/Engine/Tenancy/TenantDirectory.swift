public import Foundation
import Logging
public import Postgres
public import Templates

/// Sets up and lists municipalities in one database: their roles, schemas, migrations and
/// adoptions, from the checked tenant files in a ``ModelCatalog``.
///
/// Needs an administrator's connection (one that may create roles and schemas), like
/// ``Catalogue/migrate(_:)``. Case records are written through ``CaseRecords``, which works
/// inside one tenant's boundary.
public struct TenantDirectory: Sendable {
    /// The database.
    public let pool: ConnectionPool
    /// The checked models and tenants.
    public let catalog: ModelCatalog

    /// A directory over a pool and the loaded files.
    public init(pool: ConnectionPool, catalog: ModelCatalog) {
        self.pool = pool
        self.catalog = catalog
    }

    /// The tenant file's content, or a clear error.
    public func tenant(_ id: String) throws -> Tenant {
        guard TenantID.isValid(id) else { throw TenantError.invalidID(id, hint: TenantID.hint(for: id)) }
        if let tenant = catalog.tenant(id) { return tenant }
        if catalog.files.contains(where: { $0.kind == .tenant && $0.id == id }) { throw TenantError.invalidDefinition(id) }
        throw TenantError.notDefined(id, known: catalog.tenants.map(\.id))
    }

    /// The tenants named, or every tenant when `ids` is empty.
    func selected(_ ids: [String]) throws -> [Tenant] {
        ids.isEmpty ? catalog.tenants : try ids.map(tenant)
    }

    /// What `apply` would do, changing nothing.
    public func plan(_ ids: [String] = []) async throws -> [TenantPlan] {
        let tenants = try selected(ids)
        return try await pool.withSession { session in
            let database = try await Self.database(session)
            var plans: [TenantPlan] = []
            for tenant in tenants {
                plans.append(try await plan(tenant, boundary: TenantBoundary(id: tenant.id, database: database), on: session))
            }
            return plans
        }
    }

    /// Applies each tenant in its own transaction, so an interrupted run keeps the tenants it
    /// finished and a second run picks up the rest. Returns what was done; a plan with no
    /// steps means the tenant was already up to date.
    public func apply(
        _ ids: [String] = [], actor: String = "kokon", parallel: Int = 1,
        progress: (@Sendable (TenantPlan) -> Void)? = nil
    ) async throws -> [TenantPlan] {
        let tenants = try selected(ids)
        let database = try await pool.withSession { try await Self.database($0) }
        return try await withThrowingTaskGroup(of: (Int, TenantPlan).self) { group in
            var results = [TenantPlan?](repeating: nil, count: tenants.count)
            var next = 0
            func launch() {
                let index = next
                let tenant = tenants[index]
                next += 1
                group.addTask {
                    let plan = try await apply(tenant, boundary: TenantBoundary(id: tenant.id, database: database), actor: actor)
                    progress?(plan)
                    return (index, plan)
                }
            }
            for _ in 0..<min(max(parallel, 1), tenants.count) { launch() }
            while let (index, plan) = try await group.next() {
                results[index] = plan
                if next < tenants.count { launch() }
            }
            return results.compactMap { $0 }
        }
    }

    /// One tenant, in one transaction.
    func apply(_ tenant: Tenant, boundary: TenantBoundary, actor: String) async throws -> TenantPlan {
        try await pool.withSession { session in
            try await session.transaction { session in
                try await session.query("SELECT pg_advisory_xact_lock(\(Self.lockKey(boundary)))")
                let plan = try await plan(tenant, boundary: boundary, on: session)
                guard !plan.isEmpty else { return plan }
                try await session.query("SET LOCAL client_min_messages TO warning")
                try await createBoundary(boundary, on: session)
                try await register(tenant, boundary: boundary, plan: plan, on: session)
                try await Self.migrator(boundary).migrate(on: session)
                try await session.query("SET LOCAL ROLE \(boundary.role)")
                try await session.query("SET LOCAL search_path TO \([boundary.schema])")
                try await session.query("SELECT set_config('kokon.actor', \(actor), true), set_config('kokon.scope', 'all', true)")
                try await syncTenantData(tenant, on: session)
                return plan
            }
        }
    }

    // MARK: planning

    func plan(_ tenant: Tenant, boundary: TenantBoundary, on session: Session) async throws -> TenantPlan {
        var steps = try await boundarySteps(boundary, on: session)
        // Before the first `kokon migrate` there is no catalogue yet: every tenant is new.
        let catalogued = try await session.query("SELECT to_regclass('kokon.tenants') IS NOT NULL AS present").scalar(Bool.self)
        let stored = try await storedDefinition(of: tenant.id, catalogued: catalogued, on: session)
        if let stored {
            let changed = Self.changedParts(stored, tenant)
            if !changed.isEmpty { steps.append(.updateDefinition(changed)) }
        } else {
            steps.append(.register(tenant.name))
        }
        steps += try await adoptionSteps(tenant, catalogued: catalogued, on: session)
        // A retained adoption is only news once; it changes nothing in the database.
        if steps.allSatisfy({ if case .retain = $0 { true } else { false } }), stored == tenant {
            steps.removeAll()
        }
        return TenantPlan(tenant: tenant.id, steps: steps)
    }

    /// The role, schema, publishing right and tenant migrations the boundary still needs.
    func boundarySteps(_ boundary: TenantBoundary, on session: Session) async throws -> [TenantPlan.Step] {
        var steps: [TenantPlan.Step] = []
        let roleExists = try await session.query("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(boundary.role.parts[0])) AS found").scalar(Bool.self)
        let schemaExists = try await session.query("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = \(boundary.schema.parts[0])) AS found").scalar(Bool.self)
        if !roleExists { steps.append(.createRole(boundary.role.description)) }
        if !schemaExists { steps.append(.createSchema(boundary.schema.description)) }
        var mayPublish = false
        if roleExists {
            mayPublish = try await session.query(
                """
                SELECT pg_has_role(\(boundary.role.parts[0]), 'kokon_tenants', 'USAGE') AS granted
                """
            ).scalar(Bool.self)
        }
        if !mayPublish { steps.append(.grantPublishing(boundary.role.description)) }
        let migrations = try Self.migrator(boundary)
        let pending =
            schemaExists
            ? try await migrations.status(on: session).filter { $0.state != .applied }.map(\.name)
            : migrations.migrations.map(\.name)
        if !pending.isEmpty { steps.append(.migrate(pending)) }
        return steps
    }

    /// The tenant file as it was last applied, if it was.
    func storedDefinition(of tenant: String, catalogued: Bool, on session: Session) async throws -> Tenant? {
        guard catalogued, let row = try await session.query("SELECT definition FROM kokon.tenants WHERE id = \(tenant)").first else { return nil }
        return try row.decode("definition", as: JSONB.self).decode(Tenant.self)
    }

    /// New adoptions, version changes and refreshed programmes, and adoptions kept that the
    /// file no longer lists.
    func adoptionSteps(_ tenant: Tenant, catalogued: Bool, on session: Session) async throws -> [TenantPlan.Step] {
        var steps: [TenantPlan.Step] = []
        var adopted: [String: (version: String, programme: Programme)] = [:]
        for row in catalogued ? try await session.query("SELECT adoption, model_version, programme FROM kokon.adoptions WHERE tenant = \(tenant.id)").rows : [] {
            adopted[try row.decode("adoption")] = (try row.decode("model_version"), try row.decode("programme", as: JSONB.self).decode(Programme.self))
        }
        for adoption in tenant.adoptions {
            let programme = try programme(for: adoption)
            let dropped = Set(adoption.adaptationsInForce.filter { $0.change == .dropComponent }.compactMap(\.component))
            guard let previous = adopted[adoption.id] else {
                steps.append(.adopt(programme.reference))
                continue
            }
            let differences = ModelDifference.between(previous.programme, programme, ignoringComponents: dropped)
            if let upgrade = adoption.upgraded, previous.version != programme.version.description,
                upgrade.resolvedFrom == "\(adoption.id)@\(previous.version)"
            {
                steps.append(
                    .upgrade(adoption: adoption.id, from: "\(adoption.id)@\(previous.version)", to: programme.reference, on: upgrade.on.description, differences: differences))
            } else if previous.version != programme.version.description {
                steps.append(.changeVersion(adoption: adoption.id, from: "\(adoption.id)@\(previous.version)", to: programme.reference, differences: differences))
            } else if previous.programme != programme {
                steps.append(.refresh(adoption: adoption.id, differences: differences))
            }
        }
        for id in adopted.keys.sorted() where !tenant.adoptions.contains(where: { $0.id == id }) {
            steps.append(.retain(id))
        }
        return steps
    }

    /// The programme an adoption resolved to when the files were checked.
    func programme(for adoption: Adoption) throws -> Programme {
        guard let reference = adoption.resolvedModel, let programme = catalog.programme(reference) else {
            throw TenantError.invalidDefinition(adoption.id)
        }
        return programme
    }

    static func changedParts(_ old: Tenant, _ new: Tenant) -> [String] {
        var parts: [String] = []
        if old.name != new.name || old.teryt != new.teryt || old.voivodeship != new.voivodeship || old.example != new.example { parts.append("name and codes") }
        if old.areas != new.areas { parts.append("areas") }
        if old.partners != new.partners { parts.append("partners") }
        let oldAdoptions = Dictionary(old.adoptions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for adoption in new.adoptions {
            guard let previous = oldAdoptions[adoption.id] else { continue }
            if previous.period != adoption.period { parts.append("period of \(adoption.id)") }
            if previous.targets != adoption.targets { parts.append("targets of \(adoption.id)") }
            if previous.staff != adoption.staff { parts.append("staff of \(adoption.id)") }
            if previous.adaptations != adoption.adaptations { parts.append("adaptations of \(adoption.id)") }
        }
        return parts
    }

    // MARK: applying

    func createBoundary(_ boundary: TenantBoundary, on session: Session) async throws {
        let exists = try await session.query("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(boundary.role.parts[0])) AS found").scalar(Bool.self)
        if exists {
            try await session.query("ALTER ROLE \(boundary.role) INHERIT")
        } else {
            try await session.query("CREATE ROLE \(boundary.role) NOLOGIN")
        }
        // The application may take on the tenant's role (SET ROLE) but, being NOINHERIT,
        // never holds its rights otherwise.
        try await session.query("GRANT \(boundary.role) TO \(DatabaseRoles.application)")
        let superuser = try await session.query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").scalar(Bool.self)
        if !superuser { try await session.query("GRANT \(boundary.role) TO CURRENT_USER") }
        try await session.query("CREATE SCHEMA IF NOT EXISTS \(boundary.schema) AUTHORIZATION \(boundary.role)")
        try await session.query("REVOKE ALL ON SCHEMA \(boundary.schema) FROM PUBLIC")
        // The right to publish to `shared`, where row-level security keeps it to its own rows.
        try await session.query("GRANT \(DatabaseRoles.tenants) TO \(boundary.role)")
    }

    func register(_ tenant: Tenant, boundary: TenantBoundary, plan: TenantPlan, on session: Session) async throws {
        let definition = try JSONB(encoding: tenant)
        try await session.query(
            """
            INSERT INTO kokon.tenants (id, name, teryt, voivodeship, example, schema_name, role_name, definition, checksum)
            VALUES (\(tenant.id), \(tenant.name), \(tenant.teryt.code), \(tenant.voivodeship), \(tenant.isExample),
                    \(boundary.schema.parts[0]), \(boundary.role.parts[0]), \(definition), \(Migrator.checksum(definition.text)))
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, teryt = EXCLUDED.teryt, voivodeship = EXCLUDED.voivodeship,
                example = EXCLUDED.example, definition = EXCLUDED.definition, checksum = EXCLUDED.checksum, applied_at = now()
            """)
        for adoption in tenant.adoptions {
            let programme = try programme(for: adoption)
            let change = plan.steps.lazy.compactMap { step -> (String?, [ModelDifference])? in
                switch step {
                case .adopt(let reference) where reference == programme.reference: (nil, [])
                case .changeVersion(let id, let from, _, let differences) where id == adoption.id: (from, differences)
                case .upgrade(let id, let from, _, _, let differences) where id == adoption.id: (from, differences)
                case .refresh(let id, let differences) where id == adoption.id: (programme.reference, differences)
                default: nil
                }
            }.first
            try await session.query(
                """
                INSERT INTO kokon.adoptions (tenant, adoption, model_id, model_version, starts_on, ends_on, programme, adaptations)
                VALUES (\(tenant.id), \(adoption.id), \(programme.id), \(programme.version.description),
                        \(CalendarDate(adoption.period.start)), \(CalendarDate(adoption.period.end)),
                        \(try JSONB(encoding: programme)), \(try JSONB(encoding: adoption.adaptations ?? [])))
                ON CONFLICT (tenant, adoption) DO UPDATE SET model_version = EXCLUDED.model_version, starts_on = EXCLUDED.starts_on,
                    ends_on = EXCLUDED.ends_on, programme = EXCLUDED.programme, adaptations = EXCLUDED.adaptations, applied_at = now()
                """)
            if let (from, differences) = change {
                try await session.query(
                    """
                    INSERT INTO kokon.adoption_changes (tenant, adoption, from_version, to_version, differences, effective_on)
                    VALUES (\(tenant.id), \(adoption.id), \(from), \(programme.reference), \(try JSONB(encoding: differences)),
                            \(adoption.upgraded.map { CalendarDate($0.on) }))
                    """)
            }
        }
    }

    /// Areas, organisations, adoptions and model elements inside the tenant's schema.
    func syncTenantData(_ tenant: Tenant, on session: Session) async throws {
        for area in tenant.areas {
            try await session.query("INSERT INTO area (id, name) VALUES (\(area.id), \(area.name)) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name")
        }
        for partner in tenant.partners ?? [] {
            try await session.query(
                """
                INSERT INTO organisation (id, name, sector) VALUES (\(partner.id), \(partner.name), \(partner.sector))
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, sector = EXCLUDED.sector
                """)
        }
        for adoption in tenant.adoptions {
            let programme = try programme(for: adoption)
            let inForce = adoption.adaptationsInForce
            let longer = inForce.last { $0.change == .minimumDuration }?.duration
            let minimumMonths = (longer ?? programme.participation?.minimumDuration)?.months
            // Before the adoption moves on, the version it ran until the upgrade day is kept.
            if let upgrade = adoption.upgraded { try await keepPreviousVersion(of: adoption, upgrade: upgrade, on: session) }
            try await session.query(
                """
                INSERT INTO adoption (id, model_id, model_version, starts_on, ends_on, unit, minimum_months, targets, programme, adaptations, upgrade, illustrative, baselines,
                                      fidelity_assessments)
                VALUES (\(adoption.id), \(programme.id), \(programme.version.description), \(CalendarDate(adoption.period.start)),
                        \(CalendarDate(adoption.period.end)), \(programme.participation?.unit ?? .family), \(minimumMonths),
                        \(try adoption.targets.map { try JSONB(encoding: $0) } ?? JSONB(text: "{}")), \(try JSONB(encoding: programme)),
                        \(try JSONB(encoding: inForce)), \(try adoption.upgraded.map { try JSONB(encoding: $0) }),
                        \(tenant.illustrativeParts(of: adoption).map(\.rawValue))::text[], \(try JSONB(encoding: adoption.baselines ?? [])),
                        \(try JSONB(encoding: adoption.fidelityAssessments ?? [])))
                ON CONFLICT (id) DO UPDATE SET model_version = EXCLUDED.model_version, starts_on = EXCLUDED.starts_on,
                    ends_on = EXCLUDED.ends_on, unit = EXCLUDED.unit, minimum_months = EXCLUDED.minimum_months,
                    targets = EXCLUDED.targets, programme = EXCLUDED.programme, adaptations = EXCLUDED.adaptations, upgrade = EXCLUDED.upgrade,
                    illustrative = EXCLUDED.illustrative, baselines = EXCLUDED.baselines, fidelity_assessments = EXCLUDED.fidelity_assessments
                """)
            // A tenant set up already upgraded gets its earlier version from the catalogue.
            if let upgrade = adoption.upgraded { try await keepPreviousVersion(of: adoption, upgrade: upgrade, on: session) }
            let elements = ModelElement.of(programme, adoption: adoption)
            try await session.query(
                """
                INSERT INTO model_element (adoption, kind, id, parent, name, core, added_locally, active)
                SELECT \(adoption.id), e.kind, e.id, nullif(e.parent, ''), e.name, e.core::boolean, e.added::boolean, e.active::boolean
                FROM unnest(\(elements.map(\.kind))::text[], \(elements.map(\.id))::text[], \(elements.map { $0.parent ?? "" })::text[],
                            \(elements.map(\.name))::text[], \(elements.map { String($0.core) })::text[],
                            \(elements.map { String($0.addedLocally) })::text[], \(elements.map { String($0.active) })::text[])
                     AS e(kind, id, parent, name, core, added, active)
                ON CONFLICT (adoption, kind, id) DO UPDATE SET parent = EXCLUDED.parent, name = EXCLUDED.name, core = EXCLUDED.core,
                    added_locally = EXCLUDED.added_locally, active = EXCLUDED.active
                """)
            // Items the new version no longer has stay for old records, but take no new ones;
            // activities added through the adaptation register are the municipality's own.
            try await session.query(
                """
                UPDATE model_element SET active = false
                WHERE adoption = \(adoption.id) AND active
                  AND (kind, id) NOT IN (SELECT * FROM unnest(\(elements.map(\.kind))::text[], \(elements.map(\.id))::text[]))
                  AND NOT (kind = 'activity' AND id IN (SELECT a.activity FROM adaptation a WHERE a.adoption = \(adoption.id) AND a.change = 'add-activity'))
                """)
        }
    }

    /// Keeps the version an upgraded adoption ran before its upgrade day: as the tenant's
    /// schema holds it when the adoption is moving now, or from the catalogue when the tenant
    /// is set up already upgraded. A version already kept is never rewritten.
    func keepPreviousVersion(of adoption: Adoption, upgrade: Upgrade, on session: Session) async throws {
        guard let reference = upgrade.resolvedFrom, let previous = catalog.programme(reference) else { throw TenantError.invalidDefinition(adoption.id) }
        let day = CalendarDate(upgrade.on)
        let lastDay = day.adding(days: -1)
        // It starts the day after the version before it ended, or with the adoption.
        let first = try await session.query(
            "SELECT coalesce(max(ends_on) + 1, \(CalendarDate(adoption.period.start))) AS first FROM adoption_version WHERE adoption = \(adoption.id) AND ends_on < \(day)"
        ).scalar(CalendarDate.self)
        guard first <= lastDay else { return }
        let moved =
            try await session.query(
                """
                INSERT INTO adoption_version (adoption, model_version, starts_on, ends_on, programme, adaptations)
                SELECT id, model_version, \(first), \(lastDay), programme, adaptations FROM adoption
                WHERE id = \(adoption.id) AND model_version = \(previous.version.description)
                ON CONFLICT (adoption, starts_on) DO NOTHING
                """
            ).affectedRows ?? 0
        guard moved == 0, try await session.query("SELECT EXISTS (SELECT 1 FROM adoption WHERE id = \(adoption.id)) AS found").scalar(Bool.self) else { return }
        try await session.query(
            """
            INSERT INTO adoption_version (adoption, model_version, starts_on, ends_on, programme, adaptations)
            SELECT \(adoption.id), \(previous.version.description), \(first), \(lastDay), \(try JSONB(encoding: previous)), \(try JSONB(encoding: adoption.adaptations ?? []))
            ON CONFLICT (adoption, starts_on) DO NOTHING
            """)
    }

    /// Applies the tenant migrations this build carries that a municipality set up earlier
    /// has not had yet, for every municipality in the database: a server started after an
    /// upgrade of Kokon reads every schema in the shape its code expects. Returns the
    /// migrations applied, by municipality; each runs in its own transaction, as `apply` does.
    @discardableResult
    public func migrateApplied() async throws -> [(tenant: String, migrations: [String])] {
        let database = try await pool.withSession { try await Self.database($0) }
        let ids = try await pool.query("SELECT id FROM kokon.tenants WHERE applied_at IS NOT NULL ORDER BY id").rows.map { try $0.decode("id", as: String.self) }
        var applied: [(tenant: String, migrations: [String])] = []
        for id in ids {
            let boundary = try TenantBoundary(id: id, database: database)
            let names = try await pool.withSession { session in
                try await session.transaction { session in
                    try await session.query("SET LOCAL client_min_messages TO warning")
                    return try await Self.migrator(boundary).migrate(on: session)
                }
            }
            if !names.isEmpty { applied.append((id, names)) }
        }
        return applied
    }

    // MARK: listing and dropping

    /// One line of `kokon tenant list`.
    public struct Summary: Sendable {
        /// The id.
        public let id: String
        /// The official name.
        public let name: String
        /// Made up for demonstrations.
        public let example: Bool
        /// `id@version` of each adoption.
        public let adoptions: [String]
        /// When it was last applied, or nil if only the file exists.
        public let appliedAt: Date?
        /// Whether a tenant file defines it.
        public let hasFile: Bool
    }

    /// Every tenant in the database or in the files.
    public func list() async throws -> [Summary] {
        let rows = try await pool.query(
            """
            SELECT t.id, t.name, t.example, t.applied_at,
                   coalesce(array_agg(a.model_id || '@' || a.model_version ORDER BY a.adoption) FILTER (WHERE a.adoption IS NOT NULL), '{}') AS adoptions
            FROM kokon.tenants t LEFT JOIN kokon.adoptions a ON a.tenant = t.id
            GROUP BY t.id ORDER BY t.id
            """
        ).rows
        var summaries: [Summary] = []
        for row in rows {
            let id: String = try row.decode("id")
            summaries.append(
                Summary(
                    id: id, name: try row.decode("name"), example: try row.decode("example"), adoptions: try row.decode("adoptions"),
                    appliedAt: try row.decode("applied_at"), hasFile: catalog.tenant(id) != nil))
        }
        for tenant in catalog.tenants where !summaries.contains(where: { $0.id == tenant.id }) {
            summaries.append(
                Summary(
                    id: tenant.id, name: tenant.name, example: tenant.isExample,
                    adoptions: tenant.adoptions.compactMap(\.resolvedModel), appliedAt: nil, hasFile: true))
        }
        return summaries.sorted { $0.id < $1.id }
    }

    /// Deletes a tenant's schema (with every case record), its role and its catalogue entry.
    /// `confirm` must repeat the id.
    public func drop(_ id: String, confirm: String) async throws {
        guard TenantID.isValid(id) else { throw TenantError.invalidID(id, hint: TenantID.hint(for: id)) }
        guard confirm == id else { throw TenantError.notConfirmed(id) }
        try await pool.withSession { session in
            let boundary = try TenantBoundary(id: id, database: try await Self.database(session))
            try await session.transaction { session in
                try await session.query("SELECT pg_advisory_xact_lock(\(Self.lockKey(boundary)))")
                let known = try await session.query("SELECT EXISTS (SELECT 1 FROM kokon.tenants WHERE id = \(id)) AS found").scalar(Bool.self)
                guard known else { throw TenantError.notApplied(id) }
                try await session.query("SET LOCAL client_min_messages TO warning")
                try await session.query("DROP SCHEMA IF EXISTS \(boundary.schema) CASCADE")
                try await session.query("DELETE FROM shared.aggregates WHERE tenant = \(id)")
                try await session.query("DELETE FROM shared.publications WHERE tenant = \(id)")
                try await session.query("DELETE FROM shared.publication_history WHERE tenant = \(id)")
                try await session.query("DELETE FROM kokon.tenants WHERE id = \(id)")
                try await Self.dropRole(boundary.role, on: session)
            }
        }
    }

    /// Drops a tenant's role once its schema is gone. The role owns nothing else and holds
    /// only role memberships, which go with it, so a plain `DROP ROLE` does it in constant
    /// time; `DROP OWNED BY`, which scans the dependencies of every schema in the database,
    /// is the fallback only for a role someone gave more to by hand.
    public static func dropRole(_ role: Identifier, on session: Session) async throws {
        let exists = try await session.query("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(role.parts[0])) AS found").scalar(Bool.self)
        guard exists else { return }
        do {
            try await session.transaction { try await $0.query("DROP ROLE \(role)") }
        } catch let error as PostgresError where error.code == .dependentObjectsStillExist {
            try await session.query("DROP OWNED BY \(role)")
            try await session.query("DROP ROLE \(role)")
        }
    }

    // MARK: helpers

    static func database(_ session: Session) async throws -> String {
        try await session.query("SELECT current_database() AS name").scalar(String.self)
    }

    /// The name of the database `pool` reaches, which tenant role names carry.
    public static func database(_ pool: ConnectionPool) async throws -> String {
        try await pool.withSession { try await database($0) }
    }

    /// The tenant migrations, run as the tenant's role inside its schema, recorded in its own
    /// history table so dropping the schema forgets them too.
    static func migrator(_ boundary: TenantBoundary) throws -> Migrator {
        try Migrator(
            migrations: Catalogue.tenantMigrations(), historyTable: try boundary.schema.appending("schema_migrations"),
            scope: "tenant", role: boundary.role, searchPath: [boundary.schema], lockKey: lockKey(boundary))
    }

    /// An advisory lock key for one tenant, stable across processes.
    static func lockKey(_ boundary: TenantBoundary) -> Int64 {
        Int64(Migrator.checksum("kokon tenant " + boundary.schema.description).prefix(15), radix: 16)!
    }
}
