/// One field of a form as a page shows it: its label, what was typed (kept after a refusal),
/// its choices, and the problem with it in Polish.
struct FormField: Sendable {
    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    let id: String
    let name: String
    let label: String
    var type = "text"
    var value = ""
    var required = true
    var hint: String?
    var pattern: String?
    var inputMode: String?
    var options: [Option] = []
    var error: String?

    /// Stored rather than computed: the page renderer reads stored properties only.
    var isSelect = false
    /// A group of boxes to tick under one legend, each sending its option's value under `name`.
    var isCheckboxGroup = false
    var isHidden = false
    /// A required select with nothing chosen yet starts on an empty "choose" option, so that
    /// nobody submits the first choice without having looked.
    var needsChoice = false

    /// A select of `choices` (value, label) with `value` selected.
    static func select(_ name: String, _ label: String, choices: [(String, String)], value: String, required: Bool = true, prefix: String = "") -> FormField {
        FormField(
            id: prefix + name, name: name, label: label, value: value, required: required,
            options: choices.map { Option(value: $0.0, label: $0.1, selected: $0.0 == value) }, isSelect: true,
            needsChoice: required && !choices.contains { $0.0 == value })
    }

    /// Boxes to tick under one legend, one per choice (value, label), those in `ticked` ticked;
    /// each box's id is `id-value`.
    static func checkboxes(id: String, name: String, legend: String, choices: [(String, String)], ticked: Set<String>) -> FormField {
        FormField(
            id: id, name: name, label: legend, required: false, options: choices.map { Option(value: $0.0, label: $0.1, selected: ticked.contains($0.0)) },
            isCheckboxGroup: true)
    }

    /// The fields with the problems of a refused write placed beside the field each names;
    /// returns the problems that name no field of the form. `polish` problems are shown as
    /// they are; the checks' reasons in Polish (``PolishReasons``), or, for a wording it does
    /// not know, after the field's Polish help.
    static func place(_ issues: [Problem.Issue], in fields: inout [FormField], names: [String: String] = [:], polish: Bool = false) -> [String] {
        var unplaced: [String] = []
        for issue in issues {
            let target = issue.field.map { names[$0] ?? $0 }
            // A box has no room for a sentence; its problem is shown above the form.
            if let target, let index = fields.firstIndex(where: { $0.name == target && !$0.isCheckboxGroup }) {
                let help = PolishLabels.fieldHelp[issue.field ?? ""] ?? "Popraw to pole."
                if polish {
                    fields[index].error = issue.reason.prefix(1).uppercased() + issue.reason.dropFirst()
                } else {
                    fields[index].error = PolishReasons.polish(issue.reason) ?? "\(help) (\(issue.reason))"
                }
            } else {
                unplaced.append(polish ? issue.reason : PolishReasons.polish(issue.reason) ?? issue.reason)
            }
        }
        return unplaced
    }
}
