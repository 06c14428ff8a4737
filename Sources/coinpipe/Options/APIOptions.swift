import ArgumentParser
import CMCClient
import Foundation

/// Where the API is and how to authenticate: shared by every command that talks to the API.
struct APIOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The API root (default: env CMC_BASE_URL, else https://pro-api.coinmarketcap.com). Plain http:// only for loopback.",
            valueName: "url"
        )
    )
    var baseURL: String?

    @Flag(name: .long, help: "Use CMC's sandbox, https://sandbox-api.coinmarketcap.com (mock data, separate keys).")
    var sandbox = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Read the API key from this file: the key alone, one trailing newline allowed (else env CMC_API_KEY, else API_KEY).",
            valueName: "path"
        )
    )
    var apiKeyFile: String?

    @Option(
        name: .long,
        parsing: .unconditional,
        help: ArgumentHelp("Calls per minute for the client-side limiter (default: the plan's, from key/info).")
    )
    var rateLimit: Int?

    @Option(
        name: .long,
        parsing: .unconditional,
        help: ArgumentHelp("Seconds one API call may take before it is retried.", valueName: "seconds")
    )
    var timeout: Int = 60

    func validate() throws {
        if sandbox, baseURL != nil {
            throw ValidationError("--sandbox and --base-url cannot be combined; pick one.")
        }
        if let rateLimit, rateLimit < 1 { throw ValidationError("--rate-limit must be at least 1.") }
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second.") }
    }

    /// The base URL, validated.
    func resolvedBaseURL(environment: [String: String]) throws -> URL {
        if sandbox { return CMCClient.sandboxURL }
        guard let text = baseURL ?? environment["CMC_BASE_URL"], !text.isEmpty else {
            return CMCClient.productionURL
        }
        guard let url = URL(string: text) else {
            throw ValidationError("'\(text)' is not a URL; use for example https://pro-api.coinmarketcap.com.")
        }
        do {
            return try CMCClient.validatedBaseURL(url)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The API key, or a usage error explaining how to provide one.
    func resolvedKey(environment: [String: String]) throws -> APIKey {
        guard let key = try optionalKey(environment: environment) else {
            throw ValidationError("No API key. " + APIKeySource.howToProvide)
        }
        return key
    }

    /// The API key, `nil` when no source provides one, or a usage error when a source holds an invalid key
    /// (the message names the source and the problem, never the key).
    func optionalKey(environment: [String: String]) throws -> APIKey? {
        do {
            return try APIKeySource.resolve(apiKeyFile: apiKeyFile, environment: environment)?.key
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// A client configuration from these options.
    func clientConfiguration(environment: [String: String]) throws -> CMCClient.Configuration {
        CMCClient.Configuration(
            baseURL: try resolvedBaseURL(environment: environment),
            apiKey: try resolvedKey(environment: environment),
            requestTimeout: .seconds(timeout),
            callsPerWindow: rateLimit
        )
    }
}
