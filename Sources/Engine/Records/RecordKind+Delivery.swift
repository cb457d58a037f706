import Postgres

extension RecordKind {
    /// Sessions: an activity of a component held on a day.
    public static let sessions = RecordKind(
        name: "sessions", table: Identifier("session"),
        summary: "One meeting, workshop, visit or class: an activity of a component, its date, length and the worker who led it.",
        columns: [
            .required("code", "code of the session, e.g. SES-000123"),
            .required("adoption", "the programme's id"),
            .required("component", "a component of the programme"),
            .optional("activity", "an activity of that component (including activities the municipality added)"),
            .required("date", "the day it was held, YYYY-MM-DD"),
            .required("minutes", "how long it lasted, in minutes"),
            .optional("staff", "code of the worker who led it"),
            .optional("group", "for a group that meets many times, its code, the same on each of its sessions, e.g. GR-1 (never a member's name)"),
        ],
        key: ["code"],
        joins: """
            LEFT JOIN adoption a ON a.id = s.adoption
            LEFT JOIN staff st ON st.code = s.staff
            """,
        checks: """
            \(RecordChecks.adoptionExists)
            \(RecordChecks.element(Identifier("component"), kind: "component", label: "component"))
            WHEN s.activity IS NOT NULL AND NOT EXISTS (SELECT 1 FROM model_element m WHERE m.adoption = s.adoption AND m.kind = 'activity'
                                                         AND m.id = s.activity AND m.parent = s.component AND m.active)
                THEN format('activity ''%s'' is not an activity of component %s; its activities: %s', shown(s.activity), shown(s.component),
                            coalesce((SELECT string_agg(id, ', ' ORDER BY id) FROM model_element m WHERE m.adoption = s.adoption
                                      AND m.kind = 'activity' AND m.parent = s.component AND m.active), '(none)'))
            \(RecordChecks.date(Identifier("date"), "date"))
            WHEN try_integer(s.minutes) IS NULL OR try_integer(s.minutes) NOT BETWEEN 1 AND 1440 THEN format('minutes ''%s'' must be a whole number from 1 to 1440', shown(s.minutes))
            WHEN s.staff IS NOT NULL AND st.code IS NULL THEN format('staff ''%s'' is not recorded; import staff first', shown(s.staff))
            WHEN s.staff IS NOT NULL AND st.adoption <> s.adoption THEN format('staff %s works in %s, not in %s', shown(s.staff), st.adoption, shown(s.adoption))
            WHEN s."group" IS NOT NULL AND NOT valid_code(s."group")
                THEN format('group ''%s'' must be a short code of letters, digits, dots, dashes or underscores, e.g. GR-1, never a PESEL number or a name', shown(s."group"))
            """,
        insert: """
            INSERT INTO session (code, adoption, component, activity, held_on, minutes, staff, group_code)
            SELECT s.code, s.adoption, s.component, s.activity, s.date::date, s.minutes::integer, s.staff, s."group" FROM checked s WHERE s.reason IS NULL ORDER BY s.row
            """
    )

    /// Attendance of a person at a session. Checked with joins rather than per-row lookups,
    /// because attendance files are the long ones; a subject's enrolments in one adoption never
    /// overlap (see ``enrolments``), so each join finds at most one enrolment per row.
    public static let attendance = RecordKind(
        name: "attendance", table: Identifier("attendance"),
        summary: "Whether a person was at a session: present, excused or unexcused.",
        columns: [
            .required("session", "session code"),
            .required("person", "person code"),
            .required("status", "present, excused or unexcused"),
        ],
        key: ["session", "person"],
        joins: """
            LEFT JOIN session se ON se.code = s.session
            LEFT JOIN person p ON p.code = s.person
            LEFT JOIN enrolment ep ON ep.adoption = se.adoption AND ep.person = s.person
                 AND se.held_on >= ep.starts_on AND (ep.ends_on IS NULL OR se.held_on <= ep.ends_on)
            LEFT JOIN enrolment eh ON eh.adoption = se.adoption AND eh.household = p.household
                 AND se.held_on >= eh.starts_on AND (eh.ends_on IS NULL OR se.held_on <= eh.ends_on)
            """,
        checks: """
            WHEN se.code IS NULL THEN format('session ''%s'' is not recorded; import sessions first', shown(s.session))
            WHEN p.code IS NULL THEN format('person ''%s'' is not recorded; import persons first', shown(s.person))
            \(RecordChecks.choice(Identifier("status"), "status", RecordVocabulary.attendance))
            WHEN ep.adoption IS NULL AND eh.adoption IS NULL THEN format('person %s is not enrolled in %s on %s, the day of session %s', shown(s.person), se.adoption, se.held_on, shown(s.session))
            """,
        insert: """
            INSERT INTO attendance (session, person, status)
            SELECT s.session, s.person, s.status FROM checked s WHERE s.reason IS NULL
            """,
        // Sessions and persons are foreign keys, the status a check constraint, and the
        // enrolment on the session's day the table's `attendance_enrolled` trigger.
        direct: "INSERT INTO attendance (session, person, status) SELECT session, person, status FROM kokon_staging"
    )
}
