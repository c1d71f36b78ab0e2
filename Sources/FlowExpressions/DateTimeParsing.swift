/// Reading timestamps written in a .NET pattern and culture: `parseDateTime` and the non-ISO forms the date functions
/// accept (`03/15/2018 12:00:00`, `Thu, 15 Mar 2018 12:00:00 GMT`). Digit fields take one or more digits, names
/// match in any letter case, and a space in the pattern matches any run of spaces.
enum DateTimeParsing {
    /// ISO 8601 first, then the culture's date patterns, each alone or followed by a time.
    static func parseLenient(_ text: String, culture: Culture) -> FlowDateTime? {
        let trimmed = text.trimmingSpaces
        if let iso = FlowDateTime.parse(trimmed) { return iso }
        for pattern in lenientPatterns(culture) {
            if let time = parse(trimmed, pattern: pattern, culture: culture) { return time }
        }
        return nil
    }

    static func lenientPatterns(_ culture: Culture) -> [String] {
        let dates = [culture.shortDate, culture.longDate, "yyyy/M/d", "MMMM d, yyyy", "d MMMM yyyy", "dddd, MMMM d, yyyy"]
        let times = ["", " H:mm:ss.FFFFFFF", " H:mm:ss", " H:mm", " h:mm:ss tt", " h:mm tt", " H:mm:ssK", " H:mm:ss.FFFFFFFK"]
        var patterns: [String] = []
        for date in dates { for time in times { patterns.append(date + time) } }
        patterns.append("ddd, dd MMM yyyy HH':'mm':'ss 'GMT'")
        return patterns
    }

    /// The time `text` holds in exactly `pattern` (a one-letter standard format or a custom pattern), or nil.
    static func parse(_ text: String, pattern: String, culture: Culture) -> FlowDateTime? {
        var expanded = pattern
        var parseCulture = culture
        if pattern.count == 1, let letter = pattern.first {
            guard let standard = DotNetDateFormat.standardPattern(letter, culture) else { return nil }
            expanded = standard
            if "oOrRsu".contains(letter) { parseCulture = .invariant }
        }
        var reader = PatternReader(text: Array(text), culture: parseCulture)
        return reader.read(Array(expanded))
    }
}

/// Matches a pattern against text, collecting the fields.
private struct PatternReader {
    let text: [Character]
    let culture: Culture
    var index = 0
    var fields = FlowDateTime.Fields(year: 1, month: 1, day: 1, hour: 0, minute: 0, second: 0, fraction: 0)
    var pm: Bool?
    var offsetSeconds: Int?
    var isUTC = false

    init(text: [Character], culture: Culture) {
        self.text = text
        self.culture = culture
    }

    mutating func read(_ pattern: [Character]) -> FlowDateTime? {
        var i = 0
        while i < pattern.count {
            let c = pattern[i]
            var run = 1
            while i + run < pattern.count, pattern[i + run] == c { run += 1 }
            switch c {
            case "'", "\"":
                var j = i + 1
                while j < pattern.count, pattern[j] != c {
                    guard literal(pattern[j]) else { return nil }
                    j += 1
                }
                i = j + 1
                continue
            case "\\":
                guard i + 1 < pattern.count, literal(pattern[i + 1]) else { return nil }
                i += 2
                continue
            case "%":
                i += 1
                continue
            case " ":
                guard index < text.count, text[index].isWhitespace else { return nil }
                while index < text.count, text[index].isWhitespace { index += 1 }
            case "/":
                for _ in 0..<run { guard literalText(culture.dateSeparator) else { return nil } }
            default:
                guard field(c, run) else { return nil }
            }
            i += run
        }
        guard index == text.count else { return nil }
        if let pm {
            guard (1...12).contains(fields.hour) else { return nil }
            fields.hour = fields.hour % 12 + (pm ? 12 : 0)
        }
        guard let local = FlowDateTime.make(fields, isUTC: isUTC) else { return nil }
        guard let offsetSeconds, offsetSeconds != 0 else { return local }
        return local.adding(ticks: -Int64(offsetSeconds) * FlowDateTime.ticksPerSecond)
    }

    mutating func field(_ c: Character, _ run: Int) -> Bool {
        switch c {
        case "y":
            guard let (value, count) = number(maxDigits: run <= 2 ? 2 : max(run, 4)) else { return false }
            fields.year = count <= 2 && run <= 2 ? (value <= 49 ? 2000 + value : 1900 + value) : value
        case "M":
            if run >= 3 {
                guard let month = name(run == 3 ? culture.shortMonths + culture.months : culture.months + culture.shortMonths) else { return false }
                fields.month = month % 12 + 1
            } else {
                guard let (value, _) = number(maxDigits: 2) else { return false }
                fields.month = value
            }
        case "d":
            if run >= 3 { return name(culture.days + culture.shortDays) != nil }
            guard let (value, _) = number(maxDigits: 2) else { return false }
            fields.day = value
        case "H", "h":
            guard let (value, _) = number(maxDigits: 2) else { return false }
            fields.hour = value
        case "m":
            guard let (value, _) = number(maxDigits: 2) else { return false }
            fields.minute = value
        case "s":
            guard let (value, _) = number(maxDigits: 2) else { return false }
            fields.second = value
        case "f", "F":
            let start = index
            guard let (value, count) = number(maxDigits: run) else { return c == "F" && index == start }
            guard c == "F" || count == run else { return false }
            var ticks = value
            for _ in count..<7 { ticks *= 10 }
            fields.fraction = ticks
        case "t":
            let lower = index < text.count ? String(text[index...]).lowercased() : ""
            let am = culture.am.lowercased(), pmText = culture.pm.lowercased()
            let candidates = run == 1 ? [(String(am.prefix(1)), false), (String(pmText.prefix(1)), true)] : [(am, false), (pmText, true)]
            guard let match = candidates.filter({ !$0.0.isEmpty && lower.hasPrefix($0.0) }).max(by: { $0.0.count < $1.0.count }) else { return false }
            index += match.0.count
            pm = match.1
        case "K", "z":
            return zone()
        default:
            for _ in 0..<run { guard literal(c) else { return false } }
        }
        return true
    }

    /// One or more digits, at most `maxDigits`.
    mutating func number(maxDigits: Int) -> (Int, Int)? {
        var value = 0
        var count = 0
        while index < text.count, count < maxDigits, let digit = text[index].wholeNumberValue, text[index].isASCII {
            value = value * 10 + digit
            count += 1
            index += 1
        }
        return count == 0 ? nil : (value, count)
    }

    /// The index of the longest name the text continues with (case-insensitive).
    mutating func name(_ names: [String]) -> Int? {
        let rest = String(text[index...]).lowercased()
        var best: (Int, Int)?
        for (position, candidate) in names.enumerated() where !candidate.isEmpty && rest.hasPrefix(candidate.lowercased()) {
            if best == nil || candidate.count > (best?.1 ?? 0) { best = (position, candidate.count) }
        }
        guard let best else { return nil }
        index += best.1
        return best.0
    }

    /// `Z`, `±hh:mm`, `±hhmm`, `±hh`, or nothing.
    mutating func zone() -> Bool {
        guard index < text.count else { return true }
        if text[index] == "Z" || text[index] == "z" {
            index += 1
            isUTC = true
            return true
        }
        guard text[index] == "+" || text[index] == "-" else { return true }
        let sign = text[index] == "-" ? -1 : 1
        index += 1
        guard let (hours, _) = number(maxDigits: 2), hours <= 14 else { return false }
        var minutes = 0
        if index < text.count, text[index] == ":" { index += 1 }
        if let (value, _) = number(maxDigits: 2) { minutes = value }
        guard minutes < 60 else { return false }
        isUTC = true
        offsetSeconds = sign * (hours * 3600 + minutes * 60)
        return true
    }

    mutating func literal(_ c: Character) -> Bool {
        guard index < text.count, text[index] == c || (c == " " && text[index].isWhitespace) else { return false }
        index += 1
        return true
    }

    mutating func literalText(_ s: String) -> Bool {
        for c in s { guard literal(c) else { return false } }
        return true
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}
