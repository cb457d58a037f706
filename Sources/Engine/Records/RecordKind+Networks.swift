import Postgres

extension RecordKind {
    /// Local cooperation networks the programme requires.
    public static let networks = RecordKind(
        name: "networks", table: Identifier("network"),
        summary: "A local cooperation network formed under a network the programme defines (e.g. the Local Support System).",
        columns: [
            .required("code", "code of the network, e.g. LSW-MOKRE"),
            .required("adoption", "the programme's id"),
            .required("network", "a network the programme defines"),
            .optional("area", "the area it works in"),
            .required("formed", "the day it was formed, YYYY-MM-DD"),
        ],
        key: ["code"],
        joins: """
            LEFT JOIN adoption a ON a.id = s.adoption
            LEFT JOIN area ar ON ar.id = s.area
            """,
        checks: """
            \(RecordChecks.adoptionExists)
            \(RecordChecks.element(Identifier("network"), kind: "network", label: "network"))
            WHEN s.area IS NOT NULL AND ar.id IS NULL THEN format('area ''%s'' is not one of this municipality''s areas (%s)', shown(s.area),
                                                                  (SELECT string_agg(id, ', ' ORDER BY id) FROM area))
            \(RecordChecks.date(Identifier("formed"), "formed"))
            """,
        insert: """
            INSERT INTO network (code, adoption, network, area, formed_on)
            SELECT s.code, s.adoption, s.network, s.area, s.formed::date FROM checked s WHERE s.reason IS NULL ORDER BY s.row
            """
    )

    /// Members of networks (organisations, never persons).
    public static let networkMembers = RecordKind(
        name: "network_members", table: Identifier("network_member"),
        summary: "An organisation that belongs to a network, with its sector.",
        columns: [
            .required("network", "network code"),
            .required("member", "the organisation's id or short name (organisations only, never persons)"),
            .required("sector", "public, ngo, school, business or other"),
            .required("joined", "the day it joined, YYYY-MM-DD"),
        ],
        key: ["network", "member"],
        joins: """
            LEFT JOIN network n ON n.code = s.network
            LEFT JOIN adoption a ON a.id = n.adoption
            """,
        checks: """
            WHEN n.code IS NULL THEN format('network ''%s'' is not recorded; import networks first', shown(s.network))
            WHEN length(s.member) > 200 THEN 'member is longer than 200 characters'
            \(RecordChecks.choice(Identifier("sector"), "sector", RecordVocabulary.sectors))
            \(RecordChecks.date(Identifier("joined"), "joined"))
            """,
        insert: """
            INSERT INTO network_member (network, member, sector, joined_on)
            SELECT s.network, s.member, s.sector, s.joined::date FROM checked s WHERE s.reason IS NULL ORDER BY s.row
            """
    )

    /// Network actions: campaigns, debates, local events, …
    public static let networkActions = RecordKind(
        name: "network_actions", table: Identifier("network_action"),
        summary: "Something a network did: a campaign, debate, local event, meeting, study visit, …",
        columns: [
            .required("code", "code of the action"),
            .required("network", "network code"),
            .required("action_type", "one of: " + RecordVocabulary.actionTypes.joined(separator: ", ")),
            .required("date", "the day it took place, YYYY-MM-DD"),
            .optional("participants", "how many people took part"),
        ],
        key: ["code"],
        joins: """
            LEFT JOIN network n ON n.code = s.network
            LEFT JOIN adoption a ON a.id = n.adoption
            """,
        checks: """
            WHEN n.code IS NULL THEN format('network ''%s'' is not recorded; import networks first', shown(s.network))
            \(RecordChecks.choice(Identifier("action_type"), "action_type", RecordVocabulary.actionTypes))
            \(RecordChecks.date(Identifier("date"), "date"))
            WHEN s.participants IS NOT NULL AND (try_integer(s.participants) IS NULL OR try_integer(s.participants) NOT BETWEEN 0 AND 100000)
                THEN format('participants ''%s'' must be a whole number from 0 to 100 000', shown(s.participants))
            """,
        insert: """
            INSERT INTO network_action (code, network, action_type, held_on, participants)
            SELECT s.code, s.network, s.action_type, s.date::date, s.participants::integer FROM checked s WHERE s.reason IS NULL ORDER BY s.row
            """
    )
}
