import ArgumentParser
import Dashboard
import Foundation
import Logging
import Store

/// `coinpipe serve`: the read-only web dashboard over the store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a read-only web dashboard (and JSON API) over the store.",
        discussion: """
            Pages: / (latest snapshot), /coins/<id>, /runs. API: /api/latest, /api/coins/<id>, \
            /api/coins/<id>/history, /api/runs. Binds 127.0.0.1 unless --host says otherwise. Stops gracefully \
            on SIGINT or SIGTERM. Connections that stay idle, or send their request head too slowly, are \
            closed; see docs/DASHBOARD.md.
            """
    )

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(name: .long, help: "The address to bind; 0.0.0.0 exposes the dashboard to the network.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "The default convert currency.")
    var convert: String = "USD"

    @OptionGroup(title: "Connections") var connections: ConnectionLimitOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty.") }
        guard (1...16).contains(convert.count), convert.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { throw ValidationError("--convert must be a currency code such as USD.") }
    }

    func run() async throws {
        let url = try store.storeURL(outputRoot: output.url, environment: ProcessInfo.processInfo.environment)
        let logger = logging.makeLogger(label: "coinpipe.serve")
        let configuration = DashboardConfiguration(
            store: url,
            outputRoot: output.url,
            host: host,
            port: port,
            defaultConvert: convert.uppercased(),
            connectionLimits: connections.limits
        )
        try await StoreCommandFailure.mapping {
            try await Dashboard.run(configuration: configuration, logger: logger) { running in
                FileHandleOutput.standardError("serve: dashboard on \(running.baseURL.absoluteString)/ (Ctrl-C stops)")
            }
        }
    }
}
