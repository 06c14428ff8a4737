/// CMC's response envelope: `status` first, then `data` on success; errors carry only `status`.
enum Envelope {
    static func success(
        data: [UInt8],
        timestampMilliseconds: Int64,
        elapsed: Int,
        credits: Int,
        notice: String?,
        totalCount: Int?
    ) -> [UInt8] {
        var w = JSONWriter(capacity: data.count + 256)
        w.raw("{\"status\":{\"timestamp\":\"")
        var stamp: [UInt8] = []
        Timestamp.appendISO8601(milliseconds: timestampMilliseconds, to: &stamp)
        w.raw(bytes: stamp)
        w.raw("\",\"error_code\":0,\"error_message\":null,\"elapsed\":")
        w.int(elapsed)
        w.raw(",\"credit_count\":")
        w.int(credits)
        w.raw(",\"notice\":")
        w.string(notice)
        if let totalCount {
            w.raw(",\"total_count\":")
            w.int(totalCount)
        }
        w.raw("},\"data\":")
        w.raw(bytes: data)
        w.raw("}")
        return w.bytes
    }

    static func error(_ error: APIError, timestampMilliseconds: Int64, elapsed: Int) -> [UInt8] {
        var w = JSONWriter(capacity: 256)
        w.raw("{\"status\":{\"timestamp\":")
        w.plainString(Timestamp.iso8601(milliseconds: timestampMilliseconds))
        w.raw(",\"error_code\":")
        w.int(error.errorCode)
        w.raw(",\"error_message\":")
        w.string(error.message)
        w.raw(",\"elapsed\":")
        w.int(elapsed)
        w.raw(",\"credit_count\":0}}")
        return w.bytes
    }
}
