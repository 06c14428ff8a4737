import NIOCore
import PostgresNIO

/// Reads a row's cells in order (cheaper than `makeRandomAccess()`, which builds a name table per row).
struct PostgresCellReader {
    private var cells: PostgresRow.Iterator

    init(_ row: PostgresRow) {
        cells = row.makeIterator()
    }

    /// The next cell, decoded.
    mutating func next<Value: PostgresDecodable>(_ type: Value.Type) throws -> Value {
        try nextCell().decode(type)
    }

    /// The next cell as a `double precision`, read straight from its 8 bytes (the hot path of `history` and
    /// `export`); other types go through postgres-nio's decoding.
    mutating func nextDouble() throws -> Double? {
        let cell = try nextCell()
        guard let bytes = cell.bytes else { return nil }
        if cell.dataType == .float8, cell.format == .binary, bytes.readableBytes == 8,
            let bits = bytes.getInteger(at: bytes.readerIndex, as: UInt64.self)
        {
            return Double(bitPattern: bits)
        }
        return try cell.decode(Double?.self)
    }

    /// The next cell as a `float8[]` of one or two dimensions whose elements may be NULL, parsed from the
    /// binary array format: the elements in row-major order, and the length of the last dimension.
    ///
    /// `history` receives a whole series as one two-dimensional array (one row per quote): one cell instead
    /// of 10,000 rows of 36, which is most of the time postgres-nio spends on a long series.
    mutating func nextDoubleArray() throws -> (values: [Double?], width: Int) {
        let cell = try nextCell()
        guard var buffer = cell.bytes else { return ([], 0) }
        guard cell.format == .binary, cell.dataType == .float8Array,
            let dimensions = buffer.readInteger(as: Int32.self),
            buffer.readInteger(as: Int32.self) != nil,
            buffer.readInteger(as: UInt32.self) != nil,
            (0...2).contains(dimensions)
        else {
            throw StoreError(.database, "expected a float8[] of one or two dimensions, got \(cell.dataType)")
        }
        var lengths: [Int] = []
        for _ in 0..<dimensions {
            guard let length = buffer.readInteger(as: Int32.self), buffer.readInteger(as: Int32.self) != nil,
                length >= 0
            else {
                throw StoreError(.database, "a float8[] column has a malformed header")
            }
            lengths.append(Int(length))
        }
        let count = lengths.reduce(dimensions == 0 ? 0 : 1, *)
        var values: [Double?] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let length = buffer.readInteger(as: Int32.self) else {
                throw StoreError(.database, "a float8[] column is truncated")
            }
            if length < 0 {
                values.append(nil)
            } else if length == 8, let bits = buffer.readInteger(as: UInt64.self) {
                values.append(Double(bitPattern: bits))
            } else {
                throw StoreError(.database, "a float8[] element has \(length) bytes")
            }
        }
        return (values, lengths.last ?? 0)
    }

    private mutating func nextCell() throws -> PostgresCell {
        guard let cell = cells.next() else {
            throw StoreError(.database, "a row has fewer columns than the query selects")
        }
        return cell
    }
}
