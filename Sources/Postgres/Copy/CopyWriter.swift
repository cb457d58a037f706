/// Writes the data of a `COPY … FROM STDIN`, buffering it into chunks.
///
/// Lengths sent to the server are UTF-8 byte counts: "Toruń" is 5 characters but 6 bytes.
public final class CopyWriter {
    /// Formats COPY understands.
    public enum Format: Sendable {
        /// `FORMAT csv`: empty unquoted field is NULL, quotes double.
        case csv
        /// `FORMAT text`: tab-separated, `\N` is NULL, backslash escapes.
        case text
    }

    private let session: Session
    private var buffer: [UInt8] = []
    /// Bytes sent so far.
    public private(set) var bytesWritten = 0
    static let chunkSize = 256 * 1024

    init(session: Session) {
        self.session = session
        buffer.reserveCapacity(Self.chunkSize)
    }

    /// Appends raw COPY data (already in the statement's format).
    public func write(_ text: String) async throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.chunkSize { try await flush() }
    }

    /// Appends raw bytes (already in the statement's format).
    public func write(bytes: some Sequence<UInt8>) async throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.chunkSize { try await flush() }
    }

    /// Appends one row, encoding each field for the format; nil is NULL.
    public func writeRow(_ fields: [String?], format: Format) async throws {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(format == .csv ? UInt8(ascii: ",") : UInt8(ascii: "\t")) }
            Self.encode(field, format: format, into: &buffer)
        }
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.chunkSize { try await flush() }
    }

    /// Sends what is buffered.
    public func flush() async throws {
        guard !buffer.isEmpty else { return }
        let chunk = buffer
        buffer.removeAll(keepingCapacity: true)
        bytesWritten += chunk.count
        try await session.blocking { connection in
            try chunk.withUnsafeBytes { bytes in try connection.putCopyData(bytes) }
        }
    }

    static func encode(_ field: String?, format: Format, into buffer: inout [UInt8]) {
        switch format {
        case .csv:
            guard let field else { return }
            let needsQuotes =
                field.isEmpty
                || field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\\") }
                || field == "\\."
            guard needsQuotes else {
                buffer.append(contentsOf: field.utf8)
                return
            }
            buffer.append(UInt8(ascii: "\""))
            for byte in field.utf8 {
                if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                buffer.append(byte)
            }
            buffer.append(UInt8(ascii: "\""))
        case .text:
            guard let field else {
                buffer.append(contentsOf: "\\N".utf8)
                return
            }
            for byte in field.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.append(contentsOf: "\\\\".utf8)
                case UInt8(ascii: "\t"): buffer.append(contentsOf: "\\t".utf8)
                case UInt8(ascii: "\n"): buffer.append(contentsOf: "\\n".utf8)
                case UInt8(ascii: "\r"): buffer.append(contentsOf: "\\r".utf8)
                default: buffer.append(byte)
                }
            }
        }
    }
}
