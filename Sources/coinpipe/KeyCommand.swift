import ArgumentParser
import CMCClient
import Foundation

/// `coinpipe key`: the key's plan, limits and usage.
struct KeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Show the API key's plan, per-minute limit and credits used and left (costs no credit)."
    )

    @OptionGroup var api: APIOptions
    @OptionGroup var logging: LoggingOptions

    @Flag(name: .long, help: "Print the key information as JSON.")
    var json = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let configuration = try api.clientConfiguration(environment: environment)
        let logger = logging.makeLogger(label: "coinpipe.key")
        do {
            let text = try await CMCClient.withClient(configuration: configuration, logger: logger) { client in
                let response = try await client.keyInfo()
                return json
                    ? KeyInfoReport.json(response.value)
                    : KeyInfoReport.text(response.value, baseURL: client.configuration.baseURL)
            }
            print(text)
        } catch let error as CMCError {
            FileHandleOutput.standardError("error: \(error)")
            throw error.code == .missingKey || error.code == .invalidConfiguration ? ExitCode.usage : ExitCode.runFailed
        }
    }
}
