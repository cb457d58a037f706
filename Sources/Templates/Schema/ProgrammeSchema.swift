/// The schema of a programme template (`models/*.yaml`) and of a library component
/// (`models/components/*.yaml`). The guide in docs/ and `kokon schema` are generated from here.
public enum ProgrammeSchema {
    /// Partner and network member sectors.
    public static let sectors = ["public", "ngo", "school", "business", "university", "other"]
    /// How a component or activity reaches people.
    public static let deliveryForms = ["individual", "group", "community", "network"]
    /// What a programme enrols.
    public static let participationUnits = ParticipationUnit.words
    /// Kinds of network action.
    public static let actionTypes = ["campaign", "debate", "local-event", "meeting", "study-visit", "expert-panel", "workshop", "training", "other"]
    /// Periods an obligation or cadence counts over.
    public static let periods = ["week", "month", "year", "project"]
    /// Kinds of product a programme delivers.
    public static let productKinds = ["standard", "guide", "curriculum", "programme", "scenarios", "recommendations", "model", "training", "other"]
    /// What an indicator counts.
    public static let subjects = ["participants", "families", "persons", "children", "sessions", "network-actions", "plans", "enrolments", "completions", "groups"]

    static let partner = ObjectSchema(
        "partner", "An organisation that delivers the programme with the implementing body.",
        fields: [
            .required("name", .text, "The organisation's full name.", example: "Stowarzyszenie Otwarte Drzwi"),
            .required("sector", .choice(sectors), "Which sector it belongs to.", example: "ngo"),
            .optional(
                "role", .choice(["leader", "partner", "cooperating"]),
                "Its part: the leader signs the grant, partners share the work, cooperating bodies help without a formal share."),
            .optional("country", .text, "Country, if not Poland.", example: "Niemcy"),
            .optional("description", .localized, "What it contributes.", example: "prowadzi warsztaty dla rodziców"),
        ])

    static let funding = ObjectSchema(
        "funding", "Where the money comes from, as the grant agreement names it.",
        fields: [
            .optional("source", .text, "The fund.", example: "Europejski Fundusz Społeczny"),
            .optional("programme", .text, "The operational programme.", example: "Program Operacyjny Wiedza Edukacja Rozwój 2014-2020"),
            .optional("programming_period", .text, "The EU programming period.", example: "2014-2020"),
            .optional("priority", .text, "Priority axis.", example: "I. Innowacje społeczne i współpraca ponadnarodowa"),
            .optional("measure", .text, "Measure (działanie).", example: "4.1 Innowacje społeczne"),
            .optional("submeasure", .text, "Sub-measure (poddziałanie).", example: "9.2.1 Aktywne włączenie społeczne"),
            .optional("call", .text, "Call for proposals number.", example: "POWR.04.01.00-IZ.00-00-004/16"),
            .optional("project_type", .text, "Type of project, e.g. competitive.", example: "Projekt konkursowy"),
            .optional(
                "specific_objective", .localized, "The programme's specific objective the project serves.",
                example: "Zwiększenie wykorzystania innowacji społecznych na rzecz poprawy skuteczności wybranych aspektów polityk publicznych"),
            .optional("agreement_signed", .date, "When the grant agreement was signed.", example: "2017-10-13"),
        ])

    static let budgetLine = ObjectSchema(
        "budget line", "A part of the budget that expenditure is booked against.",
        fields: [
            .required("id", .identifier, "Short id used when recording expenditure.", example: "staff"),
            .required("name", .localized, "What the line pays for.", example: "wynagrodzenia asystentów rodziny"),
            .optional("amount", .money, "Planned amount.", example: "\"250 000 PLN\""),
        ])

    static let budget = ObjectSchema(
        "budget", "The money, exact as in the grant agreement.",
        fields: [
            .optional("total", .money, "Total cost.", example: "\"1 239 061,22 PLN\""),
            .optional("approximate", .boolean, "true when the source gives only an approximate total (\"about 3 million zł\")."),
            .optional("grant", .money, "Co-financing granted.", example: "\"1 053 259,79 PLN\""),
            .optional("own_contribution", .money, "The municipality's own contribution.", example: "\"185 801,43 PLN\""),
            .optional("years", .text, "Budget years, where the source gives them.", example: "2019-2022"),
            .optional("lines", .list(.object(budgetLine)), "Budget lines for recording expenditure."),
        ])

    static let period = ObjectSchema(
        "period", "First and last day.",
        fields: [
            .required("start", .date, "First day.", example: "2017-01-02"),
            .required("end", .date, "Last day.", example: "2019-12-31"),
        ])

    static let origin = ObjectSchema(
        "origin", "Where the programme was first run.",
        fields: [
            .required("municipality", .text, "The municipality.", example: "Toruń"),
            .optional("voivodeship", .text, "The voivodeship.", example: "kujawsko-pomorskie"),
            .optional("area", .localized, "The neighbourhood or area served.", example: "osiedle socjalne w dzielnicy Starosielce"),
            .optional("reach", .choice(["local", "regional", "national"]), "How far the programme reaches."),
        ])

    static let memberCount = ObjectSchema(
        "member count", "How many members of a household of a kind a count criterion asks for.",
        fields: [
            .required("of", .choice(MemberKind.words), "Which members are counted: children (relation child), adults, or all members.", example: "children"),
            .optional("at_least", .integer(minimum: 0), "The fewest.", example: "3"),
            .optional("at_most", .integer(minimum: 0), "The most.", example: "0"),
        ])

    static let eventWindow = ObjectSchema(
        "event window",
        "How long after (or before) a dated event of a person an enrolment may start. Events are recorded to the month (YYYY-MM), so the times are whole months or years.",
        fields: [
            .required("event", .identifier, "The event's id, as recorded for persons in the events file.", example: "left-care"),
            .required("event_name", .localized, "What the event is.", example: "opuszczenie pieczy zastępczej"),
            .optional("side", .choice(WindowSide.words), "after (the default): the enrolment starts after the event; before: before it.", example: "after"),
            .optional("at_least", .duration, "The shortest time between the event and the enrolment's start.", example: "\"1 month\""),
            .optional("at_most", .duration, "The longest time between the event and the enrolment's start.", example: "\"12 months\""),
        ])

    static let criterion = ObjectSchema(
        "criterion", "An eligibility condition: a yes/no flag recorded for each person, a count of household members, or a time window around a dated event.", defines: .criterion,
        fields: [
            .required("id", .identifier, "The criterion's id, also the flag recorded for persons who meet it.", example: "unemployed-profile-iii"),
            .required("name", .localized, "What it means.", example: "osoba bezrobotna zakwalifikowana do III profilu"),
            .optional(
                "type", .choice(CriterionType.words),
                "flag (the default): met by a person with it among their flags; count: met by a household whose recorded members number within `count`; window: met when the enrolment starts within `window` of the person's recorded event (for a household, a member's).",
                example: "count"),
            .optional("count", .object(memberCount), "For a count: which members and how many, e.g. {of: children, at_least: 3}.", example: "{of: children, at_least: 3}"),
            .optional(
                "window", .object(eventWindow), "For a window: the event, and how long after (or before) it an enrolment may start.",
                example: "{event: left-care, event_name: opuszczenie pieczy zastępczej, at_most: 12 months}"),
        ])

    static let quota = ObjectSchema(
        "quota", "A sub-group of a target group with its own number of places.", defines: .targetGroup,
        fields: [
            .required("id", .identifier, "Id of the sub-group.", example: "profile-iii"),
            .required("name", .localized, "Who belongs to it.", example: "osoby bezrobotne zakwalifikowane do III profilu"),
            .required("size", .integer(minimum: 1), "Number of places.", example: "32"),
            .optional("criteria", .list(.reference(.criterion)), "Criteria every member must meet."),
            .optional("any_of_criteria", .list(.reference(.criterion)), "Criteria of which a member must meet at least one."),
        ])

    static let targetGroup = ObjectSchema(
        "target group", "People or organisations the programme serves.", defines: .targetGroup,
        fields: [
            .required("id", .identifier, "Id used by enrolments and indicators.", example: "at-risk"),
            .required("name", .localized, "Who they are.", example: "osoby zagrożone ubóstwem lub wykluczeniem społecznym"),
            .optional("description", .localized, "More detail.", example: "mieszkańcy osiedla socjalnego w dzielnicy Starosielce"),
            .optional("unit", .choice(TargetGroupUnit.words), "What is counted."),
            .optional("size", .integer(minimum: 1), "Planned number (families, persons or institutions).", example: "80"),
            .optional("approximate", .boolean, "true when the size is an estimate (\"about 100\")."),
            .optional(
                "age",
                .object(
                    ObjectSchema(
                        "age range", "Ages served.",
                        fields: [
                            .required("min", .integer(minimum: 0), "Youngest age.", example: "13"),
                            .required("max", .integer(minimum: 0), "Oldest age.", example: "20"),
                            .required("unit", .choice(AgeUnit.words), "What the ages count: years, or months for small children.", example: "years"),
                        ])), "Age range, e.g. {min: 13, max: 20, unit: years}."),
            .optional(
                "criteria", .list(.reference(.criterion)), "Criteria that describe who the group is for, as the source lists them; printed, not checked (see requires).",
                example: "[at-risk-of-poverty]"),
            .optional(
                "requires", .list(.reference(.criterion)),
                "Criteria an enrolment must meet, checked at enrolment by import, API and form alike (for a household: by one of its members).",
                example: "[first-pregnancy, no-children]"),
            .optional(
                "excludes", .list(.reference(.criterion)), "Criteria that keep a household or person out of the group, checked at enrolment.",
                example: "[in-other-home-visiting]"),
            .optional("eligibility", .list(.localized), "Eligibility in words, where it is not a recorded flag.", example: "[mieszka na terenie gminy]"),
            .optional("preferences", .list(.localized), "Who is preferred at recruitment.", example: "[osoby doświadczające wielokrotnego wykluczenia społecznego]"),
            .optional("quotas", .list(.object(quota)), "Sub-groups with their own number of places; their sizes must add up to the group's."),
            .optional("related_to", .reference(.targetGroup), "The group this one surrounds (e.g. the environment of people at risk)."),
        ])

    static let participation = ObjectSchema(
        "participation", "Who takes part and for how long.",
        fields: [
            .required("unit", .choice(participationUnits), "Whether families or persons are enrolled.", example: "family"),
            .optional("minimum_duration", .duration, "Shortest participation that counts as complete.", example: "\"18 months\""),
            .optional("description", .localized, "How participation works.", example: "wsparcie oparte na ścieżce reintegracji, stworzonej indywidualnie dla każdej osoby"),
        ])

    static let caseload = ObjectSchema(
        "caseload", "How many families or persons one worker in the role supports at once.",
        fields: [
            .optional("min", .integer(minimum: 0), "Fewest."),
            .required("max", .integer(minimum: 1), "Most.", example: "15"),
            .optional("unit", .choice(participationUnits), "Counted in families or persons."),
        ])

    static let supervision = ObjectSchema(
        "supervision", "How much supervision each worker in the role receives.",
        fields: [
            .required("minutes", .integer(minimum: 1), "Minutes of supervision.", example: "60"),
            .required("per", .choice(periods), "Per what period.", example: "week"),
        ])

    static let supervisedBy = ObjectSchema(
        "supervision ratio",
        "The role that supervises this one, and how many workers of this role one supervisor may have; the caseload rule checks it against the staff recorded.",
        fields: [
            .required("role", .reference(.role), "The supervising role.", example: "supervisor"),
            .required("at_most", .integer(minimum: 1), "At most this many workers of this role per supervisor.", example: "8"),
        ])

    static let role = ObjectSchema(
        "role", "A kind of worker the programme needs.", defines: .role,
        fields: [
            .required("id", .identifier, "Id used by components, staff and caseload rules.", example: "family-assistant"),
            .required("name", .localized, "Name of the role.", example: "asystent rodziny"),
            .optional("description", .localized, "What the role does.", example: "odwiedza rodzinę w domu i wspiera ją w realizacji planu"),
            .optional("caseload", .object(caseload), "Caseload limit."),
            .optional(
                "qualifications", .list(.localized), "What a worker must have for the role: education, licence, experience.",
                example: "[wykształcenie wyższe z zakresu pracy socjalnej]"),
            .optional("training", .list(.localized), "Training each worker must complete for the role.", example: "[szkolenie wprowadzające z modelu (40 godzin)]"),
            .optional("supervision", .object(supervision), "Supervision each worker receives, e.g. {minutes: 60, per: week}.", example: "{minutes: 60, per: week}"),
            .optional(
                "supervised_by", .object(supervisedBy), "Who supervises the role and how many per supervisor, e.g. {role: supervisor, at_most: 8}.",
                example: "{role: supervisor, at_most: 8}"),
        ])

    static let plan = ObjectSchema(
        "plan", "A written plan a component requires for each participant.", defines: .plan,
        fields: [
            .required("id", .identifier, "Id used by components and case records.", example: "individual-development-plan"),
            .required("name", .localized, "Name of the plan.", example: "indywidualny plan rozwoju"),
            .optional("description", .localized, "What it contains.", example: "cele rozwojowe dziecka, uzgodnione z rodziną, z terminami"),
            .optional("for", .choice(RecordSubject.words), "Who each plan is for."),
        ])

    static let fidelityElement = ObjectSchema(
        "fidelity element", "An essential element of the programme, judged from records or by the coordinator's self-assessment.", defines: .fidelityElement,
        fields: [
            .required("id", .identifier, "Id a municipality's self-assessments name.", example: "weekly-supervision"),
            .required("name", .localized, "The element, as the method states it.", example: "cotygodniowa superwizja pielęgniarek"),
            .optional("description", .localized, "How to tell it is in place.", example: "każda pielęgniarka ma co tydzień godzinę superwizji"),
            .required(
                "assessed", .choice(FidelityAssessment.words),
                "records: met when `indicator` reaches its target; self: met as the coordinator's latest self-assessment in the municipality's file says.",
                example: "self"),
            .optional("indicator", .reference(.indicator), "For `assessed: records`: the indicator whose target shows the element is in place.", example: "families-adequate-dose"),
        ])

    static let goal = ObjectSchema(
        "goal", "What the programme aims at: the top of its logic model, which outcomes, indicators and components name.", defines: .goal,
        fields: [
            .required("id", .identifier, "Id outcomes, indicators and components use to say which goal they serve.", example: "family-situation"),
            .required("name", .localized, "The goal, as the source words it.", example: "Poprawa sytuacji rodzin."),
            .optional("description", .localized, "More on the goal, if the source says more.", example: "rodziny wychodzą z pomocy społecznej lub korzystają z niej rzadziej"),
        ])

    static let outcome = ObjectSchema(
        "outcome", "A change observed in a participant, recorded in case records.", defines: .outcome,
        fields: [
            .required("id", .identifier, "Id used by outcome observations and indicators.", example: "employed"),
            .required("name", .localized, "What is observed.", example: "podjęcie zatrudnienia"),
            .optional("description", .localized, "How to tell it happened.", example: "umowa o pracę lub zlecenie na co najmniej 3 miesiące"),
            .optional("unit", .choice(RecordSubject.words), "Who it is observed in."),
            .optional("goals", .list(.reference(.goal)), "The goals this change serves; indicators measuring it report under them.", example: "[family-situation]"),
            .optional(
                "measurement", .object(outcomeMeasurement),
                "How it is measured: the instrument, its scale and the score of success, when and by whom. Without it, an outcome is observed on a day and each observation counts as achieved."
            ),
        ])

    static let scoreScale = ObjectSchema(
        "score scale", "The lowest and highest score an instrument gives.",
        fields: [
            .required("min", .integer(minimum: 0), "The lowest score.", example: "0"),
            .required("max", .integer(minimum: 1), "The highest score.", example: "40"),
        ])

    static let scoreThreshold = ObjectSchema(
        "score threshold", "The score that counts as success.",
        fields: [
            .optional("at_least", .quantity, "Success from this score up.", example: "30"),
            .optional("at_most", .quantity, "Success up to this score, for scales where less is better.", example: "3"),
        ])

    static let outcomeMeasurement = ObjectSchema(
        "outcome measurement",
        "How an outcome is measured. With a scale, each measurement is recorded with its score and occasion; a share indicator counts the subjects whose latest measurement after entry reaches success, and a change indicator averages each subject's latest score after entry minus their entry score.",
        fields: [
            .required(
                "instrument", .localized, "The instrument or the definition the rater applies, as the method names it.",
                example: "Skala oceny kompetencji rodzicielskich (0–40 pkt)"),
            .optional(
                "scale", .object(scoreScale), "The scores the instrument gives, e.g. {min: 0, max: 40}; without it the outcome is a yes/no observation.",
                example: "{min: 0, max: 40}"),
            .optional("success", .object(scoreThreshold), "The score that counts as success, within the scale, e.g. {at_least: 30}.", example: "{at_least: 30}"),
            .required(
                "when", .list(.choice(MeasurementOccasion.words)),
                "When it is measured: entry (the baseline a change starts from), exit, follow-up (after `follow_up`).", example: "[entry, exit, follow-up]"),
            .optional("follow_up", .duration, "For a follow-up: how long after the end of participation.", example: "\"6 months\""),
            .optional("rated_by", .reference(.role), "The role whose worker rates the outcome or administers the instrument.", example: "family-assistant"),
            .optional("self_report", .boolean, "true when the participant fills the instrument in themselves."),
        ])

    static let cadence = ObjectSchema(
        "cadence", "How often something happens.",
        fields: [
            .required("times", .integer(minimum: 1), "How many times.", example: "1"),
            .required("per", .choice(periods), "Per what period.", example: "week"),
        ])

    static let occasion = ObjectSchema(
        "occasion", "A dated occurrence, e.g. a study visit or meeting day.",
        fields: [
            .required("start", .date, "First day."),
            .optional("end", .date, "Last day, if longer than one day."),
            .optional("place", .text, "Where.", example: "Ełckie Centrum Kultury"),
            .optional("hours", .text, "Hours, as given.", example: "8.00-16.00"),
        ])

    static let activity = ObjectSchema(
        "activity", "Something done within a component, recorded as sessions.", defines: .activity,
        fields: [
            .required("id", .identifier, "Id used when recording sessions.", example: "family-circle"),
            .required("name", .localized, "Name of the activity.", example: "krąg rodzinny"),
            .optional("description", .localized, "What happens.", example: "spotkanie kilku rodzin z sąsiedztwa z animatorem"),
            .optional("delivery", .choice(deliveryForms), "How it reaches people."),
            .optional("roles", .list(.reference(.role)), "Roles that deliver it."),
            .optional("cadence", .object(cadence), "How often it is held."),
            .optional("count", .integer(minimum: 1), "How many are planned (groups, actions, visits).", example: "3"),
            .optional("group_size", .integer(minimum: 1), "People per group.", example: "10"),
            .optional("participants", .integer(minimum: 1), "People planned to take part.", example: "80"),
            .optional("families", .integer(minimum: 1), "Families planned to take part, where the source counts families, not people.", example: "15"),
            .optional("occasions", .list(.object(occasion)), "Dated occurrences."),
            .optional("action_type", .choice(actionTypes), "If it is a network action, which kind."),
        ])

    static let scheduleStep = ObjectSchema(
        "schedule step", "One step of a schedule: a session every so often, until a time after enrolment.",
        fields: [
            .optional("name", .localized, "What the step is called, e.g. the intensive phase.", example: "faza intensywna"),
            .optional("until", .duration, "How long after enrolment the step ends; leave it out on the last step, which runs to the end.", example: "\"21 months\""),
            .required("every", .duration, "How often a session is held in this step.", example: "\"2 weeks\""),
        ])

    static let sessionMinutes = ObjectSchema(
        "session length", "How long one session lasts, in minutes.",
        fields: [
            .required("min", .integer(minimum: 1), "The shortest.", example: "60"),
            .required("max", .integer(minimum: 1), "The longest.", example: "90"),
        ])

    static let componentFields: [Field] = [
        .required("id", .identifier, "Id used by activities, fidelity and adaptations.", example: "talent-academy"),
        .optional("name", .localized, "Name of the component.", example: "Akademia Rozwoju Talentów (ART)"),
        .optional("description", .localized, "What it is for.", example: "indywidualne plany rozwoju dla dzieci i młodzieży"),
        .optional("core", .boolean, "true if a municipality may not drop it (fidelity counts it); false if adaptable."),
        .optional("delivery", .list(.choice(deliveryForms)), "How it reaches people."),
        .optional("roles", .list(.reference(.role)), "Roles that deliver it."),
        .optional("target_groups", .list(.reference(.targetGroup)), "Who it serves."),
        .optional("requires_plan", .reference(.plan), "The plan each participant must have."),
        .optional("cadence", .object(cadence), "How often participants meet."),
        .optional(
            "schedule", .list(.object(scheduleStep)),
            "How often participants meet as their time in the programme goes on, counted from enrolment (or from schedule_from): steps in order, each until a time with its own frequency, the last open-ended. Instead of cadence."
        ),
        .optional(
            "schedule_from", .identifier,
            "The event the schedule is counted from instead of enrolment, e.g. a child's birth: one a window criterion of the programme names, recorded for persons to the month. A participant without it recorded is counted from enrolment.",
            example: "child-birth"),
        .optional(
            "session_minutes", .object(sessionMinutes),
            "How long one session lasts, in minutes: {min: 60, max: 90}, or the same number twice for a fixed length. The evaluation counts the sessions recorded within it.",
            example: "{min: 60, max: 90}"),
        .optional(
            "expected_sessions", .integer(minimum: 1),
            "Sessions each participant (household or person, as the programme enrols) is expected to attend over the whole participation.", example: "40"),
        .optional(
            "minimum_sessions", .integer(minimum: 1),
            "The fewest sessions a participant must attend for an adequate dose (or give adequate_share instead).", example: "30"),
        .optional(
            "adequate_share", .percentage, "The share of expected_sessions that counts as an adequate dose, instead of minimum_sessions.",
            example: "75%"),
        .optional("activities", .list(.object(activity)), "What is done within it."),
        .optional(
            "goals", .list(.reference(.goal)), "The goals this component exists for; the handbook says so beside it and the evaluation reports it under them.",
            example: "[family-situation]"),
    ]

    static let component = ObjectSchema(
        "component", "A building block of the programme.", defines: .component,
        fields: [.optional("use", .modelReference, "A library component this builds on, e.g. art@1; keys given here override the library's.", example: "art@1")] + componentFields)

    static let obligation = ObjectSchema(
        "obligation", "What each network must do.",
        fields: [
            .required("minimum", .integer(minimum: 1), "At least how many actions.", example: "1"),
            .required("per", .choice(periods), "Per what period.", example: "year"),
            .required("action_types", .list(.choice(actionTypes)), "Which kinds of action count.", example: "[campaign, debate, local-event]"),
            .optional(
                "open", .boolean,
                "true if the kinds are examples, as in \"for example a campaign, debate or local event\": an action of any kind counts, and the handbook prints the kinds after \"np.\".",
                example: "true"),
        ])

    static let network = ObjectSchema(
        "network", "A local network or alliance of organisations.", defines: .network,
        fields: [
            .required("id", .identifier, "Id used when recording networks.", example: "local-support-system"),
            .required("name", .localized, "Name of the network.", example: "Lokalny System Wsparcia"),
            .optional("description", .localized, "What it does.", example: "instytucje, organizacje i szkoły wspierające rodziny w kwartale ulic"),
            .optional("member_sectors", .list(.choice(sectors)), "Sectors its members come from."),
            .optional("obligations", .list(.object(obligation)), "What each network must do."),
        ])

    static let target = ObjectSchema(
        "target", "The value an indicator should reach.",
        fields: [
            .optional("at_least", .quantity, "At least this value.", example: "34%"),
            .optional("at_most", .quantity, "At most this value."),
            .optional("direction", .choice(TargetDirection.words), "For changes: which way is better."),
        ])

    static let measure = ObjectSchema(
        "measure", "How the indicator is computed from case records.",
        fields: [
            .required(
                "type", .choice(MeasureType.words), "count: how many; share: what part of the subjects has an outcome; change: difference from a baseline.",
                example: "share"),
            .required("subject", .choice(subjects), "What is counted.", example: "participants"),
            .optional("outcome", .reference(.outcome), "For share and change: the outcome observed."),
            .optional("target_group", .reference(.targetGroup), "Count only this group."),
            .optional("component", .reference(.component), "Count only this component."),
            .optional("activity", .reference(.activity), "Count only this activity."),
            .optional("plan", .reference(.plan), "Count only participants with this plan."),
            .optional("network", .reference(.network), "Count only this network's actions."),
            .optional("action_types", .list(.choice(actionTypes)), "Count only these kinds of network action."),
            .optional("per", .choice(periods), "Compute per period (e.g. per year)."),
            .optional("baseline", .reference(.baseline), "For change: the starting figure."),
            .optional(
                "rate", .boolean,
                "For change of an outcome: compare each year's share of the subjects with the outcome (a rate, in percentage points), not the count, which grows with enrolment.",
                example: "true"),
        ])

    static let indicator = ObjectSchema(
        "indicator", "A figure the programme promises, with its target.", defines: .indicator,
        fields: [
            .required("id", .identifier, "Id used in reports.", example: "employment-effectiveness"),
            .required("name", .localized, "Name, as the funder words it.", example: "efektywność zatrudnieniowa"),
            .required("kind", .choice(IndicatorKind.words), "output: what was delivered (counts); result: what changed (shares, changes).", example: "result"),
            .optional("description", .localized, "How it is defined.", example: "Efektywność zatrudnieniowa nie mniejsza niż 22% ogólnej liczby uczestników projektu."),
            .required("measure", .object(measure), "How it is computed."),
            .optional("target", .object(target), "What it should reach."),
            .optional(
                "goals", .list(.reference(.goal)), "The goals this figure shows progress towards, besides those of the outcome it measures.",
                example: "[community-potential]"),
        ])

    static let baseline = ObjectSchema(
        "baseline", "A starting figure from before the programme.", defines: .baseline,
        fields: [
            .required("id", .identifier, "Id used by change indicators.", example: "home-interventions-2019"),
            .required("name", .localized, "What was measured.", example: "interwencje domowe policji na osiedlu"),
            .optional("value", .quantity, "The figure.", example: "231"),
            .optional("share", .percentage, "The figure as a share, where given.", example: "76%"),
            .optional("year", .integer(minimum: 1900), "The year it describes.", example: "2019"),
            .optional("source", .text, "Where it comes from.", example: "Komenda Miejska Policji w Białymstoku"),
            .optional("note", .localized, "Anything else the source says.", example: "średnio jedna co 1,5 dnia"),
        ])

    static let phase = ObjectSchema(
        "phase", "A stage of developing or running the programme.", defines: .phase,
        fields: [
            .required("id", .identifier, "Id of the phase.", example: "diagnosis"),
            .required("name", .localized, "Name of the phase.", example: "panele eksperckie"),
            .optional("description", .localized, "What happens in it.", example: "konsultacja projektów dokumentów z przedstawicielami miasta i organizacji"),
            .optional("start", .date, "When it starts, if known."),
            .optional("end", .date, "When it ends, if known."),
        ])

    static let product = ObjectSchema(
        "product", "Something the programme produces: a guide, standard, curriculum.", defines: .product,
        fields: [
            .required("id", .identifier, "Id of the product.", example: "guide-recover-the-child"),
            .required("name", .localized, "Its title.", example: "Odzyskać dziecko"),
            .required("kind", .choice(productKinds), "What kind of product it is.", example: "guide"),
            .optional("audience", .localized, "Who it is for.", example: "rodziny, w których dziecko zostało umieszczone w placówce"),
            .optional("description", .localized, "What it contains.", example: "poradnik krok po kroku"),
            .optional("component", .reference(.component), "The component it belongs to, if any."),
        ])

    static let deliveryBound = ObjectSchema(
        "delivery bound", "The delivery forms a municipality may use for a component instead of the programme's.",
        fields: [
            .required("component", .reference(.component), "The component.", example: "family-education"),
            .required("forms", .list(.choice(deliveryForms)), "The forms allowed.", example: "[group, individual]"),
        ])

    static let cadenceBound = ObjectSchema(
        "cadence bound", "How seldom a municipality may hold a component's sessions.",
        fields: [
            .required("component", .reference(.component), "The component.", example: "family-circle"),
            .required("at_least", .object(cadence), "The least often its sessions may be held.", example: "{times: 1, per: month}"),
        ])

    static let eligibilityBound = ObjectSchema(
        "eligibility bound",
        "The criteria a municipality may add to a target group's rules, each as a requirement or an exclusion: it may narrow the group, never widen it.",
        fields: [
            .required("target_group", .reference(.targetGroup), "The target group.", example: "families"),
            .required("criteria", .list(.reference(.criterion)), "Criteria of the programme it may add.", example: "[lives-in-municipality]"),
        ])

    static let caseloadBound = ObjectSchema(
        "caseload bound",
        "How far a municipality may move a role's caseload limit. A max above the role's own limit is allowed but draws a warning: it lets a municipality give each worker more than the method asks.",
        fields: [
            .required("role", .reference(.role), "The role.", example: "family-assistant"),
            .required("min", .integer(minimum: 1), "Lowest allowed limit.", example: "10"),
            .required("max", .integer(minimum: 1), "Highest allowed limit.", example: "15"),
        ])

    static let adaptation = ObjectSchema(
        "adaptation bounds", "What a municipality may change when it adopts the programme. Core components can never be dropped.",
        fields: [
            .optional("caseload", .list(.object(caseloadBound)), "Allowed ranges for caseload limits."),
            .optional("may_drop", .list(.reference(.component)), "Adaptable components a municipality may leave out."),
            .optional("may_add_activities", .boolean, "true if municipalities may add their own activities."),
            .optional("minimum_duration_at_least", .duration, "Shortest participation a municipality may set."),
            .optional(
                "delivery", .list(.object(deliveryBound)),
                "Components a municipality may deliver in other forms, and which (a delivery-form adaptation).",
                example: "[{component: family-education, forms: [group, individual]}]"),
            .optional(
                "cadence", .list(.object(cadenceBound)),
                "Components whose sessions a municipality may hold at another frequency, no rarer than at_least (a cadence adaptation).",
                example: "[{component: family-circle, at_least: {times: 1, per: month}}]"),
            .optional(
                "eligibility", .list(.object(eligibilityBound)),
                "Target groups a municipality may give rules of its own, and the criteria it may add (a target-group-criteria adaptation).",
                example: "[{target_group: families, criteria: [lives-in-municipality]}]"),
            .optional(
                "local_targets", .list(.reference(.indicator)),
                "Indicators whose target a municipality may set for itself (an indicator-target adaptation): a count sized to the municipality; a percentage may be raised, never lowered.",
                example: "[families-supported]"),
            .optional("notes", .localized, "Anything else.", example: "zmiany uzgadnia się z autorem programu"),
        ])

    static let release = ObjectSchema(
        "release",
        "This version's life. A draft is not offered for adoption; an approved version may be adopted; a withdrawn one is adopted no more, and municipalities running it are told what replaces it. Each version states its own: it is never inherited through extends.",
        fields: [
            .required("status", .choice(ReleaseStatus.words), "draft, approved or withdrawn.", example: "approved"),
            .optional("date", .date, "When it was approved, or withdrawn.", example: "2026-11-22"),
            .optional(
                "changes", .list(.localized), "What changed from the version before: this version's changelog entry.",
                example: "[Pierwsza wersja szablonu, spisana z dokumentów projektu.]"),
            .optional("replaced_by", .modelReference, "For a withdrawn version: the version to run instead.", example: "praski-kokon@1.1.0"),
            .optional(
                "reason", .localized, "For a withdrawn version: why it was withdrawn (required when nothing replaces it).", example: "edukacja finansowa musi należeć do rdzenia"),
        ])

    /// A whole programme template.
    public static let programme = ObjectSchema(
        "programme", "A family-support programme, written once and adopted by many municipalities.",
        fields: [
            .required("id", .identifier, "The programme's id; municipalities adopt it as id@version.", example: "wygrana-rodzina"),
            .required("version", .version, "Semantic version: major for changes cities must act on, minor for additions, patch for wording.", example: "1.0.0"),
            .required("name", .localized, "The programme's name.", example: "Wygrana Rodzina – model toruński"),
            .optional(
                "summary", .localized, "One paragraph on what the programme is.",
                example: "System wsparcia rodzin dotkniętych dziedziczoną biedą, oparty na współpracy instytucji, organizacji i szkół."),
            .optional("extends", .modelReference, "Another programme this one builds on; see the guide for what is inherited.", example: "praski-kokon@1"),
            .optional("remove", .list(.identifier), "Ids of inherited components, roles, indicators… this version leaves out (never core components)."),
            .optional("origin", .object(origin), "Where it was first run."),
            .optional("implementer", .text, "The implementing body.", example: "Miejski Ośrodek Pomocy Rodzinie w Toruniu"),
            .optional("contact", .text, "Contact details of the implementer.", example: "ul. Słowackiego 118A, 87-100 Toruń"),
            .optional("status", .choice(ProgrammeStatus.words), "Whether the source project has finished."),
            .optional("partners", .list(.object(partner)), "Partner organisations."),
            .optional("funding", .object(funding), "Where the money comes from."),
            .optional("budget", .object(budget), "The money."),
            .optional("period", .object(period), "When the source project ran."),
            .optional("themes", .list(.localized), "Areas of support and types of action, as the source lists them.", example: "[\"obszar wsparcia: wykluczenie społeczne\"]"),
            .optional("goals", .list(.object(goal)), "What the programme aims at, each with an id that outcomes, indicators and components refer to."),
            .optional(
                "expected_results", .list(.localized), "Results the source promises, in words (targets go in indicators).",
                example: "[Podniesienie aktywności społecznej i zawodowej uczestników.]"),
            .optional("criteria", .list(.object(criterion)), "Eligibility flags recorded for persons."),
            .optional("target_groups", .list(.object(targetGroup)), "Who it serves."),
            .optional("participation", .object(participation), "Who is enrolled and for how long."),
            .optional("roles", .list(.object(role)), "Kinds of worker."),
            .optional("plans", .list(.object(plan)), "Plans components require."),
            .optional("outcomes", .list(.object(outcome)), "Changes recorded in participants."),
            .optional("components", .list(.object(component)), "Building blocks."),
            .optional(
                "delivered_through", .list(.localized),
                "Local programmes and instruments the programme is carried out through, as the source names them (e.g. a Local Activity Programme); not networks, as nothing is recorded against them.",
                example: "[Program Aktywności Lokalnej]"),
            .optional(
                "activation_instruments", .list(.choice(ActivationInstrument.words)),
                "The kinds of activation instrument used: vocational, educational, social, health.", example: "[vocational, educational, social, health]"),
            .optional("networks", .list(.object(network)), "Networks and alliances."),
            .optional("baselines", .list(.object(baseline)), "Starting figures."),
            .optional("indicators", .list(.object(indicator)), "Figures with targets."),
            .optional("phases", .list(.object(phase)), "Stages."),
            .optional("products", .list(.object(product)), "What it produces."),
            .optional("adaptation", .object(adaptation), "What municipalities may change."),
            .optional(
                "fidelity_checklist", .list(.object(fidelityElement)),
                "The essential elements of the programme; the share in place joins adherence, dose and reach in the fidelity score."),
            .optional("release", .object(release), "This version's life: draft, approved or withdrawn, when, what changed, what replaces it."),
        ])

    /// A component in the shared library (`models/components/`), reused by id and version.
    /// Roles and plans it names must be defined by each programme that uses it.
    public static let libraryComponent = ObjectSchema(
        "library component", "A component shared by several programmes.",
        fields: [.required("version", .version, "Semantic version of the component.", example: "1.0.0")] + componentFields)
}
