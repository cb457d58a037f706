import CYAML
import Foundation

/// Reads YAML into ``Node``s with libyaml's event parser, refusing what a template never needs.
///
/// libyaml has no nesting or alias-expansion limits, so this loader enforces its own: anchors,
/// aliases and tags are refused outright (a 432-byte "billion laughs" file would otherwise
/// expand to hundreds of millions of nodes), nesting is capped, and so are document size and
/// node count. Every error carries a line and column; as many as can be found are reported.
public struct YAMLLoader: Sendable {
    /// Largest document accepted, in bytes.
    public var maximumBytes = 1 << 20
    /// Most nodes accepted in one document.
    public var maximumNodes = 100_000
    /// Deepest nesting accepted.
    public var maximumDepth = 64

    /// A loader with the default limits.
    public init() {}

    /// The result: the root node if the file could be read, and what was found on the way.
    public struct Result: Sendable {
        /// The document's root, or nil if the file could not be read as YAML.
        public var root: Node?
        /// Problems found.
        public var diagnostics: [Diagnostic]
        /// The text, with any byte-order mark removed, for showing source lines.
        public var source: String?
    }

    /// Parses `bytes` from `file` (used only in messages).
    public func load(_ bytes: [UInt8], file: String) -> Result {
        var diagnostics: [Diagnostic] = []
        func fail(_ line: Int, _ column: Int, _ code: String, _ message: String, _ hint: String?) -> Result {
            diagnostics.append(Diagnostic(file: file, location: SourceLocation(line: line, column: column), code: code, message: message, hint: hint))
            return Result(root: nil, diagnostics: diagnostics, source: nil)
        }
        guard bytes.count <= maximumBytes else {
            return fail(
                1, 1, "too-large", "the file is \(bytes.count) bytes; templates may be at most \(maximumBytes) bytes (1 MiB)",
                "split the programme: move shared components into models/components/")
        }
        var content = bytes
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content.removeFirst(3) }
        guard let text = String(validating: content, as: UTF8.self) else {
            let (line, column) = Self.firstInvalidUTF8(content)
            return fail(
                line, column, "invalid-utf8", "the file is not valid UTF-8 text",
                "save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8)")
        }
        if text.contains("\0") {
            let (line, column) = Self.position(of: text.firstIndex(of: "\0")!, in: text)
            return fail(line, column, "invalid-character", "the file contains a NUL character", "remove it; it is invisible in most editors")
        }
        let tabs = Self.tabsInIndentation(text)
        if !tabs.isEmpty {
            for (line, column) in tabs {
                diagnostics.append(
                    Diagnostic(
                        file: file, location: SourceLocation(line: line, column: column), code: "tab-indent",
                        message: "a tab is used for indentation; YAML indents with spaces only",
                        hint: "replace the tab with spaces (two per level is usual)"))
            }
            return Result(root: nil, diagnostics: diagnostics, source: text)
        }
        var parse = EventReader(file: file, limits: self)
        let root = parse.read(Array(text.utf8))
        diagnostics += parse.diagnostics
        return Result(root: diagnostics.contains { $0.severity == .error } ? nil : root, diagnostics: diagnostics, source: text)
    }

    static func tabsInIndentation(_ text: String) -> [(Int, Int)] {
        var found: [(Int, Int)] = []
        var inBlockScalar = false
        // Every line break counts, CRLF included (one Character in Swift, so never equal to "\n").
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            if let tab = indent.firstIndex(of: "\t"), !inBlockScalar || indent.first == "\t" {
                found.append((index + 1, line.distance(from: line.startIndex, to: tab) + 1))
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            inBlockScalar = trimmed.hasSuffix("|") || trimmed.hasSuffix(">") || (inBlockScalar && indent.count > 0)
        }
        return found
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= bytes.count,
                String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return (line, column) }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return (line, column)
    }

    static func position(of target: String.Index, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for index in text.indices {
            if index == target { break }
            if text[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}

/// Walks libyaml's events and builds nodes, checking limits as it goes.
private struct EventReader {
    let file: String
    let limits: YAMLLoader
    var diagnostics: [Diagnostic] = []
    var nodeCount = 0
    var stopped = false

    init(file: String, limits: YAMLLoader) {
        self.file = file
        self.limits = limits
    }

    /// A container being filled. A class, so appending does not copy the items gathered so far
    /// (a copy per item would make a long list quadratic).
    final class Frame {
        let location: SourceLocation
        let isMapping: Bool
        var items: [Node] = []
        var pairs: [(key: Node, value: Node)] = []
        var pendingKey: Node?
        var seen: [String: SourceLocation] = [:]

        init(location: SourceLocation, isMapping: Bool) {
            self.location = location
            self.isMapping = isMapping
        }

        var node: Node {
            Node(kind: isMapping ? .mapping(pairs) : .sequence(items), location: location)
        }
    }

    mutating func error(_ location: SourceLocation, _ code: String, _ message: String, _ hint: String? = nil) {
        diagnostics.append(Diagnostic(file: file, location: location, code: code, message: message, hint: hint))
    }

    mutating func read(_ bytes: [UInt8]) -> Node? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            error(SourceLocation(line: 1, column: 1), "internal", "the YAML parser could not start (out of memory)")
            return nil
        }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer -> Node? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var stack: [Frame] = []
            var root: Node?
            var documents = 0
            while !stopped {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    reportParserError(parser)
                    return nil
                }
                defer { yaml_event_delete(&event) }
                let location = SourceLocation(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    if documents == 0 {
                        error(location, "empty-document", "the file is empty", "start with the programme's id, e.g. `id: my-programme`")
                    }
                    return root
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 {
                        error(
                            location, "multiple-documents", "the file holds more than one YAML document (a second `---`)",
                            "put each programme in a file of its own")
                        return nil
                    }
                case YAML_ALIAS_EVENT:
                    error(
                        location, "alias", "aliases (*name) are not allowed in Kokon files",
                        "write the content out in full; to reuse a component, put it in models/components/ and refer to it with `use:`")
                    return nil
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    if let anchor = scalar.anchor {
                        refuseAnchor(anchor, at: location)
                        return nil
                    }
                    if let tag = scalar.tag {
                        refuseTag(tag, at: location)
                        return nil
                    }
                    let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                    let quoted = scalar.style != YAML_PLAIN_SCALAR_STYLE
                    guard count(at: location) else { return nil }
                    add(Node(kind: .scalar(text, quoted: quoted), location: location), to: &stack, root: &root)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                    let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
                    if let anchor {
                        refuseAnchor(anchor, at: location)
                        return nil
                    }
                    if let tag {
                        refuseTag(tag, at: location)
                        return nil
                    }
                    guard count(at: location) else { return nil }
                    if stack.count >= limits.maximumDepth {
                        error(
                            location, "too-deep", "nesting is deeper than \(limits.maximumDepth) levels",
                            "templates never need this much nesting; check the indentation")
                        return nil
                    }
                    if let top = stack.last, top.isMapping, top.pendingKey == nil {
                        error(
                            location, "complex-key", "a key must be a single value, not a list or mapping",
                            "write keys as plain words, e.g. `name:`")
                        return nil
                    }
                    stack.append(Frame(location: location, isMapping: isMapping))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let frame = stack.popLast() else { return nil }
                    add(frame.node, to: &stack, root: &root)
                default:
                    break
                }
            }
            return nil
        }
    }

    mutating func count(at location: SourceLocation) -> Bool {
        nodeCount += 1
        if nodeCount > limits.maximumNodes {
            error(
                location, "too-many-nodes", "the file has more than \(limits.maximumNodes) values",
                "templates are far smaller; split the file or check it was not generated by mistake")
            stopped = true
            return false
        }
        return true
    }

    mutating func add(_ node: Node, to stack: inout [Frame], root: inout Node?) {
        guard let top = stack.last else {
            root = node
            return
        }
        guard top.isMapping else {
            top.items.append(node)
            return
        }
        if let key = top.pendingKey {
            top.pairs.append((key, node))
            top.pendingKey = nil
            return
        }
        let name = node.scalar ?? ""
        if let first = top.seen[name] {
            error(
                node.location, "duplicate-key", "the key '\(name)' appears twice in the same mapping",
                "it was first given at line \(first.line); keep one of them")
        } else {
            top.seen[name] = node.location
        }
        top.pendingKey = node
    }

    mutating func refuseAnchor(_ anchor: UnsafeMutablePointer<yaml_char_t>, at location: SourceLocation) {
        let name = String(cString: UnsafeRawPointer(anchor).assumingMemoryBound(to: CChar.self))
        error(
            location, "anchor", "anchors (&\(name)) are not allowed in Kokon files",
            "write the content out in full; to reuse a component, put it in models/components/ and refer to it with `use:`")
    }

    mutating func refuseTag(_ tag: UnsafeMutablePointer<yaml_char_t>, at location: SourceLocation) {
        let name = String(cString: UnsafeRawPointer(tag).assumingMemoryBound(to: CChar.self))
        error(
            location, "tag", "YAML tags (\(name)) are not allowed in Kokon files",
            "remove the tag; the template's schema decides what each value means")
    }

    mutating func reportParserError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "the text is not valid YAML"
        let context = parser.context.map { String(cString: $0) }
        let mark = parser.problem_mark
        let location = SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        var message = "YAML syntax error: \(problem)"
        if let context { message += " (\(context))" }
        let hint: String? =
            switch problem {
            case let p where p.contains("mapping values are not allowed"):
                "a value containing ': ' must be quoted, e.g. name: \"Etap 1: diagnoza\""
            case let p where p.contains("did not find expected key"), let p where p.contains("did not find expected '-'"):
                "check the indentation: items of one list or mapping must start in the same column"
            case let p where p.contains("found unexpected end of stream"), let p where p.contains("found unknown escape"):
                "a quoted value is not closed, or contains a backslash; close the quote or use single quotes"
            case let p where p.contains("control characters are not allowed"):
                "remove the invisible control character at this position"
            default: nil
            }
        error(location, "syntax", message, hint)
    }
}
