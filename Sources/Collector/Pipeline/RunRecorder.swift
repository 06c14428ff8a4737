import CMCClient
import CMCModels
import Foundation

/// The shared, mutable bookkeeping of one run: files written, failures, raw bodies and diagnostics.
actor RunRecorder {
    private(set) var files: [String: FileRecord] = [:]
    private(set) var failures: [RunFailure] = []
    private(set) var diagnostics: [ItemDiagnostic] = []
    private(set) var stageSeconds: [String: Double] = [:]
    private var rawSequence: Int
    private var rawFileByExchange: [String: String] = [:]

    init(rawSequenceStart: Int = 0) {
        self.rawSequence = rawSequenceStart
    }

    func timeStage(_ stage: CollectStage, _ duration: Duration) {
        stageSeconds[stage.rawValue] = duration.seconds
    }

    func add(_ record: FileRecord) {
        files[record.path] = record
    }

    func fail(_ failure: RunFailure) {
        failures.append(failure)
    }

    func diagnose(_ items: [ItemDiagnostic], endpoint: String) {
        diagnostics += items
    }

    /// Reserves the next `raw/` file name for an answer of `endpoint`.
    func nextRawPath(endpoint: String, exchange: CMCExchange) -> String {
        rawSequence += 1
        let slug = endpoint.split(separator: "/").dropFirst().filter { $0 != "cryptocurrency" && !$0.hasPrefix("v") }
            .joined(separator: "-")
        let path = String(format: "raw/%04d-%@.json", rawSequence, slug.isEmpty ? "answer" : slug)
        rawFileByExchange[Self.key(exchange)] = path
        return path
    }

    /// The raw file an exchange's body was saved to.
    func rawPath(for exchange: CMCExchange) -> String? {
        rawFileByExchange[Self.key(exchange)]
    }

    private static func key(_ exchange: CMCExchange) -> String {
        "\(exchange.endpoint)?\(exchange.query)@\(exchange.startedAt.timeIntervalSince1970)"
    }
}
