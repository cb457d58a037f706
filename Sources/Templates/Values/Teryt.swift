/// A municipality's TERYT TERC code: seven digits, voivodeship (2), county (2), municipality (2)
/// and municipality type (1), as in the national register of territorial division.
public struct Teryt: Sendable, Hashable, TextCodable {
    /// The seven digits.
    public let code: String

    /// Voivodeship names by the first two digits of the code.
    public static let voivodeships: [String: String] = [
        "02": "dolnośląskie", "04": "kujawsko-pomorskie", "06": "lubelskie", "08": "lubuskie",
        "10": "łódzkie", "12": "małopolskie", "14": "mazowieckie", "16": "opolskie",
        "18": "podkarpackie", "20": "podlaskie", "22": "pomorskie", "24": "śląskie",
        "26": "świętokrzyskie", "28": "warmińsko-mazurskie", "30": "wielkopolskie", "32": "zachodniopomorskie",
    ]

    /// Municipality types (the last digit): urban, rural, urban-rural, the town and the rural
    /// area of an urban-rural municipality, and the districts of Warsaw.
    static let municipalityTypes: Set<Character> = ["1", "2", "3", "4", "5", "8", "9"]

    /// Parses a code, checking the voivodeship, county, municipality and type parts.
    public static func parse(_ text: String) -> Teryt? {
        problem(with: text) == nil ? Teryt(code: text) : nil
    }

    /// What is wrong with a would-be code, in words, or nil if it is valid.
    public static func problem(with text: String) -> String? {
        guard text.count == 7, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return "a TERYT code has exactly seven digits, e.g. 0463011 for Toruń"
        }
        let digits = Array(text)
        guard voivodeships[String(digits[0...1])] != nil else {
            return "\(String(digits[0...1])) is not a voivodeship code (02, 04, … 32)"
        }
        guard String(digits[2...3]) != "00" else { return "the county part (digits 3-4) cannot be 00" }
        guard String(digits[4...5]) != "00" else { return "the municipality part (digits 5-6) cannot be 00" }
        guard municipalityTypes.contains(digits[6]) else {
            return "the last digit is the municipality type: 1 urban, 2 rural, 3 urban-rural, 4 or 5 parts of an urban-rural municipality, 8 or 9 Warsaw"
        }
        return nil
    }

    /// The voivodeship the code belongs to.
    public var voivodeship: String { Self.voivodeships[String(code.prefix(2))]! }

    public var description: String { code }
}
