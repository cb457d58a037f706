import Foundation

/// Writes a JSON Schema (draft 2020-12) for templates from the same ``Shape``s the loader
/// checks, with the same descriptions as the guide, so editors can complete and check files.
///
/// Scalars follow YAML 1.2 core typing as editors apply it: `18` is an integer, `true` a
/// boolean, and dates, durations and amounts are strings with a pattern.
public enum JSONSchemaExporter {
    /// The schema as pretty-printed JSON text.
    public static func export(_ root: ObjectSchema, id: String) -> String {
        var definitions: [String: Any] = [:]
        var document = object(root, definitions: &definitions)
        document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        document["$id"] = id
        document["$defs"] = definitions
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func object(_ schema: ObjectSchema, definitions: inout [String: Any]) -> [String: Any] {
        var properties: [String: Any] = [:]
        for field in schema.fields {
            var property = shape(field.shape, definitions: &definitions)
            property["description"] = field.summary
            properties[field.key] = property
        }
        var result: [String: Any] = [
            "type": "object",
            "title": schema.title,
            "description": schema.summary,
            "properties": properties,
            "additionalProperties": false,
        ]
        let required = schema.fields.filter(\.required).map(\.key)
        if !required.isEmpty { result["required"] = required }
        return result
    }

    static func shape(_ shape: Shape, definitions: inout [String: Any]) -> [String: Any] {
        switch shape {
        case .text: return ["type": "string", "minLength": 1]
        case .localized:
            definitions["localizedText"] = [
                "oneOf": [
                    ["type": "string", "minLength": 1],
                    object(LocalizedSchema.schema, definitions: &definitions),
                ]
            ]
            return ["$ref": "#/$defs/localizedText"]
        case .identifier, .reference: return ["type": "string", "pattern": Identifiers.pattern, "maxLength": 64]
        case .integer(let minimum): return ["type": "integer", "minimum": minimum]
        case .quantity: return ["oneOf": [["type": "number", "minimum": 0], ["type": "string", "pattern": #"^[0-9]+([.,][0-9]+)?%?$"#]]]
        case .boolean: return ["type": "boolean"]
        case .date: return ["type": "string", "pattern": #"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"#]
        case .duration:
            let units = Duration.unitWords.keys.sorted().joined(separator: "|")
            return ["type": "string", "pattern": "^[1-9][0-9]* (\(units))$"]
        case .percentage: return ["type": "string", "pattern": #"^[0-9]+([.,][0-9]+)? ?%$"#]
        case .money: return ["type": "string", "pattern": #"^[0-9]{1,3}( [0-9]{3})*([.,][0-9]{1,2})? ([A-Z]{3}|zł)$|^[0-9]+([.,][0-9]{1,2})? ([A-Z]{3}|zł)$"#]
        case .version: return ["type": "string", "pattern": #"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$"#]
        case .modelReference: return ["type": "string", "pattern": #"^[a-z][a-z0-9]*(-[a-z0-9]+)*@[0-9]+(\.[0-9]+){0,2}$"#]
        case .tenantID: return ["type": "string", "pattern": TenantID.pattern]
        case .teryt: return ["type": "string", "pattern": #"^(0[2468]|[12][02468]|3[02])(0[1-9]|[1-9][0-9])(0[1-9]|[1-9][0-9])[1234589]$"#]
        case .choice(let words): return ["type": "string", "enum": words]
        case .list(let item): return ["type": "array", "items": self.shape(item, definitions: &definitions)]
        case .object(let schema):
            let name = schema.title.split(separator: " ").enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }.joined()
            if definitions[name] == nil {
                definitions[name] = [:]
                definitions[name] = object(schema, definitions: &definitions)
            }
            return ["$ref": "#/$defs/\(name)"]
        }
    }
}
