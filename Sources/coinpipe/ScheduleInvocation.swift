import ArgumentParser
import CMCClient
import Collector
import CoreMetrics
import Foundation
import Logging
import Prometheus
import Scheduler
import ServiceLifecycle
import Store
import UnixSignals

/// `collect --every`: wires the scheduler, the metrics endpoint and the signals, and runs until stopped.
enum ScheduleInvocation {
    /// How long past `--stop-timeout` the group waits for its services before cancelling them.
    static let stopBackstop: Duration = .seconds(10)

    /// Runs the schedule until SIGINT/SIGTERM; returns normally (exit 0) after a graceful stop.
    ///
    /// - Throws: `ExitCode.runFailed` when the schedule cannot start (the key is refused, the metrics port is taken).
    static func run(
        client: CMCClient.Configuration,
        collect: CollectConfiguration,
        store: StoreURL,
        schedule: CollectionScheduler.Configuration,
        options: ScheduleOptions,
        logger: Logger
    ) async throws {
        var client = client
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        var factory: (any MetricsFactory)?
        if let port = options.metricsPort {
            // The one place the process-wide metrics backend is chosen.
            let registry = PrometheusCollectorRegistry()
            let prometheus = CoinPipeMetrics.factory(registry: registry)
            MetricsSystem.bootstrap(prometheus)
            factory = prometheus
            services.append(
                .init(
                    service: MetricsEndpoint(
                        registry: registry,
                        host: options.metricsHost,
                        port: port,
                        connectionLimits: options.metricsConnectionLimits,
                        logger: logger
                    ),
                    successTerminationBehavior: .gracefullyShutdownGroup,
                    failureTerminationBehavior: .gracefullyShutdownGroup
                )
            )
        }
        client.metricsFactory = factory
        let scheduler = CollectionScheduler(
            configuration: schedule,
            work: CollectionJob(client: client, collect: collect, store: store, logger: logger),
            logger: logger,
            metricsFactory: factory
        )
        // Services stop in reverse order: the scheduler first (its run in flight finishes), then the endpoint.
        services.append(
            .init(
                service: scheduler,
                successTerminationBehavior: .gracefullyShutdownGroup,
                failureTerminationBehavior: .gracefullyShutdownGroup
            )
        )
        var configuration = ServiceGroupConfiguration(
            services: services,
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        // The scheduler interrupts a run that outlasts --stop-timeout itself, and returns, so that the
        // metrics endpoint after it stops gracefully too (a cancelled Hummingbird server logs errors). The
        // group's own limit is only a backstop for something that does not stop.
        configuration.maximumGracefulShutdownDuration = options.stopTimeoutDuration + Self.stopBackstop
        do {
            try await ServiceGroup(configuration: configuration).run()
        } catch {
            FileHandleOutput.standardError("error: \(error)")
            throw ExitCode.runFailed
        }
    }
}
