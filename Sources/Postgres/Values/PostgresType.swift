/// A PostgreSQL type, by its object id (OID) in `pg_type`.
public struct PostgresType: Sendable, Hashable, CustomStringConvertible {
    /// The type's OID.
    public let oid: UInt32

    /// Wraps an OID.
    public init(oid: UInt32) { self.oid = oid }

    /// Lets the server infer the parameter's type from where it is used.
    public static let unknown = PostgresType(oid: 0)
    /// `bool`
    public static let bool = PostgresType(oid: 16)
    /// `bytea`
    public static let bytea = PostgresType(oid: 17)
    /// `name`
    public static let name = PostgresType(oid: 19)
    /// `int8`
    public static let int8 = PostgresType(oid: 20)
    /// `int2`
    public static let int2 = PostgresType(oid: 21)
    /// `int4`
    public static let int4 = PostgresType(oid: 23)
    /// `text`
    public static let text = PostgresType(oid: 25)
    /// `oid`
    public static let oidType = PostgresType(oid: 26)
    /// `json`
    public static let json = PostgresType(oid: 114)
    /// `float4`
    public static let float4 = PostgresType(oid: 700)
    /// `float8`
    public static let float8 = PostgresType(oid: 701)
    /// `bpchar` (character(n))
    public static let bpchar = PostgresType(oid: 1042)
    /// `varchar`
    public static let varchar = PostgresType(oid: 1043)
    /// `date`
    public static let date = PostgresType(oid: 1082)
    /// `timestamp` (without time zone)
    public static let timestamp = PostgresType(oid: 1114)
    /// `timestamptz`
    public static let timestamptz = PostgresType(oid: 1184)
    /// `numeric`
    public static let numeric = PostgresType(oid: 1700)
    /// `uuid`
    public static let uuid = PostgresType(oid: 2950)
    /// `jsonb`
    public static let jsonb = PostgresType(oid: 3802)
    /// `text[]`
    public static let textArray = PostgresType(oid: 1009)
    /// `varchar[]`
    public static let varcharArray = PostgresType(oid: 1015)

    /// The SQL name of the common types, for messages.
    public var description: String {
        switch self {
        case .unknown: "unknown"
        case .bool: "boolean"
        case .bytea: "bytea"
        case .name: "name"
        case .int8: "bigint"
        case .int2: "smallint"
        case .int4: "integer"
        case .text: "text"
        case .oidType: "oid"
        case .json: "json"
        case .float4: "real"
        case .float8: "double precision"
        case .bpchar: "character"
        case .varchar: "character varying"
        case .date: "date"
        case .timestamp: "timestamp"
        case .timestamptz: "timestamp with time zone"
        case .numeric: "numeric"
        case .uuid: "uuid"
        case .jsonb: "jsonb"
        case .textArray: "text[]"
        case .varcharArray: "character varying[]"
        default: "type \(oid)"
        }
    }
}
