import Benchmark
import Designer
import FlowModel
import Foundation
import TerminalUI

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(3))

    let flow = SampleFlows.long(id: "bench", steps: 300)
    let size = Size(width: 120, height: 40)
    let theme = ThemeLoader.load(name: "default-dark", folders: [], mode: .palette256, glyphs: .unicode).theme
    let lastStep = flow.definition.allSteps.last?.step.name

    Benchmark("Render a 120x40 canvas frame of a 300-step flow (top)") { benchmark in
        let state = DesignerState.canvas(for: flow, size: size, theme: theme)
        for _ in benchmark.scaledIterations {
            blackHole(DesignerRenderer.render(state))
        }
    }

    Benchmark("Render a 120x40 canvas frame of a 300-step flow (last step selected)") { benchmark in
        let state = DesignerState.canvas(for: flow, size: size, theme: theme, selected: lastStep)
        for _ in benchmark.scaledIterations {
            blackHole(DesignerRenderer.render(state))
        }
    }

    Benchmark("Diff two consecutive frames (what the ncurses backend redraws)") { benchmark in
        let first = DesignerRenderer.render(DesignerState.canvas(for: flow, size: size, theme: theme))
        let second = DesignerRenderer.render(DesignerState.canvas(for: flow, size: size, theme: theme, selected: flow.definition.actions.keys.first))
        for _ in benchmark.scaledIterations {
            blackHole(second.changedPositions(since: first))
        }
    }

    // Command palette (issue #18): 1,000 flows, the open flow's 300 steps, the full catalog and the canvas commands.
    var paletteState = DesignerState.canvas(for: flow, size: size, theme: theme)
    paletteState.flows = (0..<1000).map { Flow(id: "flow-\($0)", displayName: "Alert flow \($0) when the webshop refresh fails", trigger: Trigger(kind: .manual)) }
    let state = paletteState
    let entries = PaletteEntries.entries(state, below: state.top)

    Benchmark("Palette open: entries and first results (1,000 flows, 300 steps, catalog, commands)") { benchmark in
        for _ in benchmark.scaledIterations {
            let opened = PaletteEntries.entries(state, below: state.top)
            blackHole(PaletteRanking.rank("", opened, recent: []))
        }
    }

    Benchmark("Palette keystroke re-rank (\"pmt\" over the same entries)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(PaletteRanking.rank("pmt", entries, recent: []))
        }
    }

    // Paste of a 200-step block (a copy of the 200 steps after Initialize variable) after the flow's last step: unique
    // names and reference rewriting included.
    let block = StepList(uniqueKeysWithValues: flow.definition.actions.dropFirst().prefix(200).map { ($0.key, $0.value) })
    Benchmark("Paste a 200-step block (names made unique, references rewritten)") { benchmark in
        for _ in benchmark.scaledIterations {
            var definition = flow.definition
            blackHole(StepClipboard.paste(block, at: .after(flow.definition.actions.keys.last ?? ""), in: &definition))
        }
    }

    // The same paste as the canvas's `p` does it (declared variables made unique too), then the checker the designer
    // runs after every change, on the 500-step result.
    Benchmark("Paste a 200-step block, then check the flow (what p on the canvas costs)") { benchmark in
        for _ in benchmark.scaledIterations {
            var pasted = flow
            blackHole(StepClipboard.pasteRenaming(block, at: .after(flow.definition.actions.keys.last ?? ""), in: &pasted.definition))
            blackHole(FlowChecker.check(pasted))
        }
    }
}
