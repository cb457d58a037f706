import Engine

/// Turns evaluations and published aggregates into what people read: text for the terminal,
/// a municipality's own report, and (from published, suppressed figures only) network
/// comparisons. Sits on top of ``Engine``.
public enum Reporting {}
