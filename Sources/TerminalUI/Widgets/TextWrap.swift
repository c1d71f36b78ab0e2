/// Word wrapping by display width.
public enum TextWrap {
    /// `text` broken into lines of at most `width` columns, at spaces where possible; explicit newlines kept.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if CharacterWidth.of(candidate) <= width {
                    line = candidate
                    continue
                }
                if !line.isEmpty { result.append(line) }
                var rest = String(word)
                while CharacterWidth.of(rest) > width {
                    var head = ""
                    for character in rest {
                        if CharacterWidth.of(head) + CharacterWidth.of(character) > width { break }
                        head.append(character)
                    }
                    guard !head.isEmpty else { break }
                    result.append(head)
                    rest = String(rest.dropFirst(head.count))
                }
                line = rest
            }
            result.append(line)
        }
        return result
    }
}
