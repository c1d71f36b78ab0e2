import FlowExpressions
import FlowModel
import Foundation

/// Writes COUNT flows of STEPS steps each into HOME/flows, for `flow list` timing.
let arguments = CommandLine.arguments
guard arguments.count == 4, let count = Int(arguments[2]), let steps = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: make-flow-home HOME COUNT STEPS\n".utf8))
    exit(2)
}
let store = FlowStore(home: InsightFlowHome(url: URL(fileURLWithPath: arguments[1])))
for i in 0..<count {
    do {
        try store.create(SampleFlows.long(id: "flow-\(i)", steps: steps))
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
}
print("wrote \(count) flows of \(steps) steps to \(store.folder.path)")
