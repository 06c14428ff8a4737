import ArgumentParser

/// The `coinpipe` command: parses options and hands over to the libraries.
@main
struct CoinPipe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coinpipe",
        abstract: "Collect CoinMarketCap data into reproducible, verifiable run folders.",
        discussion: """
            Try it without a key:   coinpipe demo
            Real use:               CMC_API_KEY=… coinpipe collect
            Exit codes: 0 complete, 1 failed, 2 usage or configuration error, 3 partial (see the manifest).
            """,
        version: CoinPipeVersionText.current,
        subcommands: [KeyCommand.self, EmulatorCommand.self]
    )
}
