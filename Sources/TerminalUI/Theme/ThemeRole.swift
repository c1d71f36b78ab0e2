/// The semantic roles a theme styles. Screens ask for a role, never for a colour.
public enum ThemeRole: String, Sendable, Hashable, CaseIterable {
    case text, title, breadcrumb, menu, selection, border, muted, success, warning, error, trigger, action
    case statusBar = "status-bar"
    case key
    case field
    case focusedField = "focused-field"
    case dialog
}

/// The colour capability the theme is rendered for.
public enum ColorMode: Sendable, Hashable {
    /// Attributes only (NO_COLOR, monochrome terminals).
    case none
    /// The 16 ANSI colours.
    case ansi16
    /// The 256-colour xterm palette.
    case palette256

    /// The mode for a terminal with `colors` colours, honouring `NO_COLOR`.
    public static func detect(colors: Int, environment: [String: String]) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        if colors >= 256 { return .palette256 }
        if colors >= 8 { return .ansi16 }
        return .none
    }
}

/// One role as a theme file writes it.
public struct RoleDefinition: Sendable, Hashable {
    public var foreground16: TerminalColor = .default
    public var background16: TerminalColor = .default
    public var foreground256: TerminalColor?
    public var background256: TerminalColor?
    public var attributes: TextAttributes = []
    /// Attributes used instead when there is no colour (defaults to `attributes`).
    public var monoAttributes: TextAttributes?

    public init() {}

    /// The style in a colour mode.
    public func style(_ mode: ColorMode) -> Style {
        switch mode {
        case .none: return Style(attributes: monoAttributes ?? attributes)
        case .ansi16: return Style(foreground: foreground16, background: background16, attributes: attributes)
        case .palette256: return Style(foreground: foreground256 ?? foreground16, background: background256 ?? background16, attributes: attributes)
        }
    }
}

/// A theme resolved for one terminal: a style per role plus the box glyphs to draw with.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var mode: ColorMode
    public var glyphs: BoxGlyphs
    private var styles: [ThemeRole: Style]

    public init(name: String, roles: [ThemeRole: RoleDefinition], mode: ColorMode, glyphs: BoxGlyphs) {
        self.name = name
        self.mode = mode
        self.glyphs = glyphs
        var styles: [ThemeRole: Style] = [:]
        for role in ThemeRole.allCases { styles[role] = (roles[role] ?? RoleDefinition()).style(mode) }
        self.styles = styles
    }

    /// The style of a role.
    public subscript(role: ThemeRole) -> Style { styles[role] ?? .plain }

    /// A plain theme for tests: no colours, selection reversed, Unicode boxes.
    public static let plain: Theme = {
        var selection = RoleDefinition()
        selection.attributes = .reverse
        return Theme(name: "plain", roles: [.selection: selection, .focusedField: selection], mode: .none, glyphs: .unicode)
    }()
}
