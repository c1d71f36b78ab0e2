import ArgumentParser
import FlowExpressions
import FlowModel
import FlowRunner
import Foundation

/// `insightflow flow replay NAME [--last N] [--event ID] [--json]`: runs the flow's unsaved draft (the designer's
/// autosave; the saved flow when there is none) dry against recorded events and sets what the saved version did
/// beside each — the same replay as `L` and `T` on the designer's canvas.
struct FlowReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a flow's draft dry against recorded events, next to what the saved version did.",
        discussion: "Uses the draft the designer autosaved beside the flow, else the saved flow. Nothing is sent and nothing is written to the history.")
    @OptionGroup var home: HomeOptions
    @Argument(help: "The flow's id or display name.") var flow: String
    @Option(help: "How many of the newest recorded events of the trigger's type.") var last = 10
    @Option(help: "Replay this one recorded event (runs even when the trigger would not fire).") var event: String?
    @Flag(help: "Print the results as JSON.") var json = false

    func run() async throws {
        let location = home.location
        let store = FlowStore(home: location)
        let (saved, draft) = try Self.storeCall { () throws(FlowStoreError) in
            let saved = try store.find(flow).flow
            return (saved, try store.loadDraft(id: saved.id)?.flow)
        }
        guard (1...10_000).contains(last) else { throw ValidationError("--last must be from 1 to 10000") }
        let replayed = draft ?? saved
        guard DraftReplay.eventType(of: replayed) != nil else {
            throw ValidationError("\(saved.displayName) has a \(replayed.trigger?.type ?? "missing") trigger: only connector triggers have recorded events")
        }
        let history = try Self.reporting { try HistoryStore.reader(url: location.historyDatabase) }
        let connections = (try? ConnectionStore(home: location).load()) ?? []
        let replay = DraftReplay(history: history, connections: Dictionary(connections.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }),
                                 home: location)
        let events: [TriggerEvent]
        if let event {
            guard let found = try history.event(id: event) else { throw ValidationError("no recorded event '\(event)'") }
            events = [found]
        } else {
            events = try replay.events(for: replayed, limit: last)
        }
        let results = await replay.replay(replayed, events: events, always: event != nil)
        if json {
            Self.printJSON(["flow": .string(saved.id), "draft": .bool(draft != nil), "results": .array(results.map(\.json))])
            return
        }
        print("\(draft == nil ? "saved flow" : "draft") of \"\(saved.displayName)\" replayed dry against \(results.count) event(s) (nothing sent)")
        Self.printTable(header: ["EVENT", "RECEIVED", "SUBJECT", "DRAFT FIRES", "DRAFT RUN", "SAVED VERSION", "WOULD SEND"], rows: results.map { result in
            let subject = [result.event.subject, result.event.value.map { "= \($0)" }].compactMap { $0 }.joined(separator: " ")
            return [String(result.event.id.prefix(8)), Flow.timestamp(result.event.receivedAt), subject.isEmpty ? "-" : subject,
                    result.fires ? "yes" : "no: \(result.reason)", result.draftOutcome, result.savedOutcome, result.sendsSummary]
        }, maxWidth: 50)
    }
}
