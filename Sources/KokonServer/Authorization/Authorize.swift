import Engine

/// Turns the policy's decision into going ahead or a refusal the caller understands.
enum Authorize {
    /// The scope granted, or the refusal thrown.
    @discardableResult
    static func require(_ principal: Principal?, _ action: Action) throws -> RecordScope? {
        switch Policy.decide(principal, action) {
        case .allow(let scope): return scope
        case .unauthenticated: throw Problem.unauthenticated
        case .forbidden(let reason): throw Problem.forbidden(reason)
        }
    }
}
