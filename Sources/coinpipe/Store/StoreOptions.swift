import ArgumentParser
import Foundation
import Store

/// `--store`, shared by `load`, `runs`, `latest`, `history`, `export` (and `collect`).
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Where runs are stored: sqlite:PATH, postgres://user@host:port/db or none "
                + "(default: env COINPIPE_STORE, else sqlite:<out>/coinpipe.sqlite). "
                + "PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE fill in what a postgres:// URL leaves out.",
            valueName: "url"
        )
    )
    var store: String?

    func validate() throws {
        if let store {
            do {
                _ = try StoreURL(parsing: store, environment: ProcessInfo.processInfo.environment)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    /// The store: `--store`, else `COINPIPE_STORE`, else the SQLite file in the output root.
    ///
    /// - Throws: `ValidationError` for a value that is not a store URL (the message never shows a password).
    func storeURL(outputRoot: URL, environment: [String: String]) throws -> StoreURL {
        guard let text = store ?? environment["COINPIPE_STORE"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            return StoreURL.defaultStore(outputRoot: outputRoot)
        }
        do {
            return try StoreURL(parsing: text, environment: environment)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
