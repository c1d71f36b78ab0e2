import FlowExpressions

/// libFuzzer entry point: any bytes through the JSON reader. What it accepts must come back unchanged through the
/// writer (compact and pretty), and the `String` entry point must agree with the bytes one on valid UTF-8.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let fromBytes = Result { () throws(JSONSyntaxError) in try JSONValue.parse(bytes: bytes) }
    if let text = String(validating: bytes, as: UTF8.self) {
        let fromText = Result { () throws(JSONSyntaxError) in try JSONValue.parse(text) }
        guard fromText == fromBytes else { fatalError("parse(_:) and parse(bytes:) disagree: \(fromText) vs \(fromBytes)") }
    }
    guard case .success(let value) = fromBytes else { return 0 }
    for pretty in [false, true] {
        let text = value.jsonText(pretty: pretty)
        guard value.jsonBytes(pretty: pretty) == Array(text.utf8) else { fatalError("jsonBytes and jsonText differ for \(text)") }
        let again: JSONValue
        do {
            again = try JSONValue.parse(text)
        } catch {
            fatalError("the writer's output does not read back (\(error)): \(text)")
        }
        guard again == value else { fatalError("writer → reader changed the value: \(value) → \(text) → \(again)") }
    }
    return 0
}
