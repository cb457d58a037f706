/// A closed set of words a template or tenant file may use, such as the kinds of adaptation.
///
/// Each set is an enum whose raw values are the words written in YAML, so the validator,
/// the JSON Schema, the key reference and the code that acts on a value all read the same
/// list, and the compiler checks every `switch` over it.
public protocol Vocabulary: RawRepresentable<String>, CaseIterable, Codable, Sendable, Hashable, CustomStringConvertible {}

extension Vocabulary {
    /// Every word, in declaration order.
    public static var words: [String] { allCases.map(\.rawValue) }

    /// The word as written in YAML.
    public var description: String { rawValue }
}

/// How a municipality changes the programme it adopts.
public enum AdaptationChange: String, Vocabulary {
    /// Leaves out a component the template allows to drop.
    case dropComponent = "drop-component"
    /// Adds an activity to a component.
    case addActivity = "add-activity"
    /// Moves a role's caseload limit within the template's bounds.
    case caseload
    /// Lengthens the minimum participation.
    case minimumDuration = "minimum-duration"
    /// Sets the municipality's own target for an indicator the template lets it set.
    case indicatorTarget = "indicator-target"
    /// Delivers a component in other forms the template allows (e.g. in groups).
    case deliveryForm = "delivery-form"
    /// Holds a component's sessions at another frequency, no rarer than the template allows.
    case cadence
    /// Adds a requirement or an exclusion to a target group, from the criteria the template
    /// lets a municipality add.
    case targetGroupCriteria = "target-group-criteria"
}

/// How an indicator is computed.
public enum MeasureType: String, Vocabulary {
    /// How many.
    case count
    /// What part of the subjects has an outcome or a plan.
    case share
    /// The difference from a baseline.
    case change
}

/// What an indicator speaks of.
public enum IndicatorKind: String, Vocabulary {
    /// What was delivered.
    case output
    /// What changed.
    case result
}

/// Who takes part in a programme, and what is counted.
public enum ParticipationUnit: String, Vocabulary {
    /// A household.
    case family
    /// One person.
    case person
}

/// Which way a change is better.
public enum TargetDirection: String, Vocabulary {
    /// Higher is better.
    case increase
    /// Lower is better.
    case decrease
}

/// Whether the source project has finished.
public enum ProgrammeStatus: String, Vocabulary {
    /// Not started.
    case planned
    /// Under way.
    case running
    /// Finished.
    case completed
}

/// Where a template version is in its life.
public enum ReleaseStatus: String, Vocabulary {
    /// Being written: not offered for adoption.
    case draft
    /// Approved by the methodologist: municipalities may adopt it.
    case approved
    /// No longer to be run: municipalities running it move to what replaces it.
    case withdrawn
}

/// The unit an age range counts in.
public enum AgeUnit: String, Vocabulary {
    /// Whole years of age.
    case years
    /// Whole months of age, for infants and small children.
    case months
}

/// What a target group counts.
public enum TargetGroupUnit: String, Vocabulary {
    /// Households.
    case family
    /// Persons.
    case person
    /// Institutions, such as schools.
    case institution
}

/// Who a plan is drawn up for, or an outcome observed in.
public enum RecordSubject: String, Vocabulary {
    /// A household.
    case family
    /// A person.
    case person
    /// A child.
    case child
}

/// How a criterion of eligibility is settled from case records.
public enum CriterionType: String, PolishLabelled {
    /// Yes or no: met when the person (or, for a household, one of its members) has the
    /// criterion among their recorded flags.
    case flag
    /// A number of household members, counted from the persons recorded, within bounds.
    case count
    /// A time window around a dated event of the person's (for a household: of one of its
    /// members), recorded to the month: the enrolment starts within it.
    case window

    public var polish: String {
        switch self {
        case .flag: "tak/nie (zaznaczane u osoby)"
        case .count: "liczba osób w gospodarstwie"
        case .window: "czas od zdarzenia (miesiąc zapisany u osoby)"
        }
    }
}

/// On which side of its event a window lies.
public enum WindowSide: String, PolishLabelled {
    /// The enrolment starts after the event (e.g. within 12 months of leaving care).
    case after
    /// The enrolment starts before the event.
    case before

    public var polish: String {
        switch self {
        case .after: "po"
        case .before: "przed"
        }
    }
}

/// How an essential element of a programme is judged to be in place.
public enum FidelityAssessment: String, PolishLabelled {
    /// From case records: an indicator of the programme reaches its target.
    case records
    /// By the coordinator's periodic self-assessment, recorded in the municipality's file.
    case selfAssessment = "self"

    public var polish: String {
        switch self {
        case .records: "z zapisów"
        case .selfAssessment: "samoocena koordynatora"
        }
    }
}

/// Which members of a household a count criterion counts.
public enum MemberKind: String, PolishLabelled {
    /// Persons recorded as children of the household.
    case children
    /// Everyone else.
    case adults
    /// Everyone.
    case members

    public var polish: String {
        switch self {
        case .children: "dzieci"
        case .adults: "dorosłych"
        case .members: "osób"
        }
    }
}

/// The kinds of activation instrument social assistance uses with a person or family.
public enum ActivationInstrument: String, PolishLabelled {
    /// Towards work.
    case vocational
    /// Towards learning.
    case educational
    /// Towards taking part in community life.
    case social
    /// Towards health.
    case health

    public var polish: String {
        switch self {
        case .vocational: "zawodowe"
        case .educational: "edukacyjne"
        case .social: "społeczne"
        case .health: "zdrowotne"
        }
    }
}

/// What a real municipality's tenant file holds that its sources do not state: made up for
/// demonstrations, and said so in every report that shows it.
public enum IllustrativePart: String, PolishLabelled {
    /// The neighbourhoods served.
    case areas
    /// The local partner organisations.
    case partners
    /// When the municipality runs the programme.
    case period
    /// The local targets.
    case targets
    /// The staff by role.
    case staff
    /// The local adaptations.
    case adaptations

    public var polish: String {
        switch self {
        case .areas: "obszary"
        case .partners: "partnerzy"
        case .period: "okres realizacji"
        case .targets: "cele liczbowe"
        case .staff: "kadra"
        case .adaptations: "adaptacje"
        }
    }

    /// "Dane ilustracyjne: cele liczbowe, kadra i adaptacje …": the sentence a report shows.
    public static func notice(_ parts: [IllustrativePart]) -> String? {
        guard !parts.isEmpty else { return nil }
        let names = parts.map(\.polish)
        let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " i " + names.last!
        return "Dane ilustracyjne: \(list) tej gminy nie pochodzą ze źródeł programu — przygotowano je do pokazu Kokonu."
    }
}

/// When an outcome is measured, relative to a participant's time in the programme.
public enum MeasurementOccasion: String, PolishLabelled {
    /// At the start of participation: the baseline a change is measured from.
    case entry
    /// At the end of participation.
    case exit
    /// Some time after the end, as the outcome's `follow_up` says.
    case followUp = "follow-up"

    public var polish: String {
        switch self {
        case .entry: "na początku udziału"
        case .exit: "na zakończenie udziału"
        case .followUp: "po zakończeniu udziału"
        }
    }
}
