import Postgres
import Templates

/// Tenancy, case records, rules, indicators and publishing. Uses ``Templates`` and ``Postgres``,
/// which know nothing of each other.
public enum Engine {}
