import FlowExpressions
import FlowModel

/// The connections a checked flow may name (the sample home's two, plus one of each other kind).
let connections = CheckContext(connections: ["Teams": "outbox", "Email": "outbox", "Teams live": "teams", "Mail": "smtp", "Hook": "http"])

/// libFuzzer entry point: any bytes as a flow file and as an import (InsightFlow file, Logic Apps definition or
/// Power Automate export). Whatever decodes is checked, summarised, and must survive encode → decode unchanged.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFlowFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let flow = try? FlowCodec.decode(bytes, file: "fuzz.json") {
        exercise(flow)
    }
    if let imported = try? FlowImporter.importDocument(bytes, file: "fuzz.json", fallbackName: "Fuzzed flow") {
        exercise(imported.flow)
    }
    return 0
}

/// Runs the checker (with and without connections) and the one-line summaries, then the codec round trip.
func exercise(_ flow: Flow) {
    _ = FlowChecker.check(flow)
    _ = FlowChecker.check(flow, context: connections)
    _ = FlowChecker.canTurnOn(flow, context: connections)
    if let trigger = flow.trigger { _ = StepSummary.oneLine(trigger) }
    for located in flow.definition.allSteps { _ = StepSummary.oneLine(located.step) }
    let encoded = FlowCodec.encode(flow)
    let again: Flow
    do {
        again = try FlowCodec.decode(encoded, file: "encoded.json")
    } catch {
        fatalError("an encoded flow does not decode (\(error)): \(String(decoding: encoded, as: UTF8.self))")
    }
    guard again == flow else {
        fatalError("encode → decode changed the flow:\n\(String(decoding: encoded, as: UTF8.self))")
    }
}
