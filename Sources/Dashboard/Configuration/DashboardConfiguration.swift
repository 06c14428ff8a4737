public import Foundation
public import ServerLimits
public import Store

/// Where the dashboard listens, which store it reads and where the run folders are.
///
/// ```swift
/// let configuration = DashboardConfiguration(
///     store: .sqlite(path: "raw_data/coinpipe.sqlite"),
///     outputRoot: URL(fileURLWithPath: "raw_data")
/// )
/// try await Dashboard.run(configuration: configuration, logger: logger)
/// ```
public struct DashboardConfiguration: Sendable {
    /// The store to read (never written, except that opening an older store migrates its schema).
    public var store: StoreURL
    /// The output root holding the run folders (for logos and manifests).
    public var outputRoot: URL
    /// The address to bind. Default `127.0.0.1` (loopback only).
    public var host: String
    /// The port to bind; `0` picks a free port. Default `8080`.
    public var port: Int
    /// The convert currency shown when a request names none and the store has it. Default `USD`.
    public var defaultConvert: String
    /// Coins per page of the latest snapshot when a request names no `per_page`. Default `100`.
    public var pageSize: Int
    /// The header and idle timeouts and the connection limit. Default 10 s for a new connection's first
    /// request head, 60 s idle, 512 connections at once.
    public var connectionLimits: ConnectionLimits

    /// Creates a configuration; every argument but the store and output root has a default.
    ///
    /// - Parameters:
    ///   - store: The store to read.
    ///   - outputRoot: The output root holding the run folders.
    ///   - host: The address to bind.
    ///   - port: The port to bind (`0` for any free port).
    ///   - defaultConvert: The default convert currency.
    ///   - pageSize: The default number of coins per page.
    ///   - connectionLimits: The header and idle timeouts and the connection limit.
    public init(
        store: StoreURL,
        outputRoot: URL,
        host: String = "127.0.0.1",
        port: Int = 8080,
        defaultConvert: String = "USD",
        pageSize: Int = 100,
        connectionLimits: ConnectionLimits = ConnectionLimits()
    ) {
        self.store = store
        self.outputRoot = outputRoot
        self.host = host
        self.port = port
        self.defaultConvert = defaultConvert
        self.pageSize = pageSize
        self.connectionLimits = connectionLimits
    }
}
