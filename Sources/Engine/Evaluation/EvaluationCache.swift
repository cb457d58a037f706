public import Postgres

/// Figures worked out from a municipality's records, kept until those records change.
///
/// A coordinator's dashboard evaluates every adoption for its whole period and for each
/// quarter: a few hundred statements. Pages are viewed far more often than records change,
/// so the result is kept with the records' version (``CaseRecords/version()``) and the day it
/// was made for, and made again as soon as either differs. What is kept is keyed by the
/// scope too: a caseworker's figures never answer a coordinator's page, or the reverse.
public actor EvaluationCache {
    struct Entry {
        let version: String
        let day: CalendarDate
        let value: any Sendable
    }

    private var entries: [String: Entry] = [:]
    private let limit: Int

    /// A cache holding at most `limit` results.
    public init(limit: Int = 256) { self.limit = limit }

    /// The value kept for `key`, if it was made from records at `version` on `day`.
    public func value<Value: Sendable>(_ key: String, version: String, day: CalendarDate, as: Value.Type = Value.self) -> Value? {
        guard let entry = entries[key], entry.version == version, entry.day == day else { return nil }
        return entry.value as? Value
    }

    /// Keeps `value` for `key`.
    public func keep(_ value: some Sendable, _ key: String, version: String, day: CalendarDate) {
        if entries.count >= limit, entries[key] == nil { entries.removeAll() }
        entries[key] = Entry(version: version, day: day, value: value)
    }

    /// The value for `what` in `records`' municipality and scope: kept, or made by `make` and
    /// kept. `make` runs outside the cache, so slow figures never hold other pages up.
    public func value<Value: Sendable>(
        _ what: String, of records: CaseRecords, today: CalendarDate = .today, make: () async throws -> Value
    ) async throws -> Value {
        let key = "\(records.tenant.id)|\(records.scope)|\(what)"
        let version = try await records.version()
        if let kept = value(key, version: version, day: today, as: Value.self) { return kept }
        let made = try await make()
        keep(made, key, version: version, day: today)
        return made
    }
}

extension CaseRecords {
    /// A text that changes whenever a record, an adoption or the adaptation register changes.
    ///
    /// Every write to the case records and the register is logged by the `audit` triggers,
    /// so the log's size and newest entry change with every write; counting as well as taking
    /// the newest id also notices a write whose id is lower than one already seen (a
    /// transaction that began earlier and committed later). Applying a tenant file changes
    /// the adoption rows.
    public func version() async throws -> String {
        try await transaction { session in
            try await session.query(
                """
                SELECT (SELECT count(*) FROM audit)::text || '/' || (SELECT coalesce(max(id), 0) FROM audit)::text || '/' ||
                       (SELECT coalesce(md5(string_agg(a::text, '|' ORDER BY a.id)), '') FROM adoption a) AS version
                """
            ).scalar(String.self)
        }
    }
}
