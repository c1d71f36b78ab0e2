import FlowExpressions

/// A flow file that could not be read: the file, the place (JSON path, and line/column for syntax errors) and the fix.
public struct FlowFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (path as given), or `<input>` for text not read from a file.
    public var file: String
    /// The JSON path of the offending value, e.g. `$.definition.actions.Send_email.runAfter`.
    public var path: String
    /// The line and column of a syntax error.
    public var line: Int?
    public var column: Int?
    /// What is wrong and how to fix it.
    public var message: String

    public init(file: String, path: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        let place = line.map { "\(file):\($0):\(column ?? 1)" } ?? file
        return "\(place): \(path): \(message)"
    }
}

/// A structural problem found while turning a JSON value into a flow (no file yet).
struct FlowDecodingError: Error {
    var path: [JSONPath.Component]
    var message: String

    var pathText: String { JSONPath.render(path) }
}
