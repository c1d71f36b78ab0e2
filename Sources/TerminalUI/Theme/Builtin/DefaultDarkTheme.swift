extension BuiltinThemes {
    /// The built-in copy of `Themes/default-dark.toml`.
    static let defaultDark = """
        # InsightFlow theme: default-dark. The default theme for dark terminals.
        # Roles: fg/bg are 16-colour names, fg256/bg256 xterm palette numbers (0-255),
        # attributes apply in colour, mono replaces them when there is no colour (NO_COLOR).
        name = "default-dark"

        [roles.text]
        fg = "default"
        bg = "default"
        fg256 = 252
        attributes = []

        [roles.title]
        fg = "cyan"
        bg = "default"
        fg256 = 81
        attributes = ["bold"]

        [roles.breadcrumb]
        fg = "blue"
        bg = "default"
        fg256 = 110
        attributes = []
        mono = ["underline"]

        [roles.menu]
        fg = "default"
        bg = "default"
        fg256 = 252
        attributes = []

        [roles.selection]
        fg = "black"
        bg = "cyan"
        fg256 = 231
        bg256 = 25
        attributes = ["bold"]
        mono = ["reverse", "bold"]

        [roles.border]
        fg = "bright-black"
        bg = "default"
        fg256 = 240
        attributes = []
        mono = []

        [roles.muted]
        fg = "bright-black"
        bg = "default"
        fg256 = 245
        attributes = []
        mono = ["dim"]

        [roles.success]
        fg = "green"
        bg = "default"
        fg256 = 114
        attributes = []
        mono = ["bold"]

        [roles.warning]
        fg = "yellow"
        bg = "default"
        fg256 = 221
        attributes = []
        mono = ["bold"]

        [roles.error]
        fg = "red"
        bg = "default"
        fg256 = 203
        attributes = ["bold"]
        mono = ["bold", "underline"]

        [roles.trigger]
        fg = "magenta"
        bg = "default"
        fg256 = 177
        attributes = ["bold"]

        [roles.action]
        fg = "cyan"
        bg = "default"
        fg256 = 117
        attributes = []

        [roles.status-bar]
        fg = "black"
        bg = "white"
        fg256 = 252
        bg256 = 236
        attributes = []
        mono = ["reverse"]

        [roles.key]
        fg = "blue"
        bg = "white"
        fg256 = 221
        bg256 = 236
        attributes = ["bold"]
        mono = ["reverse", "bold"]

        [roles.field]
        fg = "default"
        bg = "default"
        fg256 = 252
        bg256 = 237
        attributes = ["underline"]
        mono = ["underline"]

        [roles.focused-field]
        fg = "black"
        bg = "cyan"
        fg256 = 231
        bg256 = 24
        attributes = []
        mono = ["reverse"]

        [roles.dialog]
        fg = "default"
        bg = "default"
        fg256 = 252
        bg256 = 236
        attributes = []
        mono = []
        """
}
