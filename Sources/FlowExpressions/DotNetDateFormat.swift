/// .NET date and time format strings: standard one-letter formats and custom patterns, in a culture (en-US by default).
enum DotNetDateFormat {
    /// The custom pattern a one-letter standard format stands for in `culture`, or nil if `letter` is not one.
    static func standardPattern(_ letter: Character, _ culture: Culture = .enUS) -> String? {
        switch letter {
        case "d": return culture.shortDate
        case "D": return culture.longDate
        case "f": return culture.longDate + " " + culture.shortTime
        case "F", "U": return culture.longDate + " " + culture.longTime
        case "g": return culture.shortDate + " " + culture.shortTime
        case "G": return culture.shortDate + " " + culture.longTime
        case "m", "M": return culture.monthDay
        case "o", "O": return "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK"
        case "r", "R": return "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'"
        case "s": return "yyyy'-'MM'-'dd'T'HH':'mm':'ss"
        case "t": return culture.shortTime
        case "T": return culture.longTime
        case "u": return "yyyy'-'MM'-'dd HH':'mm':'ss'Z'"
        case "y", "Y": return culture.yearMonth
        default: return nil
        }
    }

    /// Formats `time`; nil when `format` is a single letter that is not a standard format. The round-trip and
    /// sortable formats (o, r, s, u) are culture-invariant.
    static func format(_ time: FlowDateTime, _ format: String, culture: Culture = .enUS) -> String? {
        if format.count == 1, let letter = format.first {
            guard let pattern = standardPattern(letter, culture) else { return nil }
            return custom(time, pattern, culture: "oOrRsu".contains(letter) ? .invariant : culture)
        }
        return custom(time, format, culture: culture)
    }

    /// Applies a custom pattern (yyyy, MM, dd, HH, hh, mm, ss, fff, FFF, tt, ddd, dddd, MMM, MMMM, K, zzz, 'literal', \c, %c).
    static func custom(_ time: FlowDateTime, _ pattern: String, culture: Culture = .enUS) -> String {
        let f = time.fields
        let characters = Array(pattern)
        var out = ""
        var i = 0
        while i < characters.count {
            let c = characters[i]
            var run = 1
            while i + run < characters.count, characters[i + run] == c { run += 1 }
            switch c {
            case "'", "\"":
                var j = i + 1
                while j < characters.count, characters[j] != c { out.append(characters[j]); j += 1 }
                i = j + 1
                continue
            case "\\":
                if i + 1 < characters.count { out.append(characters[i + 1]) }
                i += 2
                continue
            case "%":
                i += 1
                continue
            default:
                let text = field(c, run, f, time, culture)
                if c == "F", text.isEmpty, out.last == "." { out.removeLast() }
                out += text
            }
            i += run
        }
        return out
    }

    static func field(_ c: Character, _ run: Int, _ f: FlowDateTime.Fields, _ time: FlowDateTime, _ culture: Culture) -> String {
        switch c {
        case "y": return run == 1 ? String(f.year % 100) : pad(run == 2 ? f.year % 100 : f.year, run)
        case "M":
            switch run {
            case 1, 2: return pad(f.month, run)
            case 3: return culture.shortMonths[f.month - 1]
            default: return culture.months[f.month - 1]
            }
        case "d":
            switch run {
            case 1, 2: return pad(f.day, run)
            case 3: return culture.shortDays[time.dayOfWeek]
            default: return culture.days[time.dayOfWeek]
            }
        case "H": return pad(f.hour, min(run, 2))
        case "h": return pad(f.hour % 12 == 0 ? 12 : f.hour % 12, min(run, 2))
        case "m": return pad(f.minute, min(run, 2))
        case "s": return pad(f.second, min(run, 2))
        case "f", "F": return fraction(f.fraction, digits: min(run, 7), trim: c == "F")
        case "t":
            let designator = f.hour < 12 ? culture.am : culture.pm
            return run == 1 ? String(designator.prefix(1)) : designator
        case "K": return time.isUTC ? "Z" : ""
        case "z": return run == 1 ? "+0" : (run == 2 ? "+00" : "+00:00")
        case "g": return "A.D."
        case ":": return ":"
        case "/": return String(repeating: culture.dateSeparator, count: run)
        default: return String(repeating: c, count: run)
        }
    }

    static func fraction(_ ticks: Int, digits: Int, trim: Bool) -> String {
        var text = pad(ticks, 7).prefix(digits)
        if trim { while text.last == "0" { text.removeLast() } }
        return String(text)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
