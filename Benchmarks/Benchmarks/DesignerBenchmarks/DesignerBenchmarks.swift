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
}
