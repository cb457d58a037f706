import Postgres

/// Check branches several record kinds share, written once. Each assumes the staging table
/// is `s` and, where it speaks of the adoption period, that `adoption` is joined as `a`.
enum RecordChecks {
    /// The adoption named in `s.adoption` exists.
    static let adoptionExists: SQL = """
        WHEN a.id IS NULL THEN format('adoption ''%s'' is not adopted here; adoptions: %s', shown(s.adoption),
                                      coalesce((SELECT string_agg(id, ', ' ORDER BY id) FROM adoption), '(none)'))
        """

    /// `s.<column>` is a real date (when given) and, if `inPeriod`, inside the adoption period.
    static func date(_ column: Identifier, _ label: String, inPeriod: Bool = true) -> SQL {
        let shape: SQL = """
            WHEN s.\(column) IS NOT NULL AND try_date(s.\(column)) IS NULL
                THEN format('%s ''%s'' is not a date; write it as YYYY-MM-DD, e.g. 2025-03-14', \(label)::text, shown(s.\(column)))
            """
        guard inPeriod else { return shape }
        return """
            \(shape)
            WHEN try_date(s.\(column)) NOT BETWEEN a.starts_on AND a.ends_on
                THEN format('%s %s is outside the adoption period of %s (%s to %s)', \(label)::text, shown(s.\(column)), a.id, a.starts_on, a.ends_on)
            """
    }

    /// `s.end` is not before `s.start`.
    static let endNotBeforeStart: SQL = """
        WHEN try_date(s."end") < try_date(s.start) THEN format('end %s is before start %s', s."end", shown(s.start))
        """

    /// Exactly one of `s.household` and `s.person` is given, it is recorded (joined as `h`
    /// and `p`), and it takes part in the adoption (on `s.<day>` when given).
    static func subject(enrolledOn day: Identifier?) -> SQL {
        let base: SQL = """
            WHEN (s.household IS NULL) = (s.person IS NULL) THEN 'give either household or person, not both and not neither'
            WHEN s.household IS NOT NULL AND h.code IS NULL THEN format('household ''%s'' is not recorded; import households first', shown(s.household))
            WHEN s.person IS NOT NULL AND p.code IS NULL THEN format('person ''%s'' is not recorded; import persons first', shown(s.person))
            """
        guard let day else {
            return """
                \(base)
                WHEN NOT enrolled(s.adoption, s.household, s.person, NULL)
                    THEN format('%s is not enrolled in %s; import its enrolment first', coalesce(s.household, shown(s.person)), shown(s.adoption))
                """
        }
        return """
            \(base)
            WHEN NOT enrolled(s.adoption, s.household, s.person, try_date(s.\(day)))
                THEN format('%s is not enrolled in %s on %s; check the date or import the enrolment first', coalesce(s.household, shown(s.person)), shown(s.adoption), s.\(day))
            """
    }

    /// Joins for ``subject(enrolledOn:)``.
    static let subjectJoins: SQL = """
        LEFT JOIN household h ON h.code = s.household
        LEFT JOIN person p ON p.code = s.person
        """

    /// `s.<column>` is an active element of `kind` in the adoption (joined as `alias`).
    static func element(_ column: Identifier, kind: String, label: String) -> SQL {
        """
        WHEN NOT EXISTS (SELECT 1 FROM model_element m WHERE m.adoption = s.adoption AND m.kind = \(kind) AND m.id = s.\(column) AND m.active)
            THEN format('%s ''%s'' is not defined by %s@%s; %ss: %s', \(label)::text, shown(s.\(column)), a.model_id, a.model_version, \(label)::text, element_ids(s.adoption, \(kind)))
        """
    }

    /// `s.<column>` is one of `words`.
    static func choice(_ column: Identifier, _ label: String, _ words: [String], optional: Bool = false) -> SQL {
        let test: SQL = optional ? "s.\(column) IS NOT NULL AND NOT s.\(column) = ANY(\(words))" : "NOT s.\(column) = ANY(\(words))"
        return "WHEN \(test) THEN format('%s ''%s'' must be one of: %s', \(label)::text, shown(s.\(column)), array_to_string(\(words), ', '))"
    }
}
