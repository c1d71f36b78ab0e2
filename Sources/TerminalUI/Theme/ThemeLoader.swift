import Foundation

/// A theme file that could not be used: which file, which key, what is wrong.
public struct ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var key: String
    public var message: String

    public var description: String { "theme \(file): \(key): \(message); using the default theme" }
}

/// Finds a theme by name (a file in the theme folders, else a built-in one), checks it strictly and resolves it for
/// the terminal. A broken theme never stops the app: the default is used and the error is reported.
public enum ThemeLoader {
    /// The theme used when none is chosen or the chosen one is broken.
    public static let defaultName = "default-dark"
    /// The names of the built-in themes.
    public static var builtinNames: [String] { BuiltinThemes.texts.keys.sorted() }

    /// The theme name to use: the explicit choice, else `INSIGHTFLOW_THEME`, else the setting, else the default.
    public static func chosenName(explicit: String?, environment: [String: String], setting: String? = nil) -> String {
        for candidate in [explicit, environment["INSIGHTFLOW_THEME"], setting] {
            if let candidate, !candidate.isEmpty { return candidate }
        }
        return defaultName
    }

    /// Loads and resolves a theme; on any error returns the default theme and the error.
    public static func load(name: String, folders: [URL], mode: ColorMode, glyphs: BoxGlyphs) -> (theme: Theme, error: ThemeError?) {
        do {
            let (text, file) = try source(for: name, folders: folders)
            return (Theme(name: name, roles: try parse(text, file: file), mode: mode, glyphs: glyphs), nil)
        } catch {
            let fallback = (try? parse(BuiltinThemes.texts[defaultName] ?? "", file: "built-in \(defaultName)")) ?? [:]
            return (Theme(name: defaultName, roles: fallback, mode: mode, glyphs: glyphs), error)
        }
    }

    /// The TOML text of a theme and the file it came from: a path, `<folder>/<name>.toml`, or the built-in copy.
    static func source(for name: String, folders: [URL]) throws(ThemeError) -> (String, String) {
        var candidates: [URL] = []
        if name.hasSuffix(".toml") || name.contains("/") {
            candidates.append(URL(fileURLWithPath: name))
        } else {
            candidates += folders.map { $0.appendingPathComponent("\(name).toml") }
        }
        for url in candidates where FileManager.default.fileExists(atPath: url.path) {
            guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                throw ThemeError(file: url.path, key: "-", message: "cannot be read as UTF-8 text")
            }
            return (text, url.path)
        }
        if let builtin = BuiltinThemes.texts[name] { return (builtin, "built-in \(name)") }
        let known = builtinNames.joined(separator: ", ")
        throw ThemeError(file: candidates.first?.path ?? name, key: "-", message: "no such theme (built-in themes: \(known))")
    }

    /// The roles of a theme file, checked strictly: every key, role, colour and attribute must be known.
    public static func parse(_ text: String, file: String) throws(ThemeError) -> [ThemeRole: RoleDefinition] {
        let entries: [(key: String, value: TOMLSubset.Value, line: Int)]
        do {
            entries = try TOMLSubset.parse(text)
        } catch {
            throw ThemeError(file: file, key: "line \(error.line)", message: error.message)
        }
        var roles: [ThemeRole: RoleDefinition] = [:]
        for entry in entries {
            if entry.key == "name" || entry.key == "description" { continue }
            let parts = entry.key.split(separator: ".").map(String.init)
            guard parts.count == 3, parts[0] == "roles" else {
                throw ThemeError(file: file, key: entry.key, message: "unknown setting (expected roles.<role>.<fg|bg|fg256|bg256|attributes|mono>)")
            }
            guard let role = ThemeRole(rawValue: parts[1]) else {
                throw ThemeError(file: file, key: entry.key, message: "unknown role '\(parts[1])' (roles: \(ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            var definition = roles[role] ?? RoleDefinition()
            try apply(parts[2], entry.value, to: &definition, file: file, key: entry.key)
            roles[role] = definition
        }
        return roles
    }

    private static func apply(_ field: String, _ value: TOMLSubset.Value, to definition: inout RoleDefinition, file: String, key: String) throws(ThemeError) {
        switch (field, value) {
        case ("fg", .string(let name)): definition.foreground16 = try color16(name, file: file, key: key)
        case ("bg", .string(let name)): definition.background16 = try color16(name, file: file, key: key)
        case ("fg256", .integer(let index)): definition.foreground256 = try color256(index, file: file, key: key)
        case ("bg256", .integer(let index)): definition.background256 = try color256(index, file: file, key: key)
        case ("attributes", .strings(let names)): definition.attributes = try attributes(names, file: file, key: key)
        case ("mono", .strings(let names)): definition.monoAttributes = try attributes(names, file: file, key: key)
        case ("fg", _), ("bg", _): throw ThemeError(file: file, key: key, message: "expected a colour name in quotes")
        case ("fg256", _), ("bg256", _): throw ThemeError(file: file, key: key, message: "expected a palette number 0-255")
        case ("attributes", _), ("mono", _): throw ThemeError(file: file, key: key, message: "expected a list such as [\"bold\", \"underline\"]")
        default: throw ThemeError(file: file, key: key, message: "unknown field '\(field)' (fields: fg, bg, fg256, bg256, attributes, mono)")
        }
    }

    static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    private static func color16(_ name: String, file: String, key: String) throws(ThemeError) -> TerminalColor {
        let lowered = name.lowercased()
        if lowered == "default" { return .default }
        if let index = colorNames.firstIndex(of: lowered) { return .ansi(UInt8(index)) }
        if lowered.hasPrefix("bright-"), let index = colorNames.firstIndex(of: String(lowered.dropFirst(7))) { return .ansi(UInt8(index + 8)) }
        throw ThemeError(file: file, key: key, message: "unknown colour '\(name)' (use default, \(colorNames.joined(separator: ", ")) or bright-<colour>)")
    }

    private static func color256(_ index: Int, file: String, key: String) throws(ThemeError) -> TerminalColor {
        guard (0...255).contains(index) else { throw ThemeError(file: file, key: key, message: "palette number \(index) is outside 0-255") }
        return .palette(UInt8(index))
    }

    private static func attributes(_ names: [String], file: String, key: String) throws(ThemeError) -> TextAttributes {
        var result: TextAttributes = []
        for name in names {
            guard let attribute = TextAttributes.names[name.lowercased()] else {
                throw ThemeError(file: file, key: key, message: "unknown attribute '\(name)' (use \(TextAttributes.names.keys.sorted().joined(separator: ", ")))")
            }
            result.formUnion(attribute)
        }
        return result
    }
}
