/// The rows and status of one statement, copied out of libpq so they outlive the connection.
public struct QueryResult: Sendable {
    /// A result column: its name and type.
    public struct Column: Sendable, Equatable {
        /// The column's name as the query spelled it.
        public let name: String
        /// The column's type.
        public let type: PostgresType
    }

    /// The columns, in order.
    public let columns: [Column]
    /// Cell values in text format, row by row; nil is NULL.
    let cells: [[String?]]
    /// Rows affected by INSERT, UPDATE, DELETE, COPY…; nil when the statement reports none.
    public let affectedRows: Int?
    /// The command tag, e.g. `INSERT 0 3`.
    public let commandTag: String

    init(columns: [Column], cells: [[String?]], affectedRows: Int?, commandTag: String) {
        self.columns = columns
        self.cells = cells
        self.affectedRows = affectedRows
        self.commandTag = commandTag
        var index: [String: Int] = [:]
        for (position, column) in columns.enumerated() where index[column.name] == nil {
            index[column.name] = position
        }
        self.columnIndex = index
    }

    let columnIndex: [String: Int]

    /// The rows.
    public var rows: [Row] { cells.indices.map { Row(result: self, index: $0) } }

    /// The number of rows.
    public var count: Int { cells.count }

    /// The first row, if any.
    public var first: Row? { cells.isEmpty ? nil : Row(result: self, index: 0) }

    /// Decodes the first column of the only row, e.g. for `SELECT count(*)`.
    public func scalar<Value: PostgresDecodable>(_ type: Value.Type = Value.self) throws -> Value {
        guard let row = first, !columns.isEmpty else {
            throw PostgresDecodingError(
                column: columns.first?.name ?? "?", columnType: columns.first?.type ?? .unknown,
                swiftType: "\(Value.self)", reason: "the query returned no rows")
        }
        return try row.decode(0, as: Value.self)
    }
}

/// One row of a ``QueryResult``.
public struct Row: Sendable {
    let result: QueryResult
    let index: Int

    /// True if the named column is NULL in this row.
    public func isNull(_ column: String) throws -> Bool {
        try result.cells[index][position(of: column)] == nil
    }

    /// Decodes the named column; NULL throws an error naming the column.
    public func decode<Value: PostgresDecodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        try decode(position(of: column), as: type)
    }

    /// Decodes the named column, giving nil for NULL.
    public func decode<Value: PostgresDecodable>(_ column: String, as type: Value?.Type = Value?.self) throws -> Value? {
        let position = try position(of: column)
        guard result.cells[index][position] != nil else { return nil }
        return try decode(position, as: Value.self)
    }

    /// Decodes the column at a position (0-based); NULL throws an error naming the column.
    public func decode<Value: PostgresDecodable>(_ position: Int, as type: Value.Type = Value.self) throws -> Value {
        let column = result.columns[position]
        guard let text = result.cells[index][position] else {
            throw PostgresDecodingError(
                column: column.name, columnType: column.type, swiftType: "\(Value.self)",
                reason: "the value is NULL; decode it as an optional")
        }
        do {
            return try Value(postgresText: text, type: column.type)
        } catch {
            throw PostgresDecodingError(column: column.name, columnType: column.type, swiftType: "\(Value.self)", reason: error.reason)
        }
    }

    /// Decodes the column at a position (0-based), giving nil for NULL.
    public func decode<Value: PostgresDecodable>(_ position: Int, as type: Value?.Type = Value?.self) throws -> Value? {
        guard result.cells[index][position] != nil else { return nil }
        return try decode(position, as: Value.self)
    }

    /// The raw text of the named column, nil for NULL.
    public func text(_ column: String) throws -> String? {
        result.cells[index][try position(of: column)]
    }

    private func position(of column: String) throws -> Int {
        guard let position = result.columnIndex[column] else {
            let known = result.columns.map(\.name).joined(separator: ", ")
            throw PostgresDecodingError(
                column: column, columnType: .unknown, swiftType: "?",
                reason: "the result has no such column (it has: \(known))")
        }
        return position
    }
}
