public import CMCModels
import Foundation
import Logging

/// What batching did beyond the plain calls.
public struct BatchReport: Sendable, Hashable {
    /// Successful calls made.
    public var calls = 0
    /// Batches split in two because the server found them too long (HTTP 414, or 400 "too many").
    public var splits = 0
    /// Values the server refused as invalid (`Invalid value for "id": "…"`), dropped and reported.
    public var rejected: [String] = []
}

extension CMCClient {
    /// The default batch size for info and quotes: a multiple of 100 ids (CMC bills 1 credit per 100)
    /// whose request line stays around 4 KB, well under the common 8 KB limit.
    public static let defaultBatchSize = 500

    /// `GET /v2/cryptocurrency/info` for any number of ids, in batches.
    ///
    /// Batches run concurrently (``Configuration/maxConcurrentRequests`` at a time, within the rate
    /// limit). A batch the server rejects as too long (414, or 400 about too many values) is split in two
    /// and retried; an id the server names as invalid is dropped, reported in ``BatchReport/rejected``,
    /// and the rest of its batch retried.
    ///
    /// - Parameters:
    ///   - ids: CMC ids; duplicates are sent once.
    ///   - batchSize: ids per call; rounded down to a multiple of 100 when larger than 100.
    ///   - aux: the `aux` fields, or `nil` for the API default.
    ///   - onBatch: called with each answer as it arrives, one call at a time.
    public func info(
        ids: [Int],
        batchSize: Int = CMCClient.defaultBatchSize,
        aux: [String]? = nil,
        onBatch: @Sendable (CMCResponse<DecodedMap<CoinInfo>>) async throws -> Void
    ) async throws -> BatchReport {
        try await batched(ids: ids, batchSize: batchSize, onBatch: onBatch) { selector in
            InfoQuery(coins: selector, aux: aux).endpoint(rules: self.configuration.creditRules)
        }
    }

    /// `GET /v2/cryptocurrency/quotes/latest` for any number of ids, in batches (see
    /// ``info(ids:batchSize:aux:onBatch:)`` for how batches behave).
    public func quotesLatest(
        ids: [Int],
        convert: [String] = ["USD"],
        batchSize: Int = CMCClient.defaultBatchSize,
        onBatch: @Sendable (CMCResponse<DecodedMap<Listing>>) async throws -> Void
    ) async throws -> BatchReport {
        try await batched(ids: ids, batchSize: batchSize, onBatch: onBatch) { selector in
            QuotesQuery(coins: selector, convert: convert).endpoint(rules: self.configuration.creditRules)
        }
    }

    /// Splits `ids` into batches of a credit-minimal size.
    public static func batches(of ids: [Int], size: Int) -> [[Int]] {
        var seen = Set<Int>()
        let unique = ids.filter { seen.insert($0).inserted }
        let size = size > 100 ? size - size % 100 : max(1, size)
        return stride(from: 0, to: unique.count, by: size).map { Array(unique[$0..<min($0 + size, unique.count)]) }
    }

    private func batched<Payload: Decodable & Sendable>(
        ids: [Int],
        batchSize: Int,
        onBatch: @Sendable (CMCResponse<Payload>) async throws -> Void,
        endpoint: @escaping @Sendable (CoinSelector) -> CMCEndpoint
    ) async throws -> BatchReport {
        let batches = Self.batches(of: ids, size: batchSize)
        var report = BatchReport()
        try await withThrowingTaskGroup(of: ([CMCResponse<Payload>], BatchReport).self) { group in
            var iterator = batches.makeIterator()
            func startNext() -> Bool {
                guard let batch = iterator.next() else { return false }
                group.addTask {
                    var partial = BatchReport()
                    let responses: [CMCResponse<Payload>] = try await self.fetchSplitting(
                        .ids(batch),
                        report: &partial,
                        endpoint: endpoint
                    )
                    return (responses, partial)
                }
                return true
            }
            for _ in 0..<configuration.maxConcurrentRequests where !startNext() { break }
            while let (responses, partial) = try await group.next() {
                report.calls += partial.calls
                report.splits += partial.splits
                report.rejected += partial.rejected
                for response in responses { try await onBatch(response) }
                _ = startNext()
            }
        }
        return report
    }

    private func fetchSplitting<Payload: Decodable & Sendable>(
        _ selector: CoinSelector,
        report: inout BatchReport,
        endpoint: @Sendable (CoinSelector) -> CMCEndpoint
    ) async throws -> [CMCResponse<Payload>] {
        guard selector.count > 0 else { return [] }
        do {
            let response = try await send(endpoint(selector), as: Payload.self)
            report.calls += 1
            return [response]
        } catch let error as CMCError {
            if error.httpStatus == 400, let invalid = Self.invalidValues(in: error.message) {
                var remaining: CoinSelector? = selector
                for value in invalid { remaining = remaining?.removing(value) ?? remaining }
                if let remaining, remaining.count < selector.count {
                    report.rejected += invalid
                    logger.warning(
                        "the API refused values as invalid; dropping them and retrying the rest of the batch",
                        metadata: ["values": "\(invalid.joined(separator: ","))"]
                    )
                    return try await fetchSplitting(remaining, report: &report, endpoint: endpoint)
                }
            }
            let tooLong =
                error.httpStatus == 414
                || (error.httpStatus == 400
                    && ["too many", "too long", "exceed", "maximum"].contains {
                        error.message.localizedCaseInsensitiveContains($0)
                    })
            guard tooLong, selector.count > 1 else { throw error }
            report.splits += 1
            let (left, right) = selector.halves
            logger.notice(
                "the API refused a batch as too long; splitting it",
                metadata: ["size": "\(selector.count)", "http_status": "\(error.httpStatus ?? 0)"]
            )
            return try await fetchSplitting(left, report: &report, endpoint: endpoint)
                + fetchSplitting(right, report: &report, endpoint: endpoint)
        }
    }

    /// The values named by a 400 message such as `Invalid value for "id": "123,456"`.
    static func invalidValues(in message: String) -> [String]? {
        guard let range = message.range(of: #"Invalid values? for "[a-z_]+": ""#, options: .regularExpression)
        else { return nil }
        let rest = message[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        let values = rest[..<end].split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        return values.isEmpty ? nil : values
    }
}
