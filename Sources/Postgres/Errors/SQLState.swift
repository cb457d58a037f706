/// A five-character SQLSTATE code, so errors can be recognised by kind rather than by message.
public struct SQLState: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The code, e.g. `23505`.
    public let code: String

    /// Wraps a code.
    public init(_ code: String) { self.code = code }
    /// Wraps a code written in source.
    public init(stringLiteral code: String) { self.code = code }

    /// The two-character class, e.g. `23` for integrity constraint violations.
    public var errorClass: Substring { code.prefix(2) }

    /// True for any integrity constraint violation (class 23).
    public var isConstraintViolation: Bool { errorClass == "23" }

    public var description: String { code }

    /// `23000`
    public static let integrityConstraintViolation: SQLState = "23000"
    /// `23502`
    public static let notNullViolation: SQLState = "23502"
    /// `23503`
    public static let foreignKeyViolation: SQLState = "23503"
    /// `23505`
    public static let uniqueViolation: SQLState = "23505"
    /// `23514`
    public static let checkViolation: SQLState = "23514"
    /// `23P01`
    public static let exclusionViolation: SQLState = "23P01"
    /// `22P02`
    public static let invalidTextRepresentation: SQLState = "22P02"
    /// COPY data that does not fit the column list (missing or extra fields, open quotes).
    public static let badCopyFileFormat: SQLState = "22P04"
    /// Bytes that are not valid in the encoding (e.g. a file that is not UTF-8).
    public static let characterNotInRepertoire: SQLState = "22021"
    /// A character with no equivalent in the target encoding.
    public static let untranslatableCharacter: SQLState = "22P05"
    /// `22001`
    public static let stringDataRightTruncation: SQLState = "22001"
    /// `22012`
    public static let divisionByZero: SQLState = "22012"
    /// `25P02`
    public static let inFailedTransaction: SQLState = "25P02"
    /// `42501`
    public static let insufficientPrivilege: SQLState = "42501"
    /// `42601`
    public static let syntaxError: SQLState = "42601"
    /// `42703`
    public static let undefinedColumn: SQLState = "42703"
    /// `42P01`
    public static let undefinedTable: SQLState = "42P01"
    /// `3F000`
    public static let invalidSchemaName: SQLState = "3F000"
    /// `42710`
    public static let duplicateObject: SQLState = "42710"
    /// `42P06`
    public static let duplicateSchema: SQLState = "42P06"
    /// `42P07`
    public static let duplicateTable: SQLState = "42P07"
    /// `57014`
    public static let queryCanceled: SQLState = "57014"
    /// `40001`
    public static let serializationFailure: SQLState = "40001"
    /// `40P01`
    public static let deadlockDetected: SQLState = "40P01"
    /// `3D000`
    public static let invalidCatalogName: SQLState = "3D000"
    /// `42704`
    public static let undefinedObject: SQLState = "42704"
    /// `2BP01`: an object still depends on the one being dropped.
    public static let dependentObjectsStillExist: SQLState = "2BP01"
}
