import Foundation

/// The parts of a `multipart/form-data` body (a form with a file): each part's field name,
/// its file name if it is a file, and its bytes.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        let name: String
        let fileName: String?
        let bytes: [UInt8]
    }

    let parts: [Part]

    /// The boundary named by a `Content-Type` header, if it is multipart.
    static func boundary(of contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == "boundary" { return String(pair[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }

    /// Parses `body`; parts that cannot be read are left out.
    init(_ body: [UInt8], boundary: String) {
        let delimiter = Array("--\(boundary)".utf8)
        let blank = Array("\r\n\r\n".utf8)
        var parts: [Part] = []
        var positions: [Int] = []
        var index = 0
        while let found = Self.find(delimiter, in: body, from: index) {
            positions.append(found)
            index = found + delimiter.count
        }
        for (start, end) in zip(positions, positions.dropFirst()) {
            var from = start + delimiter.count
            if body[from..<min(from + 2, body.count)].elementsEqual("\r\n".utf8) { from += 2 }
            var to = end
            if to - 2 >= from, body[(to - 2)..<to].elementsEqual("\r\n".utf8) { to -= 2 }
            guard from < to, let split = Self.find(blank, in: body, from: from), split < to else { continue }
            let headers = String(decoding: body[from..<split], as: UTF8.self)
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }) else { continue }
            let name = Self.parameter("name", in: disposition)
            guard let name else { continue }
            parts.append(Part(name: name, fileName: Self.parameter("filename", in: disposition), bytes: Array(body[(split + blank.count)..<to])))
        }
        self.parts = parts
    }

    /// The text of the first part named `name`.
    subscript(name: String) -> String? {
        parts.first { $0.name == name }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// The first part named `name` that carries a file.
    func file(_ name: String) -> Part? { parts.first { $0.name == name && $0.fileName != nil } }

    static func parameter(_ key: String, in header: Substring) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == key { return String(pair[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
