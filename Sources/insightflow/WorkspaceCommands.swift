import ArgumentParser
import FlowExpressions
import FlowRunner
import Foundation
import Insights
import TextFormats

/// `insightflow init`: writes the sample Insights workspace into the home unless one is there.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create the sample customer-data workspace in the home (if absent).")

    @OptionGroup var home: HomeOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() async throws {
        let folder = Workspace.folder(inHome: home.resolve())
        let created = try Self.reporting { try SampleWorkspace.writeIfAbsent(to: folder) }
        if json {
            Self.printJSON(["workspace": .string(folder.path), "created": .bool(created)])
        } else {
            print(created ? "Created the sample workspace in \(folder.path)" : "A workspace already exists in \(folder.path); left unchanged")
            if created { print("Next: `insightflow refresh --all`") }
        }
    }
}

/// `insightflow workspace`: commands about the customer-data workspace.
struct WorkspaceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workspace", abstract: "Inspect the customer-data workspace.", subcommands: [
            WorkspaceStatusCommand.self, WorkspaceExplainCommand.self, WorkspaceWhyCommand.self, WorkspaceMatchesCommand.self,
        ])
}

/// `insightflow workspace status`: sources with their last refresh, profiles, segments and measures.
struct WorkspaceStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show sources, last refreshes, profiles, segments and measures.")

    @OptionGroup var home: HomeOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() async throws {
        let workspace = try Self.loadWorkspace(home)
        let status = try await Self.reporting { try await workspace.status() }
        for warning in workspace.definition.unification.warnings { Self.printError("warning: \(warning)") }
        if json { return Self.printEncodable(status) }
        print("\(status.name) — \(status.folder)")
        print("Profiles: \(status.profiles)   Last full refresh: \(status.lastFullRefreshAt.map(TimeText.iso8601Seconds) ?? "never")\n")
        Self.printTable(header: ["SOURCE", "KIND", "FEEDS", "ROWS", "LAST REFRESH", "RESULT"], rows: status.sources.map { source in
            let last = source.lastRefresh
            let result = last.map { $0.errorMessage ?? "ok (\($0.rowsRead) read, \($0.rowsRejected) rejected)" } ?? "never refreshed"
            return [source.name, source.kind, source.feeds, source.rows.map(String.init) ?? "-",
                    last.map { TimeText.iso8601Seconds($0.finishedAt) } ?? "-", result]
        }, maxWidth: 70)
        print("")
        SegmentsCommand.printTable(status.segments)
        print("")
        MeasuresCommand.printTable(status.measures)
    }
}

/// `insightflow refresh [--source NAME | --all]`: refreshes one source, or runs a full refresh — in the runner of the
/// home (the running `serve`, else one started here), so the home's flows fire for it.
struct RefreshCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh", abstract: "Refresh one data source, or everything (sources, unification, measures, segments); the home's flows fire.")

    @OptionGroup var home: HomeOptions
    @Option(help: "Refresh only this data source.") var source: String?
    @Flag(help: "Run a full refresh (the default).") var all = false
    @Flag(help: "Print JSON for scripts.") var json = false

    func validate() throws {
        if source != nil, all { throw ValidationError("use either --source NAME or --all, not both") }
    }

    func run() async throws {
        let report: RefreshReport
        do {
            let client = try await RunnerClients.connect(home: home.location, workspace: .events)
            report = try await Self.reporting { try await refresh(client) }
            await client.close()
        } catch let held as RunnerLock.Held {
            Self.printError("warning: \(held); refreshing without running the flows")
            let workspace = try Self.loadWorkspace(home)
            report = try await Self.reporting { try await workspace.refreshReporting(source: source, progress: progressPrinter) }
        }
        if json {
            Self.printEncodable(report.events.map { ["kind": InsightsValue.string($0.kind), "fields": .object($0.fields)] })
        } else {
            for event in report.events { print(event.line) }
        }
        if !report.failedSources.isEmpty {
            Self.printError("error: refresh failed for \(report.failedSources.joined(separator: ", ")); the last good data was kept")
            throw ExitCode.failure
        }
    }

    private func refresh(_ client: any RunnerClient) async throws -> RefreshReport {
        if let local = client as? LocalRunnerClient { return try await local.refresh(source: source, progress: progressPrinter) }
        if !json { Self.printError("refreshing in serve (pid \(client.mode.pid ?? 0))…") }
        return try await client.refresh(source: source)
    }

    /// Progress on stderr for a full refresh run here (none with --json), each step with the seconds since the start.
    private var progressPrinter: (@Sendable (RefreshProgress) -> Void)? {
        guard !json, source == nil else { return nil }
        let started = Date()
        return { progress in
            let elapsed = String(format: "%.2f", Date().timeIntervalSince(started))
            Self.printError("[\(progress.step)/\(progress.totalSteps)] +\(elapsed) s \(progress.stage.rawValue): \(progress.item)")
        }
    }
}

/// `insightflow segments`: every segment with its current and previous member count.
struct SegmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "segments", abstract: "List segments with their member counts (or one segment's members).")

    @OptionGroup var home: HomeOptions
    @Option(help: "List the members (CustomerIds) of this segment instead.") var members: String?
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() async throws {
        let workspace = try Self.loadWorkspace(home)
        if let members {
            let ids = try await Self.reporting { try await workspace.members(ofSegment: members, limit: 10_000) }
            return json ? Self.printEncodable(ids) : ids.forEach { print($0) }
        }
        let segments = try await Self.reporting { try await workspace.status().segments }
        json ? Self.printEncodable(segments) : Self.printTable(segments)
    }

    static func printTable(_ segments: [SegmentStatus]) {
        Self.printTable(header: ["SEGMENT", "MEMBERS", "PREVIOUS", "REFRESHED"], rows: segments.map {
            [$0.name, $0.count.map(String.init) ?? "-", $0.previousCount.map(String.init) ?? "-", $0.refreshedAt.map(TimeText.iso8601Seconds) ?? "never"]
        })
    }
}

/// `insightflow measures`: every measure with its current and previous value.
struct MeasuresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "measures", abstract: "List measures with their current and previous values.")

    @OptionGroup var home: HomeOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() async throws {
        let workspace = try Self.loadWorkspace(home)
        let measures = try await Self.reporting { try await workspace.status().measures }
        json ? Self.printEncodable(measures) : Self.printTable(measures)
    }

    static func printTable(_ measures: [MeasureStatus]) {
        Self.printTable(header: ["MEASURE", "LEVEL", "VALUE", "PREVIOUS", "REFRESHED"], rows: measures.map {
            let value = $0.level == "customer" ? $0.value.map { NumberText.plain($0) + " profiles" } : $0.value.map(NumberText.plain)
            return [$0.name, $0.level, value ?? "-", $0.previousValue.map(NumberText.plain) ?? "-", $0.refreshedAt.map(TimeText.iso8601Seconds) ?? "never"]
        })
    }
}
