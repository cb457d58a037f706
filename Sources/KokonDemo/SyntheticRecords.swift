public import Engine
import Foundation
import Postgres
public import Templates

/// Clearly labelled synthetic case records for demonstrations: about two years of one
/// adoption, with realistic family sizes, drop-out, attendance and outcomes. Every code starts
/// with `SYN-`, and the audit log names the writer "kokon demo (synthetic data)".
///
/// How well a municipality delivers is drawn from its id, so some cities come out weaker
/// than others and a comparison has something to show; the same seed always gives the same
/// records.
public struct SyntheticRecords: Sendable {
    /// How much to make.
    public enum Size: String, Sendable, CaseIterable {
        /// A few families per adoption, for tests.
        case small
        /// The local targets of the tenant file.
        case full
    }

    /// How strongly a municipality delivers, 0.3 (weak) to 1 (strong).
    public static func strength(of tenant: String, seed: UInt64) -> Double {
        var random = SeededRandom(seed: seed, name: "strength:" + tenant)
        return 0.3 + 0.7 * Double.random(in: 0..<1, using: &random)
    }

    let records: CaseRecords
    let tenant: Tenant
    let seed: UInt64
    let size: Size

    /// A generator for one tenant.
    public init(records: CaseRecords, tenant: Tenant, seed: UInt64, size: Size) {
        self.records = records
        self.tenant = tenant
        self.seed = seed
        self.size = size
    }

    /// Writes records for every adoption, through the same checked path as an import, after
    /// removing any synthetic records an earlier run left (another seed, size or day would
    /// otherwise clash with them). Returns how many rows were written.
    @discardableResult
    public func generate(programmes: [String: Programme]) async throws -> Int {
        try await removePrevious()
        var written = 0
        for (index, adoption) in tenant.adoptions.enumerated() {
            guard let reference = adoption.resolvedModel, let programme = programmes[reference] else { continue }
            written += try await generate(adoption, programme, prefix: Self.codePrefix + "\(index + 1)")
        }
        return written
    }

    /// Deletes every synthetic record (codes starting with `SYN-`) of the tenant, children
    /// before parents, in one transaction; records anyone else wrote are left alone.
    public func removePrevious() async throws {
        let synthetic = Self.codePrefix + "%"
        try await records.transaction { session in
            try await session.query("DELETE FROM attendance WHERE session LIKE \(synthetic) OR person LIKE \(synthetic)")
            try await session.query("DELETE FROM goal WHERE plan LIKE \(synthetic)")
            try await session.query("DELETE FROM plan WHERE code LIKE \(synthetic) OR household LIKE \(synthetic) OR person LIKE \(synthetic)")
            try await session.query("DELETE FROM assignment WHERE staff LIKE \(synthetic) OR household LIKE \(synthetic)")
            try await session.query("DELETE FROM outcome WHERE household LIKE \(synthetic) OR person LIKE \(synthetic)")
            try await session.query("DELETE FROM enrolment WHERE household LIKE \(synthetic) OR person LIKE \(synthetic)")
            try await session.query("DELETE FROM session WHERE code LIKE \(synthetic)")
            try await session.query("DELETE FROM network_action WHERE code LIKE \(synthetic) OR network LIKE \(synthetic)")
            try await session.query("DELETE FROM network_member WHERE network LIKE \(synthetic)")
            try await session.query("DELETE FROM network WHERE code LIKE \(synthetic)")
            try await session.query("DELETE FROM expenditure WHERE code LIKE \(synthetic)")
            try await session.query("DELETE FROM staff WHERE code LIKE \(synthetic)")
            try await session.query("DELETE FROM person WHERE code LIKE \(synthetic)")
            try await session.query("DELETE FROM household WHERE code LIKE \(synthetic)")
        }
    }

    /// What every synthetic code starts with.
    public static let codePrefix = "SYN-"

    func generate(_ adoption: Adoption, _ programme: Programme, prefix: String) async throws -> Int {
        guard var synthetic = SyntheticAdoption(generator: self, adoption: adoption, programme: programme, prefix: prefix) else { return 0 }
        return try await synthetic.run()
    }

    /// Persons enrolled in an adoption in some target groups, with the day they started.
    func enrolledPersons(_ adoption: String, groups: [String]) async throws -> [(String, Int, String)] {
        try await records.transaction { session in
            try await session.query(
                """
                SELECT e.person, e.starts_on - a.starts_on AS offset, e.target_group FROM enrolment e JOIN adoption a ON a.id = e.adoption
                WHERE e.adoption = \(adoption) AND e.person IS NOT NULL
                  AND (cardinality(\(groups)) = 0 OR e.target_group = ANY(\(groups))
                       OR e.target_group IN (SELECT id FROM model_element WHERE adoption = e.adoption AND kind = 'target-group' AND parent = ANY(\(groups))))
                ORDER BY e.person
                """
            ).rows.map { (try $0.decode("person"), try $0.decode("offset"), try $0.decode("target_group", as: String?.self) ?? "") }
        }
    }
}
