import Engine

/// Network comparison over published aggregates. Sits on top of ``Engine``.
public enum Reporting {}
