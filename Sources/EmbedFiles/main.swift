import Foundation

// Usage: EmbedFiles OUTPUT.swift VARIABLE ROOT FILE…
// Writes a Swift file declaring VARIABLE, which holds every FILE as an escaped string
// literal, grouped by its folder under ROOT (e.g. "core", "tenant"). Escaping (rather than raw
// literals) keeps any character in a migration or a page template representable.

let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
    FileHandle.standardError.write(Data("usage: EmbedFiles OUTPUT.swift VARIABLE ROOT [FILE…]\n".utf8))
    exit(2)
}
let output = arguments[1]
let variable = arguments[2]
let root = URL(fileURLWithPath: arguments[3]).standardizedFileURL.path

func literal(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": result += "\\\\"
        case "\"": result += "\\\""
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
            result += "\\u{\(String(scalar.value, radix: 16))}"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}

var entries: [String] = []
for path in arguments.dropFirst(4) {
    let url = URL(fileURLWithPath: path).standardizedFileURL
    let relative = url.path.hasPrefix(root + "/") ? String(url.path.dropFirst(root.count + 1)) : url.lastPathComponent
    let parts = relative.split(separator: "/")
    let folder = parts.count > 1 ? String(parts[0]) : ""
    guard let data = FileManager.default.contents(atPath: url.path),
        let text = String(data: data, encoding: .utf8)
    else {
        FileHandle.standardError.write(Data("error: \(path) is not readable UTF-8 text\n".utf8))
        exit(1)
    }
    entries.append("        (folder: \(literal(folder)), file: \(literal(url.lastPathComponent)), text: \(literal(text))),")
}

let source = """
    // Generated at build time by a Kokon build plugin. Do not edit.

    /// The files embedded at build time, as they were when this binary was built.
    let \(variable): [(folder: String, file: String, text: String)] = [
    \(entries.joined(separator: "\n"))
    ]

    """
do {
    try source.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("error: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
