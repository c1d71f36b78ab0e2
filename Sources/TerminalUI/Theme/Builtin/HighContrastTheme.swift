extension BuiltinThemes {
    /// The built-in copy of `Themes/high-contrast.toml`.
    static let highContrast = """
        # InsightFlow theme: high-contrast. Maximum contrast: bright text on black, selections in yellow.
        # Roles: fg/bg are 16-colour names, fg256/bg256 xterm palette numbers (0-255),
        # attributes apply in colour, mono replaces them when there is no colour (NO_COLOR).
        name = "high-contrast"

        [roles.text]
        fg = "bright-white"
        bg = "black"
        fg256 = 231
        bg256 = 16
        attributes = []

        [roles.title]
        fg = "bright-yellow"
        bg = "black"
        fg256 = 226
        bg256 = 16
        attributes = ["bold", "underline"]

        [roles.breadcrumb]
        fg = "bright-cyan"
        bg = "black"
        fg256 = 51
        bg256 = 16
        attributes = ["bold"]
        mono = ["bold", "underline"]

        [roles.menu]
        fg = "bright-white"
        bg = "black"
        fg256 = 231
        bg256 = 16
        attributes = []

        [roles.selection]
        fg = "black"
        bg = "bright-yellow"
        fg256 = 16
        bg256 = 226
        attributes = ["bold"]
        mono = ["reverse", "bold"]

        [roles.border]
        fg = "bright-white"
        bg = "black"
        fg256 = 231
        bg256 = 16
        attributes = []
        mono = []

        [roles.muted]
        fg = "white"
        bg = "black"
        fg256 = 250
        bg256 = 16
        attributes = []
        mono = []

        [roles.success]
        fg = "bright-green"
        bg = "black"
        fg256 = 46
        bg256 = 16
        attributes = ["bold"]
        mono = ["bold"]

        [roles.warning]
        fg = "bright-yellow"
        bg = "black"
        fg256 = 226
        bg256 = 16
        attributes = ["bold"]
        mono = ["bold"]

        [roles.error]
        fg = "bright-red"
        bg = "black"
        fg256 = 196
        bg256 = 16
        attributes = ["bold", "underline"]
        mono = ["bold", "underline"]

        [roles.trigger]
        fg = "bright-magenta"
        bg = "black"
        fg256 = 201
        bg256 = 16
        attributes = ["bold"]

        [roles.action]
        fg = "bright-cyan"
        bg = "black"
        fg256 = 51
        bg256 = 16
        attributes = ["bold"]

        [roles.status-bar]
        fg = "black"
        bg = "bright-white"
        fg256 = 16
        bg256 = 231
        attributes = ["bold"]
        mono = ["reverse", "bold"]

        [roles.key]
        fg = "black"
        bg = "bright-yellow"
        fg256 = 16
        bg256 = 226
        attributes = ["bold"]
        mono = ["reverse", "bold"]

        [roles.field]
        fg = "bright-white"
        bg = "black"
        fg256 = 231
        bg256 = 16
        attributes = ["underline"]
        mono = ["underline"]

        [roles.focused-field]
        fg = "black"
        bg = "bright-cyan"
        fg256 = 16
        bg256 = 51
        attributes = ["bold"]
        mono = ["reverse", "bold"]

        [roles.dialog]
        fg = "bright-white"
        bg = "black"
        fg256 = 231
        bg256 = 16
        attributes = []
        mono = []
        """
}
