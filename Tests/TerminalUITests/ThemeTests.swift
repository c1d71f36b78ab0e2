import Foundation
import Testing
@testable import TerminalUI

@Suite struct ThemeTests {
    private let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes")

    @Test(arguments: ["default-dark", "light", "high-contrast", "monochrome"])
    func shippedThemesParseAndMatchTheBuiltInCopies(name: String) throws {
        let data = try #require(FileManager.default.contents(atPath: themesFolder.appendingPathComponent("\(name).toml").path))
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.trimmingCharacters(in: .newlines) == BuiltinThemes.texts[name]?.trimmingCharacters(in: .newlines))
        let roles = try ThemeLoader.parse(text, file: name)
        #expect(roles.count == ThemeRole.allCases.count)
        let (theme, error) = ThemeLoader.load(name: name, folders: [themesFolder], mode: .palette256, glyphs: .unicode)
        #expect(error == nil)
        #expect(theme.name == name)
        let crlf = try ThemeLoader.parse(text.replacingOccurrences(of: "\n", with: "\r\n"), file: name + " (CRLF)")
        #expect(crlf == roles, "a theme saved with Windows line endings reads the same")
    }

    @Test func noColorGivesAttributeOnlyStylesWithAVisibleSelection() {
        let mode = ColorMode.detect(colors: 256, environment: ["NO_COLOR": "1"])
        #expect(mode == .none)
        let theme = ThemeLoader.load(name: "default-dark", folders: [], mode: mode, glyphs: .ascii).theme
        for role in ThemeRole.allCases {
            #expect(theme[role].foreground == .default && theme[role].background == .default)
        }
        #expect(theme[.selection].attributes.contains(.reverse))
    }

    @Test func colourDepthPicksThePalette() {
        #expect(ColorMode.detect(colors: 16, environment: [:]) == .ansi16)
        let dark256 = ThemeLoader.load(name: "default-dark", folders: [], mode: .palette256, glyphs: .unicode).theme
        let dark16 = ThemeLoader.load(name: "default-dark", folders: [], mode: .ansi16, glyphs: .unicode).theme
        #expect(dark256[.selection].background == .palette(25))
        #expect(dark16[.selection].background == .ansi(6))
    }

    @Test func brokenThemeNamesFileAndKeyAndFallsBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "[roles.title]\nfg = \"purpel\"\n".write(to: folder.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        let (theme, error) = ThemeLoader.load(name: "mine", folders: [folder], mode: .ansi16, glyphs: .unicode)
        #expect(theme.name == ThemeLoader.defaultName)
        let message = try #require(error).description
        #expect(message.contains("mine.toml") && message.contains("roles.title.fg") && message.contains("purpel"))
    }

    @Test func strictParserRejectsUnknownRolesAndSyntax() {
        #expect(throws: ThemeError.self) { try ThemeLoader.parse("[roles.titel]\nfg = \"red\"", file: "x") }
        #expect(throws: ThemeError.self) { try ThemeLoader.parse("[roles.title]\nfg red", file: "x") }
        #expect(throws: ThemeError.self) { try ThemeLoader.parse("[roles.title]\nfg256 = 300", file: "x") }
    }

    @Test func chosenNamePrefersTheExplicitOption() {
        #expect(ThemeLoader.chosenName(explicit: "light", environment: ["INSIGHTFLOW_THEME": "monochrome"]) == "light")
        #expect(ThemeLoader.chosenName(explicit: nil, environment: ["INSIGHTFLOW_THEME": "monochrome"]) == "monochrome")
        #expect(ThemeLoader.chosenName(explicit: nil, environment: [:]) == "default-dark")
    }
}
