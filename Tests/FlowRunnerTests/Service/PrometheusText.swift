import Foundation

/// A strict reader of the Prometheus text exposition format (0.0.4): every sample line must be
/// `name{label="value",…} number`, every series must follow its `# TYPE` line; anything else fails the parse.
struct PrometheusText {
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    var samples: [Sample] = []
    var types: [String: String] = [:]

    init(_ text: String) throws {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
            if line.hasPrefix("# TYPE ") {
                let parts = line.split(separator: " ").map(String.init)
                guard parts.count == 4, ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[3]) else {
                    throw ParseError(description: "bad TYPE line: \(line)")
                }
                types[parts[2]] = parts[3]
            } else if line.hasPrefix("#") {
                continue
            } else {
                samples.append(try Self.sample(line))
            }
        }
        for sample in samples {
            let family = ["_bucket", "_sum", "_count", "_total"].reduce(sample.name) { name, suffix in
                types[name] == nil && name.hasSuffix(suffix) ? String(name.dropLast(suffix.count)) : name
            }
            guard types[sample.name] != nil || types[family] != nil else { throw ParseError(description: "no TYPE for \(sample.name)") }
        }
    }

    private static func sample(_ line: String) throws -> Sample {
        let nameEnd = line.firstIndex { $0 == "{" || $0 == " " } ?? line.endIndex
        let name = String(line[..<nameEnd])
        guard let first = name.first, first.isLetter || first == "_" || first == ":",
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") }) else {
            throw ParseError(description: "bad metric name in: \(line)")
        }
        var rest = line[nameEnd...]
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                guard let equals = rest.firstIndex(of: "="), rest[rest.index(after: equals)...].first == "\"" else {
                    throw ParseError(description: "bad label in: \(line)")
                }
                let key = String(rest[..<equals])
                var cursor = rest.index(equals, offsetBy: 2)
                var value = ""
                while cursor < rest.endIndex, rest[cursor] != "\"" {
                    if rest[cursor] == "\\" { cursor = rest.index(after: cursor) }
                    guard cursor < rest.endIndex else { break }
                    value.append(rest[cursor])
                    cursor = rest.index(after: cursor)
                }
                guard cursor < rest.endIndex else { throw ParseError(description: "unterminated label in: \(line)") }
                labels[key] = value
                rest = rest[rest.index(after: cursor)...]
                if rest.first == "," { rest = rest.dropFirst() }
                guard !rest.isEmpty else { throw ParseError(description: "unterminated labels in: \(line)") }
            }
            rest = rest.dropFirst()
        }
        let fields = rest.split(separator: " ")
        guard (1...2).contains(fields.count), let value = Double(fields[0]) ?? Self.special(String(fields[0])) else {
            throw ParseError(description: "bad value in: \(line)")
        }
        return Sample(name: name, labels: labels, value: value)
    }

    private static func special(_ text: String) -> Double? {
        switch text {
        case "+Inf": return .infinity
        case "-Inf": return -.infinity
        case "NaN": return .nan
        default: return nil
        }
    }

    /// The value of the sample `name` whose labels include `labels` (nil when there is none).
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { sample in sample.name == name && labels.allSatisfy { key, value in sample.labels[key] == value } }?.value
    }
}
