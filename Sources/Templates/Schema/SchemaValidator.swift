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
        switch shape {
        case .list(let item): return validateList(node, of: item, as: shape, path: path)
        case .object(let schema): return validateObject(node, schema: schema, as: shape, path: path)
        case .localized:
            if case .mapping = node.kind {
                guard let object = validate(node, as: .object(LocalizedSchema.schema), path: path) else { return nil }
                return make(.localized(LocalizedText(pl: object["pl"]?.text ?? "", en: object["en"]?.text, de: object["de"]?.text)), at: node)
            }
            fallthrough
        default:
            guard let text = scalar(node, as: shape, path: path) else { return nil }
            switch Self.parse(text, as: shape) {
            case .success(let kind):
                return make(kind, at: node)
            case .failure(let problem):
                error(node.location, "invalid-value", "'\(path)' is '\(text)', but it must be \(shape.expectation)", problem.hint)
                return nil
            }
        }
    }

    func make(_ kind: Value.Kind, at node: Node) -> Value { Value(kind: kind, file: file, location: node.location) }

    /// The node's text, or nil (with an error) if it is not a scalar or is empty.
    mutating func scalar(_ node: Node, as shape: Shape, path: String) -> String? {
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

    /// Why a scalar does not fit its shape: the hint that says how to write it, if there is one.
    struct Problem: Error {
        let hint: String?
        init(_ hint: String? = nil) { self.hint = hint }
    }

    /// A scalar read as `shape`.
    static func parse(_ text: String, as shape: Shape) -> Result<Value.Kind, Problem> {
        switch shape {
        case .text: return .success(.text(text))
        case .localized: return .success(.localized(LocalizedText(pl: text)))
        case .identifier, .reference:
            guard Identifiers.isValid(text) else {
                let suggestion = text.lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
                return .failure(
                    Problem(Identifiers.isValid(suggestion) ? "did you mean '\(suggestion)'?" : "use lowercase letters, digits and single hyphens, starting with a letter"))
            }
            return .success(.text(text))
        case .integer(let minimum):
            guard let number = Int(text.replacingOccurrences(of: " ", with: "")), text.first != "+" else {
                return .failure(Problem(text.contains(".") || text.contains(",") ? "whole numbers have no decimal part" : nil))
            }
            return number >= minimum ? .success(.integer(number)) : .failure(Problem())
        case .quantity:
            let percent = text.hasSuffix("%")
            guard let number = decimal(percent ? String(text.dropLast()) : text) else { return .failure(Problem()) }
            return .success(.quantity(number, percent: percent))
        case .percentage:
            guard text.hasSuffix("%") else { return .failure(Problem("add the percent sign: \(text)%")) }
            guard let number = decimal(String(text.dropLast())), number <= 100 else { return .failure(Problem()) }
            return .success(.quantity(number, percent: true))
        case .boolean:
            switch text {
            case "true": return .success(.boolean(true))
            case "false": return .success(.boolean(false))
            default:
                let hint = ["yes", "on", "tak", "y"].contains(text.lowercased()) ? "write true" : ["no", "off", "nie", "n"].contains(text.lowercased()) ? "write false" : nil
                return .failure(Problem(hint))
            }
        case .date:
            guard let day = Day.parse(text) else { return .failure(Problem(Day.hint(for: text))) }
            return .success(.date(day))
        case .duration:
            let duration: Duration
            switch Duration.read(text) {
            case .success(let read): duration = read
            case .failure(let problem): return .failure(Problem(problem.message))
            }
            return .success(.duration(duration))
        case .money:
            guard let money = Money.parse(text) else {
                return .failure(
                    Problem("write the amount with spaces between thousands and a comma or dot before the grosze, then the currency: \"1 817 779,19 PLN\""))
            }
            return .success(.money(money))
        case .version:
            guard let version = SemanticVersion.parse(text) else {
                return .failure(Problem(text.split(separator: ".").count == 2 ? "add the patch number: \(text).0 (quote it if your editor turns it into a number)" : nil))
            }
            return .success(.version(version))
        case .modelReference:
            guard let reference = ModelReference.parse(text) else { return .failure(Problem("write the id, @ and the major version, e.g. art@1")) }
            return .success(.modelReference(reference))
        case .tenantID:
            return TenantID.isValid(text) ? .success(.text(text)) : .failure(Problem(TenantID.hint(for: text)))
        case .teryt:
            if let problem = Teryt.problem(with: text) { return .failure(Problem(problem + "; quote it so the leading zero stays: \"0463011\"")) }
            return .success(.text(text))
        case .choice(let words):
            return words.contains(text) ? .success(.text(text)) : .failure(Problem(Suggestions.hint(for: text, in: words)))
        case .list, .object:
            return .failure(Problem())
        }
    }

    /// A decimal written with a dot or a comma, without a sign.
    static func decimal(_ text: String) -> Decimal? {
        let digits = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else { return nil }
        return Decimal(string: digits)
    }

    mutating func validateList(_ node: Node, of item: Shape, as shape: Shape, path: String) -> Value? {
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
        return ok ? make(.list(values), at: node) : nil
    }

    /// How to write a mapping, from its required keys and their examples:
    /// "write it as a mapping, e.g. {id: family-situation, name: Poprawa sytuacji rodzin.}".
    static func mappingHint(_ schema: ObjectSchema) -> String? {
        let required = schema.fields.filter(\.required)
        guard !required.isEmpty else { return nil }
        let pairs = required.map { "\($0.key): \($0.example ?? "…")" }
        return "write it as a mapping with its keys, e.g. {\(pairs.joined(separator: ", "))}"
    }

    mutating func validateObject(_ node: Node, schema: ObjectSchema, as shape: Shape, path: String) -> Value? {
        guard case .mapping(let pairs) = node.kind else {
            error(node.location, "wrong-type", "'\(path)' must be \(shape.expectation), but it is \(node.kindName)", Self.mappingHint(schema))
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
        return ok ? make(.object(values), at: node) : nil
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
