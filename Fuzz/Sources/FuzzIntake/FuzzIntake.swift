import FlowExpressions
import FlowModel
import FlowRunner
import Foundation

/// The intake's credentials, read from a scratch home holding a fixed token (so runs are reproducible).
let credentials: IntakeCredentials = {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("insightflow-fuzz-intake-\(getpid())")
    do {
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try Data("fuzz-token-0123456789abcdef\n".utf8).write(to: home.appendingPathComponent("intake-token"))
        return try IntakeCredentials.loadOrCreate(home: home)
    } catch {
        fatalError("cannot prepare the scratch home \(home.path): \(error)")
    }
}()

/// A fixed clock for the signature window.
let now = Date(timeIntervalSince1970: 1_772_000_000)

/// The flows an accepted event is matched against: every template, On, plus one trigger with a condition.
let index: TriggerIndex = {
    var flows = FlowTemplates.all.map { template in
        var flow = template.instantiate(id: template.id)
        flow.state = .on
        return flow
    }
    var conditional = Flow(id: "conditional", displayName: "Conditional", trigger: Trigger(kind: .segmentThresholdCrossed, parameters: ["segment": "VIP", "threshold": 10]))
    conditional.definition.triggers[conditional.definition.triggers.keys[0]]?.conditions = ["@greater(triggerBody()?['currentCount'], add(triggerBody()?['previousCount'], 5))"]
    conditional.state = .on
    flows.append(conditional)
    return TriggerIndex(flows: flows)
}()

/// libFuzzer entry point: one intake request without the transport. Byte 0 says which headers are present and
/// whether the body is signed correctly; the next three lines are Authorization, X-InsightFlow-Signature and
/// X-InsightFlow-Timestamp, the rest is the body. The credential check must refuse unless the request proves the
/// token; the body goes through the event parser and, when accepted, the trigger matcher.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIntake(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 1 else { return 0 }
    let input = UnsafeBufferPointer(start: data, count: size)
    let flags = input[0]
    var lines = input[1...].split(separator: UInt8(ascii: "\n"), maxSplits: 3, omittingEmptySubsequences: false).map { Array($0) }
    while lines.count < 4 { lines.append([]) }
    let header = { (i: Int) -> String? in flags & (1 << i) != 0 ? String(decoding: lines[i], as: UTF8.self) : nil }
    let authorization = header(0)
    var signature = header(1)
    let timestamp = header(2)
    let body = Data(lines[3])
    if flags & 0x08 != 0, let timestamp {
        signature = "sha256=" + credentials.sign(body, timestamp: timestamp.trimmingCharacters(in: .whitespaces))
    }
    let refusal = credentials.refusal(authorization: authorization, signature: signature, timestamp: timestamp, body: body, now: now)
    let trimmedTimestamp = timestamp?.trimmingCharacters(in: .whitespaces)
    let bearer = authorization.map { $0.lowercased().hasPrefix("bearer ") } ?? false
    let bearerProof = bearer && authorization.map { $0.dropFirst(7).trimmingCharacters(in: .whitespaces) == credentials.token } == true
    let signatureProof = trimmedTimestamp.map { signature?.lowercased() == "sha256=" + credentials.sign(body, timestamp: $0) } == true
    let fresh = trimmedTimestamp.flatMap(Double.init).map { $0.isFinite && abs($0 - now.timeIntervalSince1970) <= IntakeCredentials.signatureWindow } == true
    if refusal == nil, !bearerProof, !(signatureProof && fresh) {
        fatalError("a request that does not prove the token was let in: \(String(describing: authorization)) \(String(describing: signature)) \(String(describing: timestamp))")
    }
    if refusal != nil, bearerProof || (!bearer && signatureProof && fresh) {
        fatalError("a request that proves the token was refused (\(refusal ?? "")): \(String(describing: authorization)) \(String(describing: timestamp))")
    }
    guard let event = try? EventParser.parse([UInt8](body), origin: .http) else { return 0 }
    _ = event.subject
    _ = event.value
    _ = try? TriggerMatcher().match(event, index: index, previousValue: { _, subject in subject.count.isMultiple(of: 2) ? 10 : nil })
    return 0
}
