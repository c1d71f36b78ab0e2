/// One mailbox: an address and an optional display name (`Ann Lee <ann@example.com>`).
struct MailAddress: Sendable, Hashable {
    var name: String
    var address: String

    /// Parses one mailbox; nil when the address is not `local@domain` without spaces or brackets.
    init?(_ text: String) {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        var display = ""
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            display = String(trimmed[..<open]).trimmingCharacters(in: .whitespaces)
            if display.count >= 2, display.hasPrefix("\""), display.hasSuffix("\"") {
                display = String(display.dropFirst().dropLast())
            }
            trimmed = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        }
        guard Self.isValid(trimmed) else { return nil }
        name = display
        address = trimmed
    }

    /// `local@domain`: one `@`, both sides non-empty, no spaces, brackets, quotes, commas or control characters.
    static func isValid(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        return !address.unicodeScalars.contains { scalar in
            scalar.value < 0x21 || scalar.value == 0x7F || "<>()[],;:\\\"".unicodeScalars.contains(scalar)
        }
    }

    /// Splits a recipient list on `;` and `,` outside quotes and angle brackets; empty entries are skipped.
    /// Returns the mailboxes and the entries that are not addresses.
    static func list(_ text: String) -> (addresses: [MailAddress], invalid: [String]) {
        var entries: [String] = []
        var current = ""
        var quoted = false
        var angle = false
        for character in text {
            switch character {
            case "\"": quoted.toggle()
            case "<" where !quoted: angle = true
            case ">" where !quoted: angle = false
            case ";" where !quoted && !angle, "," where !quoted && !angle:
                entries.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        entries.append(current)
        var addresses: [MailAddress] = []
        var invalid: [String] = []
        for entry in entries.map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            if let address = MailAddress(entry) { addresses.append(address) } else { invalid.append(entry) }
        }
        return (addresses, invalid)
    }

    /// The mailbox as a header writes it: the display name quoted, or encoded when not ASCII.
    var headerText: String {
        let clean = MailEncoding.singleLine(name)
        guard !clean.isEmpty else { return address }
        if clean.allSatisfy({ $0.isASCII }) {
            let escaped = clean.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\" <\(address)>"
        }
        return MailEncoding.encodedWords(clean).joined(separator: " ") + " <\(address)>"
    }
}
