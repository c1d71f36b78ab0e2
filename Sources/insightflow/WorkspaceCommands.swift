import ArgumentParser
import Foundation
import Insights

/// `insightflow init`: writes the sample Insights workspace into the home unless one is there.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create the sample customer-data workspace in the home (if absent).")

    @OptionGroup var home: HomeOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() async throws {
        let folder = Workspace.folder(inHome: home.resolve())
        let created = try WorkspaceCLI.reporting { try SampleWorkspace.writeIfAbsent(to: folder) }
        if json {
            WorkspaceCLI.printJSON(InitResult(workspace: folder.path, created: created))
        } else {
            print(created ? "Created the sample workspace in \(folder.path)" : "A workspace already exists in \(folder.path); left unchanged")
            if created { print("Next: `insightflow refresh --all`") }
        }
    }
}

/// `insightflow workspace`: commands about the customer-data workspace.
struct WorkspaceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workspace", abstract: "Inspect the customer-data workspace.", subcommands: [WorkspaceStatusCommand.self])
}

/// `insightflow workspace status`: sources with their last refresh, profiles, segments and measures.
struct WorkspaceStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show sources, last refreshes, profiles, segments and measures.")

    @OptionGroup var home: HomeOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() async throws {
        let workspace = try WorkspaceCLI.load(home)
        let status = try await WorkspaceCLI.reporting { try await workspace.status() }
        if json { return WorkspaceCLI.printJSON(status) }
        print("\(status.name) — \(status.folder)")
        print("Profiles: \(status.profiles)   Last full refresh: \(status.lastFullRefreshAt.map(WorkspaceCLI.time) ?? "never")\n")
        CLIOutput.printTable(header: ["SOURCE", "KIND", "FEEDS", "ROWS", "LAST REFRESH", "RESULT"], rows: status.sources.map { source in
            let last = source.lastRefresh
            let result = last.map { $0.errorMessage ?? "ok (\($0.rowsRead) read, \($0.rowsRejected) rejected)" } ?? "never refreshed"
            return [source.name, source.kind, source.feeds, source.rows.map(String.init) ?? "-",
                    last.map { WorkspaceCLI.time($0.finishedAt) } ?? "-", result]
        }, maxWidth: 70)
        print("")
        SegmentsCommand.printTable(status.segments)
        print("")
        MeasuresCommand.printTable(status.measures)
    }
}

/// `insightflow refresh [--source NAME | --all]`: refreshes one source, or runs a full refresh.
struct RefreshCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh", abstract: "Refresh one data source, or everything (sources, unification, measures, segments).")

    @OptionGroup var home: HomeOptions
    @Option(help: "Refresh only this data source.") var source: String?
    @Flag(help: "Run a full refresh (the default).") var all = false
    @Flag(help: "Print JSON for scripts.") var json = false

    func validate() throws {
        if source != nil, all { throw ValidationError("use either --source NAME or --all, not both") }
    }

    /// Whether `event` is the last one the refresh publishes.
    private static func isLast(_ event: InsightsEvent, fullRefresh: Bool) -> Bool {
        switch event {
        case .fullRefreshCompleted: true
        case .dataSourceRefreshSucceeded, .dataSourceRefreshFailed: !fullRefresh
        case .unificationCompleted, .measureRefreshed, .segmentRefreshed: false
        }
    }

    /// Runs the requested refresh; returns the names of the sources that failed.
    private func refresh(_ workspace: Workspace) async throws -> [String] {
        if let source {
            let result = try await WorkspaceCLI.reporting { try await workspace.refreshSource(named: source) }
            return result.succeeded ? [] : [source]
        }
        let quiet = json
        let summary = try await WorkspaceCLI.reporting {
            try await workspace.refreshAll { progress in
                if !quiet { CLIOutput.error("[\(progress.step)/\(progress.totalSteps)] \(progress.stage.rawValue): \(progress.item)") }
            }
        }
        return summary.sourcesFailed
    }

    func run() async throws {
        let workspace = try WorkspaceCLI.load(home)
        let stream = workspace.events()
        let fullRefresh = source == nil
        let listener = Task {
            var events: [InsightsEvent] = []
            for await event in stream {
                events.append(event)
                if Self.isLast(event, fullRefresh: fullRefresh) { break }
            }
            return events
        }
        var failed: [String] = []
        do {
            failed = try await refresh(workspace)
        } catch {
            listener.cancel()
            throw error
        }
        WorkspaceCLI.report(await listener.value, json: json)
        if !failed.isEmpty {
            CLIOutput.error("error: refresh failed for \(failed.joined(separator: ", ")); the last good data was kept")
            throw ExitCode.failure
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
        let workspace = try WorkspaceCLI.load(home)
        if let members {
            let ids = try await WorkspaceCLI.reporting { try await workspace.members(ofSegment: members, limit: 10_000) }
            return json ? WorkspaceCLI.printJSON(ids) : ids.forEach { print($0) }
        }
        let segments = try await WorkspaceCLI.reporting { try await workspace.status().segments }
        json ? WorkspaceCLI.printJSON(segments) : Self.printTable(segments)
    }

    static func printTable(_ segments: [SegmentStatus]) {
        CLIOutput.printTable(header: ["SEGMENT", "MEMBERS", "PREVIOUS", "REFRESHED"], rows: segments.map {
            [$0.name, $0.count.map(String.init) ?? "-", $0.previousCount.map(String.init) ?? "-", $0.refreshedAt.map(WorkspaceCLI.time) ?? "never"]
        })
    }
}

/// `insightflow measures`: every measure with its current and previous value.
struct MeasuresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "measures", abstract: "List measures with their current and previous values.")

    @OptionGroup var home: HomeOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() async throws {
        let workspace = try WorkspaceCLI.load(home)
        let measures = try await WorkspaceCLI.reporting { try await workspace.status().measures }
        json ? WorkspaceCLI.printJSON(measures) : Self.printTable(measures)
    }

    static func printTable(_ measures: [MeasureStatus]) {
        CLIOutput.printTable(header: ["MEASURE", "LEVEL", "VALUE", "PREVIOUS", "REFRESHED"], rows: measures.map {
            let value = $0.level == "customer" ? $0.value.map { "\(Int($0)) profiles" } : $0.value.map(WorkspaceCLI.number)
            return [$0.name, $0.level, value ?? "-", $0.previousValue.map(WorkspaceCLI.number) ?? "-", $0.refreshedAt.map(WorkspaceCLI.time) ?? "never"]
        })
    }
}

/// The JSON answer of `insightflow init`.
private struct InitResult: Encodable {
    let workspace: String
    let created: Bool
}

/// One published event in `insightflow refresh --json` output.
private struct EventRecord: Encodable {
    let kind: String
    let fields: [String: InsightsValue]
}

/// Shared loading, error reporting and formatting of the workspace commands.
private enum WorkspaceCLI {
    /// Loads the home's workspace, reporting a clear message on failure.
    static func load(_ home: HomeOptions) throws -> Workspace {
        try reporting { try Workspace.load(folder: Workspace.folder(inHome: home.resolve())) }
    }

    /// Runs `body`; on error prints it to stderr and fails the command.
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw fail(error) }
    }

    /// Runs `body`; on error prints it to stderr and fails the command.
    static func reporting<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw fail(error) }
    }

    private static func fail(_ error: any Error) -> ExitCode {
        CLIOutput.error("error: \(error)")
        return ExitCode.failure
    }

    /// Prints a value as pretty JSON with ISO 8601 dates.
    static func printJSON(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(value) else { return CLIOutput.error("error: cannot encode the output") }
        print(String(decoding: data, as: UTF8.self))
    }

    /// An ISO 8601 time.
    static func time(_ date: Date) -> String { date.formatted(.iso8601) }

    /// A number with at most two decimals.
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
    }

    /// Prints what a refresh did, one line per event (or the events as JSON).
    static func report(_ events: [InsightsEvent], json: Bool) {
        if json { return printJSON(events.map { EventRecord(kind: $0.kind, fields: $0.fields) }) }
        for event in events { print(line(event)) }
    }

    private static func line(_ event: InsightsEvent) -> String {
        switch event {
        case .dataSourceRefreshSucceeded(let result):
            "source \(result.sourceName): ok, \(result.rowsRead) rows read, \(result.rowsRejected) rejected"
        case .dataSourceRefreshFailed(let result):
            "source \(result.sourceName): FAILED: \(result.error?.description ?? "unknown error")"
        case .unificationCompleted(let result):
            "unification: \(result.recordsIn) records -> \(result.profilesOut) profiles ("
                + result.ruleStats.map { "\($0.rule) \(Int(($0.matchRate * 100).rounded()))%" }.joined(separator: ", ") + ")"
        case .measureRefreshed(let change):
            "measure \(change.measureName): \(change.previousValue.map(number) ?? "-") -> \(change.currentValue.map(number) ?? "-")"
        case .segmentRefreshed(let change):
            "segment \(change.segmentName): \(change.previousCount.map(String.init) ?? "-") -> \(change.currentCount) members"
        case .fullRefreshCompleted(let summary):
            "full refresh completed in \(String(format: "%.2f", summary.duration)) s: \(summary.sourcesSucceeded.count) sources ok, "
                + "\(summary.sourcesFailed.count) failed, \(summary.profiles) profiles"
        }
    }
}
