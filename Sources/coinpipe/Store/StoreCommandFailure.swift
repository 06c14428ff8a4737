import ArgumentParser
import Store

/// Maps store failures to the documented exit codes, printing the message (and any candidates) on stderr.
enum StoreCommandFailure {
    /// Runs `body`; a ``StoreError`` becomes exit code 2 when the user must rephrase (an ambiguous coin, a bad
    /// argument, no store given) and 1 otherwise.
    static func mapping<Result>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as StoreError {
            FileHandleOutput.standardError("error: \(error)")
            switch error.code {
            case .ambiguousCoin, .invalidArgument, .noStore, .notARunFolder: throw ExitCode.usage
            default: throw ExitCode.runFailed
            }
        }
    }
}
