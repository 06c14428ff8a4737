import ArgumentParser
import Store

/// Maps store failures to the documented exit codes, printing the message (and any candidates) on stderr.
enum StoreCommandFailure {
    /// Runs `body`; a ``StoreError`` becomes exit code 2 when the user must rephrase or load first (an ambiguous
    /// coin, a bad argument, no store, an empty store, something that is not a store, a store this user cannot
    /// write), 5 when the store's schema
    /// version is not this CoinPipe's, and 1 otherwise.
    static func mapping<Result>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as StoreError {
            FileHandleOutput.standardError("error: \(error)")
            switch error.code {
            case .ambiguousCoin, .invalidArgument, .noStore, .emptyStore, .notAStore, .notARunFolder, .unwritableStore:
                throw ExitCode.usage
            case .schemaTooNew, .schemaTooOld, .migrationChanged: throw ExitCode.storeSchema
            default: throw ExitCode.runFailed
            }
        }
    }
}
