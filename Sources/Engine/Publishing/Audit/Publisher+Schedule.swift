public import Postgres

extension Publisher {
    /// When figures are published as of.
    public enum Schedule: String, Sendable, CaseIterable {
        /// The end of the last closed quarter, each closing once: what `publish` does.
        case closedQuarters = "closed-quarters"
        /// The day of publishing, with the year and quarter under way: what Kokon did before,
        /// kept to measure the difference.
        case anyDay = "any-day"
    }

    /// A series of publications tried out, written nowhere: how many figures the last one
    /// shows, and what a reader holding all of them could work out.
    public struct Trial: Sendable {
        /// The schedule tried.
        public let schedule: Schedule
        /// Whether each publication was protected against the earlier ones.
        public let rememberingEarlier: Bool
        /// How many publications were made (a closed quarter is published once).
        public let publications: Int
        /// Figures of the last publication.
        public let figures: Int
        /// How many of them are shown.
        public let shown: Int
        /// Hidden counts, over every adoption, whose range holds fewer than k values once
        /// every publication of the series is set side by side.
        public let exposed: Int
    }

    /// Publishes on each of `days` under `schedule`, in memory and inside one transaction
    /// that writes nothing, then audits the last publication with all the earlier ones.
    /// With `rememberingEarlier` false, each publication is suppressed as if it were the first,
    /// as Kokon did before it kept a history: the audit then shows what comparing reports gives away.
    public func trial(days: [CalendarDate], schedule: Schedule, rememberingEarlier: Bool = true) async throws -> Trial {
        try await records.transaction { session in
            let k = try await NetworkPolicy.k(on: session)
            let evaluator = Evaluator(records: records)
            var history: [String: [Published]] = [:]
            var last: (asOf: CalendarDate, computation: Computation)?
            var publications = 0
            for day in days {
                let asOf = schedule == .closedQuarters ? Self.closing(before: day) : day
                if let last, last.asOf == asOf { continue }
                let computation = try await compute(
                    k: k, asOf: asOf, openPeriods: schedule == .anyDay, history: rememberingEarlier ? history : [:], on: session)
                for (adoption, cells) in computation.figures {
                    history[adoption.id, default: []] += cells.map { Published(asOf: asOf, key: $0.key, suppressed: $0.suppressed) }
                }
                last = (asOf, computation)
                publications += 1
            }
            guard let last else { return Trial(schedule: schedule, rememberingEarlier: rememberingEarlier, publications: 0, figures: 0, shown: 0, exposed: 0) }
            var exposed = 0
            for (adoption, cells) in last.computation.figures {
                let versions = try await evaluator.contexts(adoption: adoption.id, today: last.asOf, on: session).filter { $0.start <= $0.asOf }
                let audit = try await Self.audit(
                    cells, versions: versions, closing: last.asOf, k: k, history: history[adoption.id] ?? [], evaluator: evaluator, on: session)
                exposed += audit.exposed.count + (audit.consistent ? 0 : 1)
            }
            let cells = last.computation.figures.flatMap(\.1)
            return Trial(
                schedule: schedule, rememberingEarlier: rememberingEarlier, publications: publications, figures: cells.count,
                shown: cells.filter { !$0.suppressed }.count, exposed: exposed)
        }
    }
}
