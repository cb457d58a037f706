import Postgres
import Templates

extension Publisher {
    /// What an earlier publication showed or hid: one figure, as of its closing.
    struct Published: Sendable {
        /// The day its figures described.
        let asOf: CalendarDate
        /// The figure, under the period label it was published with.
        let key: CellKey
        /// Whether it was hidden.
        let suppressed: Bool
    }

    /// Every figure the municipality has published, by adoption: each publication is kept in
    /// `shared.publication_history` when it is made, so a later one can be protected against it.
    static func history(on session: Session, tenant: String) async throws -> [String: [Published]] {
        var history: [String: [Published]] = [:]
        for row in try await session.query(
            "SELECT adoption, as_of, period, measure, suppressed FROM shared.publication_history WHERE tenant = \(tenant) ORDER BY adoption, as_of, period, measure"
        ).rows {
            history[try row.decode("adoption"), default: []].append(
                Published(
                    asOf: try row.decode("as_of"), key: CellKey(period: try row.decode("period"), measure: try row.decode("measure")),
                    suppressed: try row.decode("suppressed")))
        }
        return history
    }

    /// One adoption's figures as they bear on a publication: today's periods, and the
    /// periods of earlier publications that today's do not repeat, each evaluated now.
    struct Assembly {
        /// Today's cells first (`current` of them), then earlier publications' periods,
        /// labelled with their last day (`all to 2026-06-30`) and marked as they were published.
        var cells: [AggregateCell]
        /// How many of `cells` are today's.
        let current: Int
        /// What the figures obey, today's periods and earlier ones together.
        let bound: Bindings
        /// Figures an earlier publication showed, under today's labels: anyone who kept it knows them.
        let shownBefore: Set<CellKey>
        /// Earlier publications' own periods: their state cannot change any more.
        let earlier: Set<CellKey>
    }

    /// Evaluates the periods of `versions` that `published` accepts (by label) as of
    /// `closing`, and those of the earlier publications in `history`.
    ///
    /// An earlier figure is taken at today's value of its period, not at the value it showed:
    /// whatever was recorded late, the audit then assumes the reader knows it, so protection
    /// never rests on a late record being unknown.
    static func assemble(
        _ versions: [AdoptionContext], closing: CalendarDate, published: (String) -> Bool, history: [Published], evaluator: Evaluator,
        on session: Session
    ) async throws -> Assembly {
        guard let current = versions.last else { return Assembly(cells: [], current: 0, bound: relations([], []), shownBefore: [], earlier: []) }
        var periods = Self.periods(versions).filter { published($0.label) }
        var cells: [AggregateCell] = []
        for period in periods { cells += try await Self.cells(of: period, evaluator: evaluator, on: session) }
        let count = cells.count
        var labels = Dictionary(periods.map { (SpanDays($0), $0.label) }, uniquingKeysWith: { first, _ in first })
        var shown: Set<CellKey> = []
        var hidden: Set<CellKey> = []
        for day in Set(history.map(\.asOf)).sorted() where day != closing {
            let published = history.filter { $0.asOf == day }
            let names = Set(published.map(\.key.period))
            let then = try await evaluator.contexts(adoption: current.id, today: day, on: session).filter { $0.start <= $0.asOf }
            for period in Self.periods(then) where names.contains(period.label) {
                // The same days are the same figure, whichever publication named them.
                let label: String
                if let same = labels[SpanDays(period)] {
                    label = same
                } else if let relabelled = period.narrowed(from: period.start, to: period.end, label: "\(period.label) to \(day)") {
                    label = relabelled.label
                    labels[SpanDays(period)] = label
                    periods.append(relabelled)
                    cells += try await Self.cells(of: relabelled, evaluator: evaluator, on: session)
                } else {
                    continue
                }
                for figure in published where figure.key.period == period.label {
                    let key = CellKey(period: label, measure: figure.key.measure)
                    if figure.suppressed { hidden.insert(key) } else { shown.insert(key) }
                }
            }
        }
        // An earlier period's figure shown in any publication is known; one never shown is
        // hidden; one no publication had is not a figure anyone saw.
        cells = cells.enumerated().compactMap { index, cell in
            guard index >= count else { return cell }
            guard shown.contains(cell.key) || hidden.contains(cell.key) else { return nil }
            var cell = cell
            if !shown.contains(cell.key) { cell.suppress() }
            return cell
        }
        // Two periods from the same first day differ by the days between their ends: a count
        // over time there is the difference of theirs, published or not. Where no published
        // periods cover those days, they are a figure of their own, never shown, that must
        // not be pinned either (one household added and dropped out between two reports).
        let overTime = Self.overTime(current.programme)
        for outer in periods {
            let inner = periods.filter { $0.start == outer.start && $0.asOf < outer.asOf }.max { $0.asOf < $1.asOf }
            guard let inner else { continue }
            let gap = Suppression.Span(period: "", start: inner.asOf.adding(days: 1), end: outer.asOf)
            let spans = periods.map { Suppression.Span(period: $0.label, start: $0.start, end: $0.asOf) } + [gap]
            guard Suppression.tilings(spans).first(where: { $0.0 == "" }) == nil,
                let between = outer.narrowed(from: gap.start, to: gap.end, label: "\(gap.start)…\(gap.end)"), labels[SpanDays(between)] == nil
            else { continue }
            labels[SpanDays(between)] = between.label
            periods.append(between)
            for var cell in try await Self.cells(of: between, evaluator: evaluator, on: session) where overTime.contains(cell.measure) {
                cell.suppress()
                cells.append(cell)
            }
        }
        let old = Set(cells[count...].map(\.key))
        return Assembly(cells: cells, current: count, bound: relations(versions, periods), shownBefore: shown.subtracting(old), earlier: old)
    }

    /// The cells of one period, under the version in force at its end.
    static func cells(of period: AdoptionContext, evaluator: Evaluator, on session: Session) async throws -> [AggregateCell] {
        var made = try await cells(of: try await evaluator.evaluate(period, rules: false, on: session), on: session)
        for index in made.indices { made[index].modelVersion = period.programme.version.description }
        return made
    }

    /// A period's days, which tell two publications' periods apart or make them one.
    struct SpanDays: Hashable {
        let start: CalendarDate
        let end: CalendarDate

        init(_ period: AdoptionContext) {
            start = period.start
            end = period.asOf
        }
    }
}
