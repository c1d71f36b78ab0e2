import FlowExpressions
import Foundation

/// Reads and writes flow files: JSON in the Logic Apps shape, 2-space indented, stable key order.
public enum FlowCodec {
    /// The largest flow file accepted (a flow of thousands of steps stays far below it).
    public static let maximumFileSize = 8 * 1024 * 1024

    /// Decodes a flow from file bytes; `file` names the source in errors.
    public static func decode(_ bytes: [UInt8], file: String = "<input>") throws(FlowFileError) -> Flow {
        let value = try parseDocument(bytes, file: file)
        do {
            return try FlowDecoder.decodeFlow(value)
        } catch {
            throw FlowFileError(file: file, path: error.pathText, message: error.message)
        }
    }

    /// Decodes a bare workflow definition (`{"triggers":..., "actions":...}`).
    public static func decodeDefinition(_ value: JSONValue, file: String = "<input>") throws(FlowFileError) -> WorkflowDefinition {
        do {
            return try FlowDecoder.decodeDefinition(value)
        } catch {
            throw FlowFileError(file: file, path: error.pathText, message: error.message)
        }
    }

    /// Parses JSON text with the file's size limit, turning syntax errors into file errors.
    public static func parseDocument(_ bytes: [UInt8], file: String) throws(FlowFileError) -> JSONValue {
        guard bytes.count <= maximumFileSize else {
            throw FlowFileError(file: file, path: "$", message: "the file is \(bytes.count) bytes, over the \(maximumFileSize)-byte limit for a flow file; is it really a flow?")
        }
        do {
            return try JSONValue.parse(bytes: bytes)
        } catch {
            throw FlowFileError(file: file, path: error.path, line: error.line, column: error.column, message: error.message)
        }
    }

    /// Encodes a flow as file bytes (pretty, with a trailing newline).
    public static func encode(_ flow: Flow) -> [UInt8] {
        var bytes = FlowEncoder.encode(flow).jsonBytes(pretty: true)
        bytes.append(0x0A)
        return bytes
    }

    /// The flow as a JSON value (for `--json` output and embedding).
    public static func jsonValue(_ flow: Flow) -> JSONValue { FlowEncoder.encode(flow) }

    /// A definition as a JSON value.
    public static func jsonValue(_ definition: WorkflowDefinition) -> JSONValue { FlowEncoder.encode(definition) }

    /// A step as a JSON value (the designer's JSON view of one step).
    public static func jsonValue(_ step: Step) -> JSONValue { FlowEncoder.encode(step) }
}
