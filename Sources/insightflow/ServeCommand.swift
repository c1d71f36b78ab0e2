import ArgumentParser
import FlowModel
import FlowRunner
import Foundation
import Logging

/// `insightflow serve`: the headless runner — HTTP intake and control routes, the workspace's events and schedule.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run flows headless: the loopback HTTP intake, the workspace's events and schedule.")

    @OptionGroup var home: HomeOptions
    @Option(help: "The intake port.") var port: UInt16 = 7077
    @Option(help: "The address to bind (default 127.0.0.1, loopback only).") var bind = "127.0.0.1"
    @Option(help: "Runs executing at once across all flows, 1-1024 (default: \"concurrency\" in settings.json, else 16).")
    var concurrency: Int?
    @Option(help: "Runs of one flow at once when its trigger sets no concurrency control, 1-100 (default: \"perFlowConcurrency\" in settings.json, else 4).")
    var perFlowConcurrency: Int?
    @OptionGroup var observability: ServeObservabilityOptions

    func validate() throws {
        try ServeLimits.check(concurrency: concurrency, perFlowConcurrency: perFlowConcurrency)
    }

    func run() async throws {
        observability.bootstrapLogging()
        let logger = Logger(label: "insightflow.serve")
        var configuration: RunnerConfiguration
        do {
            configuration = try ServeLimits.configuration(home: home.location, concurrency: concurrency, perFlowConcurrency: perFlowConcurrency)
        } catch {
            Self.printError("error: \(error)")
            throw ExitCode(1)
        }
        configuration.metrics = observability.bootstrapMetrics()
        configuration.logger = Logger(label: "insightflow.runner")
        if try SampleHome.prepareIfNew(home.location) {
            logger.info("created the sample home in \(home.location.url.path)")
        }
        let host: RunnerHost
        do {
            host = try await RunnerHost.open(home: home.location, configuration: configuration) { error in
                logger.warning("scheduled refresh: \(error)")
            }
        } catch let held as RunnerLock.Held {
            Self.printError("error: \(held)")
            throw ExitCode(1)
        }
        for warning in host.startWarnings { logger.warning("\(warning)") }
        let credentials = try IntakeCredentials.loadOrCreate(home: home.location.url)
        for warning in HomePermissions.enforce(home.location) { logger.warning("\(warning)") }
        let server = try IntakeServer(bind: bind, port: port, credentials: credentials, client: LocalRunnerClient(host: host))
        host.startWorkspace(activity: true)
        let serving = Task { try await server.run() }
        let listening = try await server.waitUntilListening()
        try RunnerEndpoint(bind: bind, port: listening, pid: getpid()).write(home: home.location)
        logger.info("intake listening on http://\(bind):\(listening)/events (token in \(home.location.url.path)/intake-token)")
        await TerminationSignals.wait()
        logger.info("stopping: finishing the runs in flight")
        await server.stop()
        serving.cancel()
        await host.stop()
        RunnerEndpoint.remove(home: home.location)
        logger.info("stopped")
    }
}
