/// The schema of a municipality's definition (`tenants/*.yaml`): who it is, where it works,
/// with whom, and which programme versions it adopts with which local adaptations.
public enum TenantSchema {
    /// Sectors a local partner can belong to.
    public static let sectors = ["public", "ngo", "school", "business", "other"]
    /// Kinds of local area.
    public static let areaKinds = ["neighbourhood", "street-quarter", "estate", "district", "village", "other"]
    /// What an adaptation changes.
    public static let changes = AdaptationChange.words

    static let area = ObjectSchema(
        "area", "A neighbourhood or street quarter where the municipality works; households are recorded in one.",
        fields: [
            .required("id", .identifier, "Id used in household records.", example: "bydgoskie-przedmiescie"),
            .required("name", .text, "The area's name.", example: "Bydgoskie Przedmieście"),
            .optional("kind", .choice(areaKinds), "What kind of area it is.", example: "street-quarter"),
        ])

    static let partner = ObjectSchema(
        "local partner", "An organisation that works with the municipality; staff records name it.",
        fields: [
            .required("id", .identifier, "Id used in staff records.", example: "sp-12"),
            .required("name", .text, "Full name.", example: "Szkoła Podstawowa nr 12 w Toruniu"),
            .required("sector", .choice(sectors), "Its sector.", example: "school"),
        ])

    static let targets = ObjectSchema(
        "local targets", "What the municipality commits to reach with this programme.",
        fields: [
            .optional("families", .integer(minimum: 1), "Families to support.", example: "60"),
            .optional("participants", .integer(minimum: 1), "People to support.", example: "120"),
            .optional("groups", .integer(minimum: 1), "Groups to run (self-help groups, classes).", example: "4"),
        ])

    static let baseline = ObjectSchema(
        "local baseline",
        "The municipality's own starting figure, from before it began. The programme's baselines are its origin city's: reports show them beside the local figure, for reference only.",
        fields: [
            .required("id", .identifier, "The programme's baseline this is the local figure of, or a new id.", example: "home-interventions-2019"),
            .optional("name", .localized, "What was measured; required for a baseline the programme does not define.", example: "interwencje domowe policji"),
            .optional("value", .quantity, "The figure.", example: "58"),
            .optional("share", .percentage, "The figure as a share, where given.", example: "12%"),
            .optional("year", .integer(minimum: 1900), "The year it describes.", example: "2023"),
            .optional("source", .text, "Where it comes from.", example: "Komenda Miejska Policji"),
        ])

    static let selfAssessment = ObjectSchema(
        "self-assessment", "The coordinator's judgement, on a day, of whether an essential element of the programme is in place.",
        fields: [
            .required("element", .identifier, "An element of the programme's fidelity_checklist judged by self-assessment.", example: "weekly-supervision"),
            .required("on", .date, "The day of the assessment, inside the adoption's period; the latest one up to a day counts.", example: "2027-03-31"),
            .required("met", .boolean, "Whether the element was in place.", example: "true"),
        ])

    static let staff = ObjectSchema(
        "staff plan", "How many workers of a role the municipality plans.",
        fields: [
            .required("role", .identifier, "A role defined by the adopted programme.", example: "family-assistant"),
            .required("count", .integer(minimum: 1), "How many people.", example: "4"),
            .optional("organisation", .identifier, "The local partner that employs them, if not the municipality.", example: "sp-12"),
        ])

    static let activity = ObjectSchema(
        "added activity", "An activity the municipality adds to a component.",
        fields: [
            .required("id", .identifier, "Id used in session records.", example: "cooking-workshop"),
            .required("name", .localized, "Name of the activity.", example: "warsztaty kulinarne"),
            .optional("delivery", .choice(ProgrammeSchema.deliveryForms), "How it reaches people."),
        ])

    static let adaptation = ObjectSchema(
        "adaptation", "A local change to the programme, checked against what the template allows and kept as a record of fidelity.",
        fields: [
            .required(
                "change", .choice(changes),
                "What changes: drop a component, add an activity, move a caseload limit, lengthen the minimum participation, set a local indicator target, deliver a component in another form, hold it at another frequency, or add rules to a target group.",
                example: "add-activity"),
            .optional("component", .identifier, "The component concerned (drop-component, add-activity).", example: "family-education"),
            .optional("activity", .object(activity), "The activity added (add-activity)."),
            .optional("role", .identifier, "The role whose caseload changes (caseload).", example: "family-assistant"),
            .optional("max", .integer(minimum: 1), "New caseload limit (caseload).", example: "12"),
            .optional("duration", .duration, "New minimum participation (minimum-duration).", example: "\"24 months\""),
            .optional("indicator", .identifier, "The indicator whose target the municipality sets (indicator-target).", example: "families-supported"),
            .optional(
                "delivery", .list(.choice(ProgrammeSchema.deliveryForms)), "The forms the component is delivered in (delivery-form, with component).",
                example: "[group]"),
            .optional(
                "cadence", .object(ProgrammeSchema.cadence), "How often the component's sessions are held (cadence, with component).",
                example: "{times: 2, per: month}"),
            .optional(
                "target_group", .identifier, "The target group given rules of the municipality's own (target-group-criteria).", example: "families"),
            .optional(
                "requires", .list(.identifier),
                "Criteria an enrolment into the group must also meet from decided_on (target-group-criteria; among those the template lets a municipality add).",
                example: "[lives-in-municipality]"),
            .optional(
                "excludes", .list(.identifier), "Criteria that also keep a household or person out of the group from decided_on (target-group-criteria).",
                example: "[in-other-programme]"),
            .optional(
                "target", .quantity,
                "The municipality's own target (indicator-target): replaces the template's at_least (or at_most), in its unit; a percentage for a share.",
                example: "40"),
            .required("reason", .localized, "Why the change was made.", example: "przykład ilustracyjny – rodziny pracujące zmianowo nie mogą przychodzić rano"),
            .required("decided_by", .text, "Who decided.", example: "Zespół koordynujący MOPR"),
            .required("decided_on", .date, "When.", example: "2024-09-01"),
            .required("planned", .boolean, "true if planned before the start, false if made in response to events."),
            .optional("phase", .choice(AdaptationPhase.words), "FRAME: when in the programme's life it was made.", example: "implementation"),
            .optional("decider", .choice(AdaptationDecider.words), "FRAME: who took part in the decision.", example: "programme-manager"),
            .optional("modifies", .choice(AdaptationTarget.words), "FRAME: what is modified.", example: "content"),
            .optional("level", .choice(DeliveryLevel.words), "FRAME: the level of delivery it applies to.", example: "group"),
            .optional("nature", .choice(AdaptationNature.words), "FRAME: the nature of the change.", example: "adding"),
            .optional("fidelity", .choice(FidelityConsistency.words), "FRAME: whether the programme's core elements are kept.", example: "consistent"),
            .optional("goal", .choice(AdaptationGoal.words), "FRAME: what the change was meant to achieve.", example: "retention"),
            .optional("reason_level", .choice(ReasonLevel.words), "FRAME: where the reason lies.", example: "recipient"),
            .optional("observed_effect", .localized, "FRAME: what was seen to follow, recorded later.", example: "frekwencja na warsztatach wzrosła"),
        ])

    static let resolution = ObjectSchema(
        "upgrade resolution",
        "How an adaptation that conflicts with the version upgraded to is resolved: kept with a reason, or withdrawn from the upgrade day.",
        fields: [
            .optional("code", .text, "A register adaptation, by its code as the register shows it.", example: "A-7"),
            .optional("change", .choice(changes), "A tenant-file adaptation, by what it changes (with component, activity or role).", example: "drop-component"),
            .optional("component", .identifier, "The component the adaptation concerns.", example: "financial-education"),
            .optional("activity", .identifier, "The id of the activity the adaptation added.", example: "yard-picnic"),
            .optional("role", .identifier, "The role whose caseload the adaptation set.", example: "family-assistant"),
            .optional("indicator", .identifier, "The indicator whose local target the adaptation set.", example: "families-supported"),
            .optional("target_group", .identifier, "The target group the adaptation gave rules of its own.", example: "families"),
            .required(
                "decision", .choice(UpgradeDecision.words),
                "keep: the adaptation goes on under the new version (a dropped core component then counts as not delivered); withdraw: it ends the day before the upgrade.",
                example: "withdraw"),
            .required("reason", .localized, "Why, in the coordinator's words.", example: "komponent jest odtąd w rdzeniu programu"),
        ])

    static let upgrade = ObjectSchema(
        "upgrade", "The dated move of an adoption from the version it ran before to the version in `model`.",
        fields: [
            .required("from", .modelReference, "The exact version run before, e.g. praski-kokon@1.0.0.", example: "praski-kokon@1.0.0"),
            .required(
                "on", .date, "The first day records are evaluated against the new version; records before it stay under the old one.", example: "2026-01-01"),
            .optional("decided_by", .text, "Who decided the upgrade.", example: "Zespół koordynujący"),
            .optional("resolutions", .list(.object(resolution)), "A decision for every adaptation that conflicts with the new version."),
        ])

    static let adoption = ObjectSchema(
        "adoption", "One programme version the municipality runs.",
        fields: [
            .required("model", .modelReference, "The programme and version, e.g. wygrana-rodzina@1.", example: "wygrana-rodzina@1"),
            .required("period", .object(ProgrammeSchema.period), "When the municipality runs it; every record must fall inside."),
            .optional("targets", .object(targets), "Local targets."),
            .optional("staff", .list(.object(staff)), "Staff by role."),
            .optional("adaptations", .list(.object(adaptation)), "Local adaptations, each within the template's bounds."),
            .optional(
                "baselines", .list(.object(baseline)),
                "The municipality's own starting figures; the programme's are the origin city's, shown beside them for reference."),
            .optional(
                "fidelity_assessments", .list(.object(selfAssessment)),
                "The coordinator's periodic self-assessments of the programme's essential elements; the latest one up to a day counts in the fidelity score.",
                example: "[{element: weekly-supervision, on: 2027-03-31, met: true}]"),
            .optional("upgraded", .object(upgrade), "The move from an earlier version, dated, when the adoption has been upgraded."),
            .optional(
                "illustrative", .list(.choice(IllustrativePart.words)),
                "For a real municipality: the parts of this adoption its sources do not state, made up for demonstrations (period, targets, staff, adaptations). Its reports say so.",
                example: "[targets, staff]"),
        ])

    /// A whole tenant file.
    public static let tenant = ObjectSchema(
        "tenant", "A municipality that adopts programmes and records its work in its own, isolated data.",
        fields: [
            .required("id", .tenantID, "Short id; the municipality's data lives in schema t_<id>.", example: "torun"),
            .required("name", .text, "Official name.", example: "Gmina Miasta Toruń"),
            .required("teryt", .teryt, "TERYT TERC code of the municipality.", example: "\"0463011\""),
            .required("voivodeship", .choice(Teryt.voivodeships.values.sorted()), "The voivodeship; must agree with the TERYT code.", example: "kujawsko-pomorskie"),
            .optional("example", .boolean, "true for an example municipality made up for demonstrations and tests, not a real adopter."),
            .optional(
                "illustrative", .list(.choice(IllustrativePart.words)),
                "For a real municipality: the parts of this file its sources do not state, made up for demonstrations (areas, partners, period, targets, staff, adaptations). Every report that shows them says so.",
                example: "[targets, staff, adaptations]"),
            .required("areas", .list(.object(area)), "Neighbourhoods or street quarters served."),
            .optional("partners", .list(.object(partner)), "Local partner organisations."),
            .required("adoptions", .list(.object(adoption)), "Programmes adopted."),
        ])
}
