import Foundation

/// Where a JSON document stops being valid, as "line L, column C" — for files read with `JSONDecoder`, whose
/// syntax errors name no place. Foundation's `JSONSerialization` reports the character offset; this turns it into
/// a line and column counted the way an editor shows them.
enum JSONSyntaxPlace {
    /// "line L, column C: <what Foundation says>" for the first syntax error in `data`, or nil when it parses.
    static func describe(_ data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            guard let offset = characterOffset(in: detail) else { return detail }
            let (line, column) = lineAndColumn(of: offset, in: data)
            return "line \(line), column \(column): \(detail)"
        }
    }

    /// The number after "character " in Foundation's message.
    static func characterOffset(in message: String) -> Int? {
        guard let range = message.range(of: "character ") else { return nil }
        return Int(message[range.upperBound...].prefix { $0.isNumber })
    }

    /// The 1-based line and column of byte `offset` (clamped to the data).
    static func lineAndColumn(of offset: Int, in data: Data) -> (Int, Int) {
        var line = 1, column = 1
        for byte in data.prefix(max(0, min(offset, data.count))) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}
