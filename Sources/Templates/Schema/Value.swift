public import Foundation

/// A schema-checked value with its position, ready for resolving and decoding.
public struct Value: Sendable {
    /// What the value holds.
    public enum Kind: Sendable {
        case text(String)
        case localized(LocalizedText)
        case integer(Int)
        case quantity(Decimal, percent: Bool)
        case boolean(Bool)
        case date(Day)
        case duration(Duration)
        case money(Money)
        case version(SemanticVersion)
        case modelReference(ModelReference)
        case list([Value])
        case object([(key: String, value: Value)])
    }

    /// What the value holds.
    public var kind: Kind
    /// The file it came from (a programme may merge values from several files).
    public var file: String
    /// Where it starts in that file.
    public var location: SourceLocation

    /// The value under a key, for objects.
    public subscript(key: String) -> Value? {
        if case .object(let pairs) = kind { return pairs.first { $0.key == key }?.value }
        return nil
    }

    /// The items, for lists.
    public var items: [Value]? {
        if case .list(let items) = kind { return items }
        return nil
    }

    /// The text, for text and identifiers.
    public var text: String? {
        if case .text(let text) = kind { return text }
        return nil
    }

    /// The object's pairs.
    public var pairs: [(key: String, value: Value)]? {
        if case .object(let pairs) = kind { return pairs }
        return nil
    }

    /// The same object with one key set (replaced in place, or appended).
    public func setting(_ key: String, to value: Value?) -> Value {
        guard case .object(var pairs) = kind else { return self }
        if let index = pairs.firstIndex(where: { $0.key == key }) {
            if let value { pairs[index].value = value } else { pairs.remove(at: index) }
        } else if let value {
            pairs.append((key, value))
        }
        var copy = self
        copy.kind = .object(pairs)
        return copy
    }

    /// JSON text in the form the model's `Codable` types read: money as `{amount, currency}`,
    /// dates and versions as strings, localised text as `{pl, en, de}`.
    public var json: String {
        var output = ""
        writeJSON(into: &output)
        return output
    }

    func writeJSON(into output: inout String) {
        switch kind {
        case .text(let text): output += Value.quote(text)
        case .localized(let text):
            output += "{\"pl\":" + Value.quote(text.pl)
            if let en = text.en { output += ",\"en\":" + Value.quote(en) }
            if let de = text.de { output += ",\"de\":" + Value.quote(de) }
            output += "}"
        case .integer(let number): output += String(number)
        case .quantity(let number, let percent): output += "{\"value\":\(number),\"percent\":\(percent)}"
        case .boolean(let flag): output += flag ? "true" : "false"
        case .date(let day): output += Value.quote(day.description)
        case .duration(let duration): output += "{\"amount\":\(duration.amount),\"unit\":\"\(duration.unit.rawValue)\"}"
        case .money(let money): output += "{\"amount\":\(money.amount),\"currency\":\(Value.quote(money.currency))}"
        case .version(let version): output += Value.quote(version.description)
        case .modelReference(let reference): output += Value.quote(reference.description)
        case .list(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.writeJSON(into: &output)
            }
            output += "]"
        case .object(let pairs):
            output += "{"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { output += "," }
                output += Value.quote(pair.key) + ":"
                pair.value.writeJSON(into: &output)
            }
            output += "}"
        }
    }

    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
