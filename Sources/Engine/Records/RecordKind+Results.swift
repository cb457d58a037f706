import Postgres
import Templates

extension RecordKind {
    /// Outcome observations: employed, social activity improved, child placed in foster care, …
    public static let outcomes = RecordKind(
        name: "outcomes", table: Identifier("outcome"),
        summary: "An outcome the programme defines, observed for a household or person on a day (e.g. employed, child placed in foster care).",
        columns: [
            .required("adoption", "the programme's id"),
            .required("outcome", "an outcome the programme defines"),
            .optional("household", "household code"),
            .optional("person", "person code"),
            .required("date", "the day it was observed or measured, YYYY-MM-DD"),
            .optional("occasion", "for an outcome measured with an instrument: entry, exit or follow-up, as the programme measures it"),
            .optional("score", "for an outcome scored on a scale: the score, e.g. 32 or 3,5"),
        ],
        key: ["adoption", "outcome", "household", "person", "date"],
        joins: """
            LEFT JOIN adoption a ON a.id = s.adoption
            \(RecordChecks.subjectJoins)
            LEFT JOIN LATERAL (SELECT measurement_refusal(a.programme, s.outcome, s.occasion, s.score) AS refusal) measured ON true
            """,
        checks: """
            \(RecordChecks.adoptionExists)
            \(RecordChecks.element(Identifier("outcome"), kind: "outcome", label: "outcome"))
            \(RecordChecks.date(Identifier("date"), "date"))
            \(RecordChecks.subject(enrolledOn: nil))
            \(RecordChecks.choice(Identifier("occasion"), "occasion", MeasurementOccasion.words, optional: true))
            WHEN measured.refusal IS NOT NULL THEN measured.refusal
            """,
        insert: """
            INSERT INTO outcome (adoption, outcome, household, person, observed_on, occasion, score)
            SELECT s.adoption, s.outcome, s.household, s.person, s.date::date, s.occasion, try_score(s.score)
            FROM checked s WHERE s.reason IS NULL ORDER BY s.row
            """
    )

    /// Expenditure booked against a budget line.
    public static let expenditures = RecordKind(
        name: "expenditures", table: Identifier("expenditure"),
        summary: "Money spent, booked against a budget line of the programme (or a standard line when the programme names none).",
        columns: [
            .required("code", "code of the booking, e.g. an invoice register number"),
            .required("adoption", "the programme's id"),
            .required("budget_line", "a budget line of the programme"),
            .required("date", "the day of the expense, YYYY-MM-DD"),
            .required("amount", "amount in PLN, e.g. 1234,56"),
        ],
        key: ["code"],
        joins: "LEFT JOIN adoption a ON a.id = s.adoption",
        checks: """
            \(RecordChecks.adoptionExists)
            \(RecordChecks.element(Identifier("budget_line"), kind: "budget-line", label: "budget_line"))
            \(RecordChecks.date(Identifier("date"), "date"))
            WHEN try_amount(s.amount) IS NULL THEN format('amount ''%s'' must be an amount like 1234,56 (no currency, at most two decimals)', shown(s.amount))
            WHEN try_amount(s.amount) > 10000000 THEN format('amount ''%s'' is more than 10 000 000 PLN for one booking, which is not plausible; check the decimal separator (1234,56)', shown(s.amount))
            """,
        insert: """
            INSERT INTO expenditure (code, adoption, budget_line, spent_on, amount)
            SELECT s.code, s.adoption, s.budget_line, s.date::date, try_amount(s.amount) FROM checked s WHERE s.reason IS NULL ORDER BY s.row
            """
    )
}
