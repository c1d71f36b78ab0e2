import Designer
import FlowModel
import Foundation
import Testing
import TerminalUI

/// The command palette (Ctrl-P and `:`): finds and runs commands, opens flows, jumps to steps, adds actions.
@MainActor @Suite struct PaletteJourneyTests {
    /// `:` on Home, a few letters of a flow's name, Enter: the flow opens on the canvas.
    @Test func colonOpensAFlowByName() {
        let (session, _) = makeSession(flows: [scopedFlow(), sampleFlow()])
        session.type(":")
        #expect(session.state.breadcrumb.last == "Palette", "\(session.state.breadcrumb)")
        session.type("tal")
        #expect(session.screen.contains("flow     Teams alert"), "\(session.screen)")
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "Canvas", "\(session.state.breadcrumb)")
        #expect(session.state.document?.flow.id == "teams-alert")
    }

    /// Ctrl-P on the canvas finds the wrap command by a few letters of its name and runs it on the selected step.
    @Test func ctrlPRunsACanvasCommand() {
        let (session, _) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter, .end])  // Compose
        session.send([.ctrl("p")])
        session.type("trycat")
        session.send([.enter])
        #expect(session.state.breadcrumb.last == "Canvas")
        #expect(session.state.document?.flow.definition.actions["Try"]?.actions?["Compose"] != nil, "\(session.screen)")
    }

    /// "pmt" finds Post a message in a Teams channel among the catalog; Enter adds it after the selected step.
    @Test func lettersWithGapsFindACatalogActionAndAddIt() throws {
        let (session, _) = makeSession(flows: [sampleFlow()])
        session.send([.down, .down, .enter, .enter, .down])  // Post_message
        session.send([.ctrl("p")])
        session.type("pmt")
        let firstResult = session.screen.split(separator: "\n").first { $0.contains("action   ") } ?? ""
        #expect(firstResult.contains("Post a message"), "\(session.screen)")
        session.send([.enter])
        let added = try #require(session.state.document?.selected)
        #expect(session.state.breadcrumb.last == added, "its form opens: \(session.state.breadcrumb)")
        #expect(session.state.document?.flow.definition.step(named: added)?.type == .teamsPostMessage)
        #expect(session.state.document?.flow.definition.step(named: added)?.runAfter == ["Post_message": [.succeeded]])
    }

    /// A step of the open flow is found by name and its card selected; a recently chosen entry ranks first.
    @Test func stepsAreFoundAndRecentUseRanksFirst() {
        let (session, _) = makeSession(flows: [scopedFlow()])
        session.send([.down, .down, .enter, .enter])
        session.send([.ctrl("p")])
        session.type("send")
        session.send([.enter])
        #expect(session.state.document?.selected == "Send")
        // "e" matches many entries equally well at their first letter; the one chosen last comes first.
        session.send([.ctrl("p")])
        session.type("s")
        let rows = session.screen.split(separator: "\n").filter { $0.contains("step     ") || $0.contains("command  ") || $0.contains("action   ") }
        #expect(rows.first?.contains("Send") == true, "\(session.screen)")
    }

    /// Ranking: word starts beat scattered letters; letters out of order do not match.
    @Test func rankingPrefersWordStarts() {
        let query = FuzzyMatch.prepare("pmt")
        let good = FuzzyMatch.match(query, in: FuzzyMatch.Candidate("Post a message in a Teams channel"))
        let scattered = FuzzyMatch.match(query, in: FuzzyMatch.Candidate("Compute time"))
        #expect(good?.positions == [0, 7, 20])
        #expect((good?.score ?? 0) > (scattered?.score ?? 0))
        #expect(FuzzyMatch.match(FuzzyMatch.prepare("tmp"), in: FuzzyMatch.Candidate("Post a message")) == nil)
    }

    /// Open (entries + first results) with 1,000 flows and the full catalog, and a keystroke re-rank: timed in
    /// this debug build (the release figures are in Benchmarks/); the bounds catch an accidental quadratic.
    @Test func paletteOpenAndRerankAreFast() {
        let flows = (0..<1000).map { sampleFlow(id: "flow-\($0)", name: "Alert flow number \($0) for webshop refresh") }
        var state = DesignerState.canvas(for: SampleFlows.long(id: "bench", steps: 300), size: Size(width: 120, height: 40), theme: .plain)
        state.flows = flows.map { FlowSummary($0, issues: []) }
        let clock = ContinuousClock()
        var entries: [PaletteEntry] = []
        var results: [PaletteRanking.Result] = []
        let open = clock.measure {
            entries = PaletteEntries.entries(state, below: state.top)
            results = PaletteRanking.rank("", entries, recent: [])
        }
        let rerank = clock.measure { results = PaletteRanking.rank("pmt", entries, recent: []) }
        print("palette: \(entries.count) entries, open \(open), re-rank \(rerank), \(results.count) results")
        #expect(open < .milliseconds(250))
        #expect(rerank < .milliseconds(100))
    }
}

extension PaletteJourneyTests {
    /// `:runs failed` opens the run history of all flows found on Failed: only the failed run is listed.
    @Test func colonRunsFailedListsTheFailedRuns() {
        let link = FixtureRunnerLink()
        let session = makeLiveSession(link: link, flows: [sampleFlow(id: "teams-refresh-failed", name: "Teams alert")])
        session.type(":")
        session.type("runs failed")
        #expect(session.screen.contains(":runs failed"), "\(session.screen)")
        session.send([.enter])
        session.dispatch(.tick)
        #expect(session.state.breadcrumb.last == "Runs", "\(session.state.breadcrumb)")
        let lines = session.screen.split(separator: "\n")
        #expect(session.screen.contains("filter: failed"), "the failed-only filter is on:\n\(session.screen)")
        #expect(lines.filter { $0.contains("Failed") }.count >= 1, "the failed run:\n\(session.screen)")
        #expect(!session.screen.contains("Succeeded"), "\(session.screen)")
    }
}

extension PaletteJourneyTests {
    /// The global keys are commands too: "help" from the palette opens the help of the screen below it.
    @Test func theHelpIsACommand() {
        let (session, _) = makeSession(flows: [sampleFlow()], size: Size(width: 120, height: 40))
        session.send([.down, .down, .enter, .enter])
        session.send([.ctrl("p")])
        session.type("help")
        session.send([.enter])
        #expect(session.screen.contains("Keys: Canvas"), "\(session.screen)")
    }
}
