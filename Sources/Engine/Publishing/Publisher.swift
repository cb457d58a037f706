import Foundation
public import Postgres
public import Templates

/// Publishes a municipality's aggregates to schema `shared`: computed inside its own boundary
/// (as its role), suppressed where they count fewer than k persons or households, and written
/// in the same transaction that removes its previous figures, so readers see either the old
/// set or the new one. Row-level security lets the role write only its own rows.
public struct Publisher: Sendable {
    /// The tenant's records.
    public let records: CaseRecords
    /// The tenant's definition (its name is published with the figures).
    public let tenant: Tenant

    /// A publisher for one tenant.
    public init(records: CaseRecords, tenant: Tenant) {
        self.records = records
        self.tenant = tenant
    }

    /// What was published.
    public struct Report: Sendable {
        /// Cells the municipality now has published.
        public let cells: Int
        /// Of which suppressed.
        public let suppressed: Int
        /// The network's k they were suppressed with.
        public let k: Int
        /// The day the figures describe: the end of the last closed quarter.
        public var closing: CalendarDate
        /// Adoptions whose figures as of this closing were already published, and stay as
        /// they were.
        public var unchanged: [String] = []
        /// Adoptions with no closed quarter yet, so nothing to publish.
        public var notYet: [String] = []
        /// Whether they were copied to the analysts' database: nil when there is none, false
        /// when copying failed (the publish stands; `kokon analysts sync` copies again).
        public var copiedForAnalysts: Bool? = nil
    }

    /// The figures of one adoption exactly as they would be published: suppressed cells
    /// marked, their values removed.
    public struct Preview: Sendable {
        /// The adoption.
        public let adoption: String
        /// `id@version` of the programme.
        public let programme: String
        /// The cells, the whole period first, then each year, then each quarter.
        public let cells: [AggregateCell]
        /// The network's k they were suppressed with.
        public let k: Int
        /// The day they describe (the end of the last closed quarter).
        public let closing: CalendarDate
        /// Whether they are published already: then they are the published figures, which
        /// stay until the next closing.
        public let published: Bool
    }

    /// Publishes the figures of every adoption as of the end of the last closed quarter (see
    /// ``closing(before:)``): the whole period, each year and each quarter that has ended,
    /// suppressed with the network's k (``NetworkPolicy``), read in the same transaction,
    /// and protected against every earlier publication too. An adoption already published as
    /// of that closing keeps its figures: they change when the next quarter closes.
    ///
    /// Publishes of one municipality run one after another (a lock per municipality, held to
    /// the end of the transaction): a second one waits, calling `waiting` first, and then
    /// finds the first one's figures in place, instead of colliding with them.
    @discardableResult
    public func publish(today: CalendarDate = .today, waiting: (@Sendable (String) -> Void)? = nil) async throws -> Report {
        var report = try await publishFigures(today: today, waiting: waiting)
        // Copied after the commit: the network's figures never wait on the analysts' copy.
        if let analysts = try await AnalystsDatabase.configured(records.pool) {
            do {
                try await analysts.copy(records)
                report.copiedForAnalysts = true
            } catch {
                report.copiedForAnalysts = false
            }
        }
        return report
    }

    func publishFigures(today: CalendarDate, waiting: (@Sendable (String) -> Void)?) async throws -> Report {
        try await records.transaction { session in
            let key = "kokon publish \(tenant.id)"
            if try await !session.query("SELECT pg_try_advisory_xact_lock(hashtextextended(\(key), 0)) AS locked").scalar(Bool.self) {
                waiting?("another publish of \(tenant.name) (\(tenant.id)) is running; waiting for it to finish")
                try await session.query("SELECT pg_advisory_xact_lock(hashtextextended(\(key), 0))")
            }
            let k = try await NetworkPolicy.k(on: session)
            let closing = Self.closing(before: today)
            // A closing is published once: publishing again before the next one changes
            // nothing, so two publications never differ by a late record or two. Only a new
            // k (the network's policy changed) publishes the same closing again.
            let done = try await published(asOf: closing, k: k, on: session)
            let computed = try await compute(k: k, asOf: closing, skipping: Set(done.keys), on: session)
            let kept = computed.kept
            try await session.query("DELETE FROM shared.aggregates WHERE tenant = \(tenant.id) AND NOT adoption = ANY(\(kept))")
            try await session.query("DELETE FROM shared.publications WHERE tenant = \(tenant.id) AND NOT adoption = ANY(\(kept))")
            for (adoption, cells) in computed.figures { try await write(adoption, cells, k: k, closing: closing, on: session) }
            let totals = try await session.query(
                "SELECT count(*) AS cells, count(*) FILTER (WHERE suppressed) AS suppressed FROM shared.aggregates WHERE tenant = \(tenant.id)"
            ).first!
            return Report(
                cells: try totals.decode("cells"), suppressed: try totals.decode("suppressed"), k: k, closing: closing, unchanged: kept, notYet: computed.notYet)
        }
    }

    /// What ``publish(today:waiting:)`` would publish, writing nothing: for the coordinator to
    /// see exactly what leaves the municipality before confirming. An adoption already
    /// published as of the closing shows the figures it published then.
    public func preview(today: CalendarDate = .today) async throws -> [Preview] {
        try await records.transaction { session in
            let k = try await NetworkPolicy.k(on: session)
            let closing = Self.closing(before: today)
            let done = try await published(asOf: closing, k: k, on: session)
            var previews = try await compute(k: k, asOf: closing, skipping: Set(done.keys), on: session).figures.map {
                Preview(adoption: $0.0.id, programme: $0.0.programme.reference, cells: $0.1, k: k, closing: closing, published: false)
            }
            for (adoption, programme) in done.sorted(by: { $0.key < $1.key }) {
                previews.append(
                    Preview(
                        adoption: adoption, programme: programme, cells: try await Self.stored(adoption, tenant: tenant.id, on: session), k: k, closing: closing, published: true))
            }
            return previews
        }
    }

    /// The adoptions already published as of `closing` with `k`, each with its `id@version`.
    func published(asOf closing: CalendarDate, k: Int, on session: Session) async throws -> [String: String] {
        var published: [String: String] = [:]
        for row in try await session.query(
            "SELECT adoption, model_id || '@' || model_version AS programme FROM shared.publications WHERE tenant = \(tenant.id) AND as_of = \(closing) AND k = \(k)"
        ).rows {
            published[try row.decode("adoption")] = try row.decode("programme")
        }
        return published
    }

    /// Every adoption's protected cells as of `asOf`, and which adoptions had none.
    struct Computation {
        /// Each adoption's cells: the whole period, then each year, then each quarter.
        var figures: [(AdoptionContext, [AggregateCell])] = []
        /// Adoptions skipped because their figures as of `asOf` are published already.
        var kept: [String] = []
        /// Adoptions with no closed quarter by `asOf`.
        var notYet: [String] = []
    }

    /// Every adoption's cells for the whole period, each year and each quarter over by
    /// `asOf` (or begun, with `openPeriods`), suppressed and protected against the earlier
    /// publications in `history` (read from `shared` when nil).
    func compute(
        k: Int, asOf: CalendarDate, openPeriods: Bool = false, skipping: Set<String> = [], history given: [String: [Published]]? = nil, on session: Session
    ) async throws -> Computation {
        let evaluator = Evaluator(records: records)
        let history: [String: [Published]]
        if let given { history = given } else { history = try await Self.history(on: session, tenant: tenant.id) }
        var computation = Computation()
        // An upgraded adoption has a context per version; each period is published from the
        // version in force at its end, and the publication says when the version changed.
        var parts: [String: [AdoptionContext]] = [:]
        var order: [String] = []
        for context in try await evaluator.contexts(adoption: nil, today: asOf, on: session) {
            if parts[context.id] == nil { order.append(context.id) }
            // A version that begins after the day of the figures has nothing to show yet.
            if context.start <= context.asOf { parts[context.id, default: []].append(context) }
        }
        for id in order {
            if skipping.contains(id) {
                computation.kept.append(id)
                continue
            }
            let versions = parts[id] ?? []
            guard let current = versions.last else {
                computation.notYet.append(id)
                continue
            }
            var assembly = try await Self.assemble(
                versions, closing: asOf, published: { openPeriods || Self.isClosed($0, by: asOf) }, history: history[id] ?? [], evaluator: evaluator, on: session)
            let bound = assembly.bound
            // A count anyone can tell is 0 reveals nothing: it is shown, and its share counts
            // only the rest.
            for index in assembly.cells.indices where bound.zeros.contains(assembly.cells[index].key) {
                assembly.cells[index].sensitiveCounts = []
                let period = assembly.cells[index].period
                if let share = assembly.cells.indices.first(where: { assembly.cells[$0].period == period && assembly.cells[$0].measure == "completion" }) {
                    assembly.cells[share].sensitiveCounts = Array(assembly.cells[share].sensitiveCounts.dropFirst())
                }
            }
            let (unprotected, settled) = (assembly.cells, assembly.earlier.union(assembly.shownBefore))
            var cells = Array(
                try await AuditThread.run {
                    Suppression.protect(
                        unprotected, k: k, relations: bound.relations, spans: bound.spans, overTime: bound.overTime, zeros: bound.zeros, settled: settled)
                }.prefix(assembly.current))
            // A figure shown before stays known; if late records made it small, it is not
            // shown again at its new value.
            for index in cells.indices where assembly.shownBefore.contains(cells[index].key) && cells[index].sensitiveCounts.contains(where: { $0 < k }) {
                cells[index].suppress()
            }
            computation.figures.append((current, cells))
        }
        return computation
    }

    /// The periods an adoption publishes: the whole period, each year, each quarter. A year or
    /// quarter an upgrade cuts in two is published from the version in force at its end, from
    /// the upgrade day on: the last version's part of it wins.
    static func periods(_ versions: [AdoptionContext]) -> [AdoptionContext] {
        guard let current = versions.last else { return [] }
        func latest(_ parts: (AdoptionContext) -> [AdoptionContext]) -> [AdoptionContext] {
            var byLabel: [String: AdoptionContext] = [:]
            for version in versions { for part in parts(version) { byLabel[part.label] = part } }
            return byLabel.values.sorted { $0.start < $1.start }
        }
        return [current] + latest(\.years) + latest(\.quarters)
    }

    /// What the figures of an adoption obey, as anyone reading them and the programme knows.
    struct Bindings {
        /// The sums between measures.
        let relations: [AdditiveRelation]
        /// Each period's days.
        let spans: [Suppression.Span]
        /// The measures that add up over time.
        let overTime: Set<String>
        /// Counts that can only be 0.
        let zeros: Set<CellKey>
    }

    /// The bindings of an adoption's figures (`versions` as the evaluator gives them, the
    /// first starting on the adoption's first day).
    static func relations(_ versions: [AdoptionContext], _ periods: [AdoptionContext]) -> Bindings {
        let programme = versions.last?.programme
        // Nobody completes before the minimum participation has passed since the adoption
        // began: a period ending sooner can only show 0 completions.
        let first = versions.first?.start
        let zeros = periods.filter { period in
            guard let first, let minimum = period.minimumMonths else { return false }
            return CalendarDate.wholeMonths(from: first, to: period.asOf.adding(days: 1)) < minimum
        }
        return Bindings(
            relations: AdditiveRelation.standard + (programme.map(groupSums) ?? []),
            spans: periods.map { Suppression.Span(period: $0.label, start: $0.start, end: $0.asOf) },
            overTime: programme.map(overTime) ?? AdditiveRelation.overTime, zeros: Set(zeros.map { CellKey(period: $0.label, measure: "completed") }))
    }

    /// Sums between a programme's own indicators: where it counts its participants (or
    /// families, persons, children) and, with the same measure, each of its target groups,
    /// the groups add up to the whole, so a hidden group's count would be the whole less the
    /// other groups'. The same holds for a group and its quotas.
    public static func groupSums(_ programme: Programme) -> [AdditiveRelation] {
        let counts = (programme.indicators ?? []).filter {
            $0.measure.type == .count && ["participants", "families", "persons", "children"].contains($0.measure.subject)
        }
        func plain(_ measure: Measure) -> Measure {
            var measure = measure
            measure.targetGroup = nil
            return measure
        }
        // The whole and its top-level groups, then each group and its quotas.
        var partitions: [(whole: String?, parts: [String])] = [(nil, (programme.targetGroups ?? []).map(\.id))]
        for group in programme.targetGroups ?? [] where !(group.quotas ?? []).isEmpty {
            partitions.append((group.id, (group.quotas ?? []).map(\.id)))
        }
        var relations: [AdditiveRelation] = []
        for total in counts {
            for partition in partitions where total.measure.targetGroup == partition.whole && partition.parts.count > 1 {
                let parts = partition.parts.compactMap { group in
                    counts.first { $0.measure.targetGroup == group && plain($0.measure) == plain(total.measure) }.map { "indicator:" + $0.id }
                }
                if parts.count == partition.parts.count {
                    relations.append(AdditiveRelation(total: "indicator:" + total.id, parts: parts, derived: [:]))
                }
            }
        }
        return relations
    }

    /// The measures of a programme whose figure for a period is the sum of its parts': the
    /// standard ones, and indicators counting sessions held (each dated inside one period).
    static func overTime(_ programme: Programme) -> Set<String> {
        let sessions = (programme.indicators ?? []).filter { $0.measure.type == .count && $0.measure.subject == "sessions" }
        return AdditiveRelation.overTime.union(sessions.map { "indicator:" + $0.id })
    }

    /// Writes one adoption's figures as of `closing` (also for an adoption that ended before
    /// it: the closing names the publication), and keeps them in the history.
    func write(_ adoption: AdoptionContext, _ cells: [AggregateCell], k: Int, closing: CalendarDate, on session: Session) async throws {
        let programme = adoption.programme
        let lineage = [programme.id] + programme.lineage.map { String($0.split(separator: "@")[0]) }
        try await session.query(
            """
            INSERT INTO shared.publications (tenant, tenant_name, example, adoption, model_id, model_version, model_name, lineage, k, as_of,
                                             previous_version, upgraded_on, illustrative)
            VALUES (\(tenant.id), \(tenant.name), \(tenant.isExample), \(adoption.id), \(programme.id), \(programme.version.description),
                    \(programme.name.pl), \(lineage), \(k), \(closing), \(adoption.previousVersion),
                    \(adoption.previousVersion == nil ? nil : adoption.start), \(adoption.illustrative.map(\.rawValue)))
            """)
        func text(_ value: (AggregateCell) -> String?) -> [String] { cells.map { value($0) ?? "" } }
        try await session.query(
            """
            INSERT INTO shared.aggregates (tenant, adoption, model_version, measure, label, kind, period, unit, value, numerator, denominator, target, status, suppressed)
            SELECT \(tenant.id), \(adoption.id), coalesce(nullif(c.version, ''), \(programme.version.description)), c.measure, c.label, nullif(c.kind, ''), c.period, c.unit,
                   nullif(c.value, '')::numeric, nullif(c.numerator, '')::bigint, nullif(c.denominator, '')::bigint,
                   nullif(c.target, ''), nullif(c.status, ''), c.suppressed::boolean
            FROM unnest(\(text { $0.measure })::text[], \(text { $0.label })::text[], \(text { $0.kind })::text[], \(text { $0.period })::text[], \(text { $0.unit.rawValue })::text[], \(text { $0.value.map { "\($0)" } })::text[],
                        \(text { $0.numerator.map(String.init) })::text[], \(text { $0.denominator.map(String.init) })::text[],
                        \(text { $0.target })::text[], \(text { $0.status })::text[], \(text { String($0.suppressed) })::text[],
                        \(text { $0.modelVersion })::text[])
                 AS c(measure, label, kind, period, unit, value, numerator, denominator, target, status, suppressed, version)
            """)
        // Kept for good: a later publication is protected against this one too. Published
        // again at the same closing (a new k), a figure shown either time counts as shown.
        try await session.query(
            """
            INSERT INTO shared.publication_history (tenant, adoption, as_of, period, measure, suppressed, value)
            SELECT \(tenant.id), \(adoption.id), \(closing), c.period, c.measure, c.suppressed::boolean, nullif(c.value, '')::numeric
            FROM unnest(\(text { $0.period })::text[], \(text { $0.measure })::text[], \(text { String($0.suppressed) })::text[],
                        \(text { $0.value.map { "\($0)" } })::text[]) AS c(period, measure, suppressed, value)
            ON CONFLICT (tenant, adoption, as_of, period, measure) DO UPDATE
            SET suppressed = shared.publication_history.suppressed AND excluded.suppressed,
                value = coalesce(shared.publication_history.value, excluded.value)
            """)
    }

    /// The figures of one evaluation, each with the counts of persons or households it reveals.
    static func cells(of evaluation: Evaluation, on session: Session) async throws -> [AggregateCell] {
        let cell = CellMaker(period: evaluation.period.label)
        return participationCells(evaluation, cell) + (try await spendingAndNetworkCells(evaluation, cell, on: session)) + indicatorCells(evaluation, cell)
    }

    /// Makes the cells of one period.
    struct CellMaker {
        let period: String

        func callAsFunction(
            _ measure: String, _ unit: FigureUnit, _ value: Decimal?, counts: [Int], numerator: Int? = nil, denominator: Int? = nil,
            target: String? = nil, status: String? = nil, label: String? = nil, kind: String? = nil
        ) -> AggregateCell {
            AggregateCell(
                measure: measure, label: label ?? StandardMeasure.label(measure), kind: kind, period: period, unit: unit, value: value, numerator: numerator,
                denominator: denominator, target: target, status: status, sensitiveCounts: counts)
        }
    }

    /// Enrolment, retention, completion, reach and fidelity.
    static func participationCells(_ evaluation: Evaluation, _ cell: CellMaker) -> [AggregateCell] {
        let fidelity = evaluation.fidelity
        let enrolled = fidelity.enrolled
        let dropped = fidelity.subjects.filter(\.droppedOut).count
        let completed = fidelity.subjects.filter(\.completed).count
        func percent(_ part: Int, _ whole: Int) -> Decimal? { whole == 0 ? nil : rounded(Double(part) * 100 / Double(whole)) }
        var cells = [
            cell("enrolled", .count, Decimal(enrolled), counts: [enrolled]),
            cell("retained", .count, Decimal(enrolled - dropped), counts: [enrolled - dropped]),
            cell("dropped-out", .count, Decimal(dropped), counts: [dropped]),
            cell("retention", .percent, percent(enrolled - dropped, enrolled), counts: [enrolled - dropped, dropped], numerator: enrolled - dropped, denominator: enrolled),
            cell("adherence", .percent, rounded(fidelity.adherence * 100), counts: [], numerator: fidelity.coreComponentsDelivered, denominator: fidelity.coreComponents),
            cell("sessions-per-subject", .rate, rounded(fidelity.sessionsPerSubject), counts: [enrolled]),
            cell("fidelity", .score, rounded(fidelity.score), counts: [enrolled]),
        ]
        // Completion is published for programmes with a minimum participation (they have a dose).
        if fidelity.doseMonths != nil {
            cells += [
                cell("completed", .count, Decimal(completed), counts: [completed]),
                cell("not-completed", .count, Decimal(enrolled - completed), counts: [enrolled - completed]),
                cell("completion", .percent, percent(completed, enrolled), counts: [completed, enrolled - completed], numerator: completed, denominator: enrolled),
                cell("dose-months", .percent, fidelity.doseMonths.map { rounded($0 * 100) }, counts: [enrolled]),
            ]
        }
        if let target = fidelity.target {
            cells.append(cell("target", .count, Decimal(target), counts: []))
            cells.append(cell("reach", .percent, percent(enrolled, target), counts: [enrolled], numerator: enrolled, denominator: target))
        }
        return cells
    }

    /// Money spent, cost per participant and network actions, read from the tenant's records.
    static func spendingAndNetworkCells(_ evaluation: Evaluation, _ cell: CellMaker, on session: Session) async throws -> [AggregateCell] {
        let enrolled = evaluation.fidelity.enrolled
        var cells: [AggregateCell] = []
        let money = try await session.query(
            """
            SELECT coalesce(sum(amount), 0) AS spent,
                   (SELECT count(*) FROM network WHERE adoption = \(evaluation.adoption)) AS networks,
                   (SELECT count(*) FROM network_action na JOIN network n ON n.code = na.network
                    WHERE n.adoption = \(evaluation.adoption) AND na.held_on BETWEEN \(evaluation.period.start) AND \(evaluation.asOf)) AS actions
            FROM expenditure WHERE adoption = \(evaluation.adoption)
              AND spent_on BETWEEN \(evaluation.period.start) AND \(evaluation.asOf)
            """
        ).first!
        let spent: Decimal = try money.decode("spent")
        cells.append(cell("expenditure", .pln, spent, counts: []))
        cells.append(cell("cost-per-subject", .pln, enrolled == 0 ? nil : rounded(NSDecimalNumber(decimal: spent).doubleValue / Double(enrolled)), counts: [enrolled]))
        let networks: Int = try money.decode("networks")
        let actions: Int = try money.decode("actions")
        let days = (evaluation.asOf.daysSinceEpoch - evaluation.period.start.daysSinceEpoch) + 1
        if networks > 0, days > 0 {
            cells.append(
                cell(
                    "network-actions-per-network-year", .rate, rounded(Double(actions) / Double(networks) / (Double(days) / 365.25)), counts: [],
                    numerator: actions, denominator: networks))
        }
        return cells
    }

    /// The programme's own indicators.
    static func indicatorCells(_ evaluation: Evaluation, _ cell: CellMaker) -> [AggregateCell] {
        var cells: [AggregateCell] = []
        for indicator in evaluation.indicators {
            let counts: [Int]
            switch (indicator.percent, indicator.numerator, indicator.denominator) {
            case (true, let numerator?, let denominator?): counts = [numerator, denominator - numerator]
            case (false, let numerator?, let denominator?): counts = [numerator, denominator]
            default: counts = personCount(indicator) ? [NSDecimalNumber(decimal: indicator.value ?? 0).intValue] : []
            }
            cells.append(
                cell(
                    "indicator:" + indicator.id, indicator.percent ? .percent : (indicator.value.map { $0 != $0.rounded0 } ?? false) ? .rate : .count,
                    indicator.value, counts: counts, numerator: indicator.numerator, denominator: indicator.denominator,
                    target: indicator.target?.pl, status: indicator.status.rawValue, label: indicator.name, kind: indicator.kind.rawValue))
        }
        return cells
    }

    /// Counts of families, participants, persons, children or plans are counts of people.
    static func personCount(_ indicator: IndicatorValue) -> Bool {
        !indicator.percent && indicator.value != nil && indicator.note == nil
    }

    static func rounded(_ value: Double) -> Decimal { Decimal(string: String(format: "%.1f", value))! }
}

extension Decimal {
    /// Rounded to a whole number.
    var rounded0: Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, 0, .plain)
        return result
    }
}
