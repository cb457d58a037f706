/// Why `write` was refused, as its error describes it; nil when it went through.
public func refusal(_ write: () async throws -> Void) async -> String? {
    do {
        try await write()
        return nil
    } catch {
        return "\(error)"
    }
}
