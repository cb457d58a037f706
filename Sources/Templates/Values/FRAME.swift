// The Framework for Reporting Adaptations and Modifications-Expanded (FRAME; Wiltsey
// Stirman et al., 2019) names what a register of adaptations records about each one. Each of
// its closed lists is a vocabulary here, with the Polish words the pages show.

/// A vocabulary whose words have a Polish label for pages.
public protocol PolishLabelled: Vocabulary {
    /// The word in Polish, as a coordinator reads it.
    var polish: String { get }
}

/// When in the life of the programme the change was made.
public enum AdaptationPhase: String, PolishLabelled {
    /// Before delivery began.
    case preImplementation = "pre-implementation"
    /// While delivering.
    case implementation
    /// While extending to more places or people.
    case scaleUp = "scale-up"
    /// While keeping the programme going after its launch.
    case sustainment

    public var polish: String {
        switch self {
        case .preImplementation: "przed wdrożeniem"
        case .implementation: "w trakcie wdrażania"
        case .scaleUp: "przy rozszerzaniu skali"
        case .sustainment: "przy utrzymaniu programu"
        }
    }
}

/// Who took part in deciding the change (FRAME's list).
public enum AdaptationDecider: String, PolishLabelled {
    /// Political leaders.
    case politicalLeaders = "political-leaders"
    /// The programme's leader.
    case programmeLeader = "programme-leader"
    /// A funder.
    case funder
    /// An administrator.
    case administrator
    /// The programme's manager.
    case programmeManager = "programme-manager"
    /// The programme's developer or purveyor (its methodologist).
    case developer
    /// A researcher or evaluator.
    case researcher
    /// The team that delivers it.
    case deliveryTeam = "delivery-team"
    /// One practitioner.
    case practitioner
    /// Members of the community.
    case communityMembers = "community-members"
    /// The families or persons it serves.
    case recipients

    public var polish: String {
        switch self {
        case .politicalLeaders: "władze samorządowe"
        case .programmeLeader: "lider programu"
        case .funder: "grantodawca"
        case .administrator: "administracja"
        case .programmeManager: "koordynator programu"
        case .developer: "autor lub metodyk programu"
        case .researcher: "badacz lub ewaluator"
        case .deliveryTeam: "zespół realizujący"
        case .practitioner: "pojedynczy realizator"
        case .communityMembers: "społeczność lokalna"
        case .recipients: "uczestnicy programu"
        }
    }
}

/// What the change modifies.
public enum AdaptationTarget: String, PolishLabelled {
    /// What is delivered.
    case content
    /// The context: format, setting, staff, population.
    case context
    /// How staff are trained or how the programme is evaluated.
    case trainingAndEvaluation = "training-and-evaluation"
    /// The activities that put it in place or spread it.
    case implementationActivities = "implementation-activities"

    public var polish: String {
        switch self {
        case .content: "treść"
        case .context: "kontekst (forma, miejsce, kadra, odbiorcy)"
        case .trainingAndEvaluation: "szkolenie i ewaluacja"
        case .implementationActivities: "działania wdrożeniowe"
        }
    }
}

/// The level of delivery the change applies to.
public enum DeliveryLevel: String, PolishLabelled {
    /// One family or person.
    case individual
    /// A group of participants.
    case group
    /// One practitioner.
    case practitioner
    /// A team or unit.
    case unit
    /// The delivering organisation.
    case organisation
    /// The whole municipality or network.
    case community

    public var polish: String {
        switch self {
        case .individual: "pojedyncza rodzina lub osoba"
        case .group: "grupa uczestników"
        case .practitioner: "pojedynczy realizator"
        case .unit: "zespół"
        case .organisation: "organizacja realizująca"
        case .community: "cała gmina lub sieć"
        }
    }
}

/// The nature of the change (FRAME's list).
public enum AdaptationNature: String, PolishLabelled {
    /// Tailoring, tweaking or refining.
    case tailoring
    /// Adding elements.
    case adding
    /// Removing or skipping elements.
    case removing
    /// Shortening or condensing.
    case shortening
    /// Lengthening or extending.
    case lengthening
    /// Substituting elements.
    case substituting
    /// Reordering elements.
    case reordering
    /// Repeating elements.
    case repeating
    /// Loosening the structure.
    case loosening
    /// Integrating another approach into it.
    case integrating
    /// Departing from the programme.
    case departing

    public var polish: String {
        switch self {
        case .tailoring: "dopasowanie"
        case .adding: "dodanie elementu"
        case .removing: "usunięcie elementu"
        case .shortening: "skrócenie"
        case .lengthening: "wydłużenie"
        case .substituting: "zastąpienie elementu innym"
        case .reordering: "zmiana kolejności"
        case .repeating: "powtórzenie elementu"
        case .loosening: "rozluźnienie struktury"
        case .integrating: "włączenie innego podejścia"
        case .departing: "odejście od programu"
        }
    }
}

/// What the change was meant to achieve.
public enum AdaptationGoal: String, PolishLabelled {
    /// Reach more of those the programme is for.
    case reach
    /// Keep more of them taking part.
    case retention
    /// Make it feasible to deliver.
    case feasibility
    /// Fit the recipients better.
    case fit
    /// Address cultural factors.
    case culture
    /// Improve its outcomes.
    case effectiveness
    /// Reduce its cost.
    case cost
    /// Satisfy recipients or staff better.
    case satisfaction

    public var polish: String {
        switch self {
        case .reach: "dotarcie do większej liczby odbiorców"
        case .retention: "utrzymanie uczestników"
        case .feasibility: "wykonalność"
        case .fit: "lepsze dopasowanie do odbiorców"
        case .culture: "uwzględnienie czynników kulturowych"
        case .effectiveness: "lepsze rezultaty"
        case .cost: "obniżenie kosztów"
        case .satisfaction: "zadowolenie odbiorców lub kadry"
        }
    }
}

/// Where the reason for the change lies.
public enum ReasonLevel: String, PolishLabelled {
    /// Laws, policies, funding rules.
    case sociopolitical
    /// The delivering organisation.
    case organisation
    /// The staff who deliver.
    case provider
    /// The families or persons served.
    case recipient

    public var polish: String {
        switch self {
        case .sociopolitical: "przepisy, polityka, zasady finansowania"
        case .organisation: "organizacja realizująca"
        case .provider: "kadra realizująca"
        case .recipient: "uczestnicy"
        }
    }
}

/// Whether the change keeps the programme's core elements.
public enum FidelityConsistency: String, PolishLabelled {
    /// Core elements are preserved.
    case consistent
    /// A core element is changed or left out.
    case inconsistent
    /// Not yet known.
    case unknown

    public var polish: String {
        switch self {
        case .consistent: "tak, elementy rdzenia zachowane"
        case .inconsistent: "nie, zmienia element rdzenia"
        case .unknown: "nie wiadomo"
        }
    }
}
