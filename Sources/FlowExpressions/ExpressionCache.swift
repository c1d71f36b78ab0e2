import Foundation

/// A thread-safe parse cache: each distinct flow string is parsed once and its `FlowString` reused.
/// Keep one per loaded flow (or one per runner); it only grows, so drop it with the flow.
public final class ExpressionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var flowStrings: [String: Result<FlowString, ExpressionSyntaxError>] = [:]

    public init() {}

    /// The parsed form of a flow string (parse errors are cached too).
    public func flowString(_ text: String) throws(ExpressionSyntaxError) -> FlowString {
        lock.lock()
        let cached = flowStrings[text]
        lock.unlock()
        let result: Result<FlowString, ExpressionSyntaxError>
        if let cached {
            result = cached
        } else {
            do { result = .success(try FlowString.parse(text)) } catch { result = .failure(error) }
            lock.lock()
            flowStrings[text] = result
            lock.unlock()
        }
        return try result.get()
    }

    /// Parses (once) and evaluates a flow string; syntax errors are reported as `ExpressionEvaluationError` of kind `.other`.
    public func evaluate(_ text: String, in context: some EvaluationContext) throws(ExpressionEvaluationError) -> JSONValue {
        let parsed: FlowString
        do { parsed = try flowString(text) } catch {
            throw ExpressionEvaluationError(.other, "the expression does not parse: \(error.description)")
        }
        return try parsed.evaluate(in: context)
    }

    /// The number of distinct strings cached.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return flowStrings.count
    }
}
