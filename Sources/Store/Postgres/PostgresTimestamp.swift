import NIOCore
import PostgresNIO

/// A `timestamptz` bound and read exactly from an ``EpochMillis`` (postgres-nio's `Date` coding goes through a
/// `Double` and can be off by a microsecond, which would break the unique key on `last_updated`).
struct PostgresTimestamp: Sendable, Hashable {
    /// Milliseconds from 1970-01-01 to 2000-01-01, PostgreSQL's epoch.
    static let postgresEpochMillis: Int64 = 946_684_800_000

    var millis: EpochMillis

    init(_ millis: EpochMillis) {
        self.millis = millis
    }
}

extension PostgresTimestamp: PostgresNonThrowingEncodable, PostgresArrayEncodable {
    static var psqlType: PostgresDataType { .timestamptz }
    static var psqlFormat: PostgresFormat { .binary }
    static var psqlArrayType: PostgresDataType { .timestamptzArray }

    func encode<JSONEncoder: PostgresJSONEncoder>(
        into byteBuffer: inout ByteBuffer,
        context: PostgresEncodingContext<JSONEncoder>
    ) {
        byteBuffer.writeInteger((millis.value - Self.postgresEpochMillis) * 1000)
    }
}

extension PostgresTimestamp: PostgresDecodable {
    init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer,
        type: PostgresDataType,
        format: PostgresFormat,
        context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        guard type == .timestamptz || type == .timestamp, format == .binary,
            let microseconds = buffer.readInteger(as: Int64.self)
        else {
            throw PostgresDecodingError.Code.typeMismatch
        }
        let floored = microseconds >= 0 ? microseconds / 1000 : (microseconds - 999) / 1000
        self.init(EpochMillis(floored + Self.postgresEpochMillis))
    }
}
