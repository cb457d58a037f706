import Foundation

/// Checks a node tree against a ``Shape`` and builds typed ``Value``s, collecting every error.
public struct SchemaValidator {
    /// The file, for diagnostics.
    public let file: String
    /// What was found.
    public private(set) var diagnostics: [Diagnostic] = []

    /// A validator for one file.
    public init(file: String) { self.file = file }

    mutating func error(_ location: SourceLocation, _ code: String, _ message: String, _ hint: String? = nil) {
        diagnostics.append(Diagnostic(file: file, location: location, code: code, message: message, hint: hint))
    }

    /// Validates `node` as `shape`; `path` names it in messages (e.g. `roles[2].caseload`).
    public mutating func validate(_ node: Node, as shape: Shape, path: String) -> Value? {
        func make(_ kind: Value.Kind) -> Value { Value(kind: kind, file: file, location: node.location) }
        func scalar() -> String? {
            guard let text = node.scalar else {
                error(node.location, "wrong-type", "'\(path)' must be \(shape.expectation), but it is \(node.kindName)")
                return nil
            }
            if text.isEmpty, case .scalar(_, false) = node.kind {
                error(
                    node.location, "missing-value", "'\(path)' has no value; expected \(shape.expectation)",
                    "write the value after the colon, or remove the key if it does not apply")
                return nil
            }
            return text
        }
        func invalid(_ text: String, _ hint: String? = nil) -> Value? {
            error(node.location, "invalid-value", "'\(path)' is '\(text)', but it must be \(shape.expectation)", hint)
            return nil
        }

        switch shape {
        case .text:
            guard let text = scalar() else { return nil }
            return make(.text(text))
        case .localized:
            if case .mapping = node.kind {
                guard let object = validate(node, as: .object(LocalizedSchema.schema), path: path) else { return nil }
                return make(.localized(LocalizedText(pl: object["pl"]?.text ?? "", en: object["en"]?.text, de: object["de"]?.text)))
            }
            guard let text = scalar() else { return nil }
            return make(.localized(LocalizedText(pl: text)))
        case .identifier, .reference:
            guard let text = scalar() else { return nil }
            guard Identifiers.isValid(text) else {
                let suggestion = text.lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
                return invalid(text, Identifiers.isValid(suggestion) ? "did you mean '\(suggestion)'?" : "use lowercase letters, digits and single hyphens, starting with a letter")
            }
            return make(.text(text))
        case .integer(let minimum):
            guard let text = scalar() else { return nil }
            guard let number = Int(text.replacingOccurrences(of: " ", with: "")), text.first != "+" else {
                return invalid(text, text.contains(".") || text.contains(",") ? "whole numbers have no decimal part" : nil)
            }
            guard number >= minimum else { return invalid(text) }
            return make(.integer(number))
        case .quantity:
            guard let text = scalar() else { return nil }
            let percent = text.hasSuffix("%")
            let digits = (percent ? String(text.dropLast()) : text).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let number = Decimal(string: digits) else { return invalid(text) }
            return make(.quantity(number, percent: percent))
        case .percentage:
            guard let text = scalar() else { return nil }
            guard text.hasSuffix("%") else { return invalid(text, "add the percent sign: \(text)%") }
            let digits = String(text.dropLast()).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let number = Decimal(string: digits), number <= 100 else {
                return invalid(text)
            }
            return make(.quantity(number, percent: true))
        case .boolean:
            guard let text = scalar() else { return nil }
            switch text {
            case "true": return make(.boolean(true))
            case "false": return make(.boolean(false))
            default:
                let hint = ["yes", "on", "tak", "y"].contains(text.lowercased()) ? "write true" : ["no", "off", "nie", "n"].contains(text.lowercased()) ? "write false" : nil
                return invalid(text, hint)
            }
        case .date:
            guard let text = scalar() else { return nil }
            guard let day = Day.parse(text) else {
                return invalid(text, Day.hint(for: text))
            }
            return make(.date(day))
        case .duration:
            guard let text = scalar() else { return nil }
            guard let duration = Duration.parse(text) else { return invalid(text, "write a number and a unit (days, weeks, months, years)") }
            return make(.duration(duration))
        case .money:
            guard let text = scalar() else { return nil }
            guard let money = Money.parse(text) else {
                return invalid(text, "write the amount with spaces between thousands and a comma or dot before the grosze, then the currency: \"1 817 779,19 PLN\"")
            }
            return make(.money(money))
        case .version:
            guard let text = scalar() else { return nil }
            guard let version = SemanticVersion.parse(text) else {
                return invalid(text, text.split(separator: ".").count == 2 ? "add the patch number: \(text).0 (quote it if your editor turns it into a number)" : nil)
            }
            return make(.version(version))
        case .modelReference:
            guard let text = scalar() else { return nil }
            guard let reference = ModelReference.parse(text) else { return invalid(text, "write the id, @ and the major version, e.g. art@1") }
            return make(.modelReference(reference))
        case .tenantID:
            guard let text = scalar() else { return nil }
            guard TenantID.isValid(text) else { return invalid(text, TenantID.hint(for: text)) }
            return make(.text(text))
        case .teryt:
            guard let text = scalar() else { return nil }
            if let problem = Teryt.problem(with: text) { return invalid(text, problem + "; quote it so the leading zero stays: \"0463011\"") }
            return make(.text(text))
        case .choice(let words):
            guard let text = scalar() else { return nil }
            guard words.contains(text) else { return invalid(text, Suggestions.hint(for: text, in: words)) }
            return make(.text(text))
        case .list(let item):
            guard case .sequence(let nodes) = node.kind else {
                error(
                    node.location, "wrong-type", "'\(path)' must be \(shape.expectation), but it is \(node.kindName)",
                    node.scalar != nil ? "start each item on its own line with '- '" : nil)
                return nil
            }
            var values: [Value] = []
            var ok = true
            for (index, child) in nodes.enumerated() {
                if let value = validate(child, as: item, path: "\(path)[\(index + 1)]") { values.append(value) } else { ok = false }
            }
            return ok ? make(.list(values)) : nil
        case .object(let schema):
            guard case .mapping(let pairs) = node.kind else {
                error(node.location, "wrong-type", "'\(path)' must be \(shape.expectation), but it is \(node.kindName)")
                return nil
            }
            var values: [(key: String, value: Value)] = []
            var ok = true
            for (keyNode, valueNode) in pairs {
                let key = keyNode.scalar ?? ""
                guard let field = schema.field(key) else {
                    let known = schema.fields.map(\.key)
                    var hint = Suggestions.hint(for: key, in: known) ?? "keys allowed here: " + known.joined(separator: ", ")
                    if schema.title == LocalizedSchema.schema.title {
                        hint = "inside { } a comma ends the text; put text that contains a comma in quotes, e.g. {pl: \"a, b\"}"
                    }
                    error(keyNode.location, "unknown-key", "unknown key '\(key)' in \(path.isEmpty ? "the \(schema.title)" : "'\(path)'")", hint)
                    ok = false
                    continue
                }
                if values.contains(where: { $0.key == key }) { continue }
                let childPath = path.isEmpty ? key : "\(path).\(key)"
                if let value = validate(valueNode, as: field.shape, path: childPath) { values.append((key, value)) } else { ok = false }
            }
            for field in schema.fields where field.required && !pairs.contains(where: { $0.key.scalar == field.key }) {
                error(
                    node.location, "missing-key", "\(path.isEmpty ? "the \(schema.title)" : "'\(path)'") is missing the required key '\(field.key)'",
                    "add `\(field.key): \(field.example ?? "…")` — \(field.summary)")
                ok = false
            }
            return ok ? make(.object(values)) : nil
        }
    }
}

/// The `{pl, en, de}` form of localised text.
enum LocalizedSchema {
    static let schema = ObjectSchema(
        "translated text", "Text in Polish with optional translations.",
        fields: [
            .required("pl", .text, "The Polish text."),
            .optional("en", .text, "English translation."),
            .optional("de", .text, "German translation."),
        ])
}

extension Day {
    /// A hint for a date written another way.
    static func hint(for text: String) -> String {
        let parts = text.split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "/" })
        if parts.count == 3, parts[2].count == 4, let day = Int(parts[0]), let month = Int(parts[1]) {
            let candidate = String(format: "%@-%02d-%02d", String(parts[2]), month, day)
            if Day.parse(candidate) != nil { return "write dates as YYYY-MM-DD: \(candidate)" }
            return "\(text) is not a real date"
        }
        if parts.count == 3, Day.parse(text) == nil, parts[0].count == 4 { return "\(text) is not a real date; check the month and day" }
        return "write dates as YYYY-MM-DD, e.g. 2017-01-02"
    }
}
