/// Rewrites step references in flow text for the designer's rename-step feature, keeping the
/// author's formatting: only the quoted name inside body('...'), outputs('...'), actions('...'),
/// result('...'), items('...') and iterationIndexes('...') changes.
public enum StepRename {
    /// `text` with references to step `oldName` renamed to `newName`; unchanged when it does not parse.
    public static func rename(in text: String, from oldName: String, to newName: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "@")),
              let scan = try? FlowStringScanner(bytes: bytes).scan() else { return text }
        var edits: [Range<Int>] = []
        for piece in scan.pieces {
            if case .expression(_, let range) = piece { edits += referenceRanges(in: bytes, range: range, name: oldName) }
        }
        guard !edits.isEmpty else { return text }
        var replacement = ""
        ExpressionPrinter.printString(newName, into: &replacement)
        var out = bytes
        for range in edits.reversed() { out.replaceSubrange(range, with: Array(replacement.utf8)) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Byte ranges of string tokens `'name'` that are the first argument of a step-referencing call.
    static func referenceRanges(in bytes: [UInt8], range: Range<Int>, name: String) -> [Range<Int>] {
        var lexer = ExpressionLexer(bytes: Array(bytes[..<range.upperBound]), position: range.lowerBound)
        var tokens: [ExpressionToken] = []
        while let token = try? lexer.next(), token.kind != .end { tokens.append(token) }
        var ranges: [Range<Int>] = []
        for i in tokens.indices.dropLast(2) {
            guard case .identifier = tokens[i].kind, tokens[i + 1].kind == .leftParen,
                  case .string(let literal) = tokens[i + 2].kind, literal == name else { continue }
            let identifier = String(decoding: bytes[tokens[i].start..<tokens[i].end], as: UTF8.self)
            if BuiltinFunction(caseInsensitiveName: identifier)?.referencesStep == true {
                ranges.append(tokens[i + 2].start..<tokens[i + 2].end)
            }
        }
        return ranges
    }
}

extension StepRename {
    /// `text` with references to every step in `renames` (old name → new name) rewritten in one pass (pasting a
    /// block of steps renames many at once); unchanged when it does not parse.
    public static func rename(in text: String, renames: [String: String]) -> String {
        rewriteFirstArguments(in: text, renames: renames, key: { $0 }) { $0.referencesStep }
    }

    /// `text` with `variables('old')` rewritten to `variables('new')` for every variable in `renames`, whose keys are
    /// lower-cased (variable names are case-insensitive); unchanged when it does not parse.
    public static func renameVariables(in text: String, renames: [String: String]) -> String {
        rewriteFirstArguments(in: text, renames: renames, key: { $0.lowercased() }) { $0 == .variables }
    }

    /// Rewrites the string literal that is the first argument of a call `matches` accepts, when `renames` has its
    /// `key`: the author's formatting is kept around it.
    private static func rewriteFirstArguments(in text: String, renames: [String: String], key: (String) -> String,
                                              matches: (BuiltinFunction) -> Bool) -> String {
        let bytes = Array(text.utf8)
        guard !renames.isEmpty, bytes.contains(UInt8(ascii: "@")),
              let scan = try? FlowStringScanner(bytes: bytes).scan() else { return text }
        var edits: [(range: Range<Int>, name: String)] = []
        for piece in scan.pieces {
            guard case .expression(_, let range) = piece else { continue }
            var lexer = ExpressionLexer(bytes: Array(bytes[..<range.upperBound]), position: range.lowerBound)
            var tokens: [ExpressionToken] = []
            while let token = try? lexer.next(), token.kind != .end { tokens.append(token) }
            for i in tokens.indices.dropLast(2) {
                guard case .identifier = tokens[i].kind, tokens[i + 1].kind == .leftParen,
                      case .string(let literal) = tokens[i + 2].kind, let new = renames[key(literal)] else { continue }
                let identifier = String(decoding: bytes[tokens[i].start..<tokens[i].end], as: UTF8.self)
                if let function = BuiltinFunction(caseInsensitiveName: identifier), matches(function) {
                    edits.append((tokens[i + 2].start..<tokens[i + 2].end, new))
                }
            }
        }
        guard !edits.isEmpty else { return text }
        var out = bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            var replacement = ""
            ExpressionPrinter.printString(edit.name, into: &replacement)
            out.replaceSubrange(edit.range, with: Array(replacement.utf8))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
