import ArgumentParser
import Collector
import Foundation

/// What to collect: shared by `collect` and `demo`.
struct CollectOptions: ParsableArguments {
    @Option(
        name: .long,
        parsing: .unconditional,
        help: ArgumentHelp("Listing rows to fetch: a number or 'all'.", valueName: "n|all")
    )
    var limit: String = "5000"

    @Option(
        name: .long,
        parsing: .unconditional,
        help: ArgumentHelp("Convert currencies, comma-separated (at most 120).", valueName: "list")
    )
    var convert: String = "USD"

    @Option(
        name: .long,
        parsing: .unconditional,
        help: ArgumentHelp(
            "Coins that get metadata and logos: the top N by rank, 'all' or 'none'.",
            valueName: "n|all|none"
        )
    )
    var info: String = "50"

    @Option(
        name: .long,
        parsing: .unconditional,
        help: ArgumentHelp("Logo size in pixels: 16, 32, 64, 128 or 200.", valueName: "px")
    )
    var logoSize: Int = 64

    @Option(name: .long, parsing: .unconditional, help: "Logo downloads in flight at once.")
    var concurrency: Int = 16

    @Option(
        name: .long,
        parsing: .unconditional,
        help: ArgumentHelp("Largest logo accepted, in bytes (default 1 MiB).", valueName: "bytes")
    )
    var maxLogoBytes: Int = 1 << 20

    @Option(
        name: .long,
        parsing: .unconditional,
        help: "Ids per metadata call: a multiple of 100 (CMC bills 1 credit per 100 ids)."
    )
    var batchSize: Int = 500

    @Option(
        name: .long,
        parsing: .unconditional,
        help: "Refuse a run predicted to cost more credits than this, and never spend more."
    )
    var maxCredits: Int?

    @Flag(name: .long, help: "Revalidate every cached logo with the server, even one that is still fresh.")
    var refreshLogos = false

    func validate() throws {
        guard CollectConfiguration.Limit(limit) != nil else {
            throw ValidationError("--limit takes a positive number or 'all', not '\(limit)'.")
        }
        guard CollectConfiguration.InfoSelection(info) != nil else {
            throw ValidationError("--info takes a number, 'all' or 'none', not '\(info)'.")
        }
        guard CollectConfiguration.logoSizes.contains(logoSize) else {
            throw ValidationError(
                "--logo-size must be one of 16, 32, 64, 128 or 200 (CMC serves only these), not \(logoSize)."
            )
        }
        guard (1...256).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 256.") }
        guard maxLogoBytes >= 1024 else { throw ValidationError("--max-logo-bytes must be at least 1024.") }
        guard batchSize >= 100, batchSize % 100 == 0 else {
            throw ValidationError(
                "--batch-size must be a multiple of 100, not \(batchSize): CMC bills metadata 1 credit per 100 ids, "
                    + "so a smaller or uneven batch pays for ids it does not ask for. Use for example 100, 500 or 1000."
            )
        }
        let currencies = convertList
        guard !currencies.isEmpty, currencies.count <= 120,
            currencies.allSatisfy({ $0.range(of: #"^[0-9A-Za-z$@\-]+$"#, options: .regularExpression) != nil })
        else {
            throw ValidationError("--convert takes 1 to 120 comma-separated currency symbols such as USD,EUR,BTC.")
        }
        if let maxCredits, maxCredits < 0 { throw ValidationError("--max-credits cannot be negative.") }
    }

    var convertList: [String] {
        convert.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter {
            !$0.isEmpty
        }
    }

    func configuration(outputRoot: URL) -> CollectConfiguration {
        CollectConfiguration(
            outputRoot: outputRoot,
            limit: CollectConfiguration.Limit(limit) ?? .count(5000),
            convert: convertList,
            info: CollectConfiguration.InfoSelection(info) ?? .top(50),
            logoSize: logoSize,
            concurrency: concurrency,
            maxLogoBytes: maxLogoBytes,
            batchSize: batchSize,
            maxCredits: maxCredits,
            forceRevalidateLogos: refreshLogos
        )
    }
}

/// `--out`, shared by commands that read or write run folders.
struct OutputOptions: ParsableArguments {
    @Option(
        name: .long,
        parsing: .unconditional,
        help: ArgumentHelp("The output root that holds the run folders.", valueName: "dir")
    )
    var out: String = "raw_data"

    var url: URL { URL(fileURLWithPath: out).standardizedFileURL }
}
