extension BuiltinThemes {
    /// The built-in copy of `Themes/light.toml`.
    static let light = """
        # InsightFlow theme: light. For terminals with a light background.
        # Roles: fg/bg are 16-colour names, fg256/bg256 xterm palette numbers (0-255),
        # attributes apply in colour, mono replaces them when there is no colour (NO_COLOR).
        name = "light"

        [roles.text]
        fg = "black"
        bg = "default"
        fg256 = 235
        attributes = []

        [roles.title]
        fg = "blue"
        bg = "default"
        fg256 = 25
        attributes = ["bold"]

        [roles.breadcrumb]
        fg = "blue"
        bg = "default"
        fg256 = 31
        attributes = []
        mono = ["underline"]

        [roles.menu]
        fg = "black"
        bg = "default"
        fg256 = 235
        attributes = []

        [roles.selection]
        fg = "white"
        bg = "blue"
        fg256 = 231
        bg256 = 31
        attributes = ["bold"]
        mono = ["reverse", "bold"]

        [roles.border]
        fg = "bright-black"
        bg = "default"
        fg256 = 247
        attributes = []
        mono = []

        [roles.muted]
        fg = "bright-black"
        bg = "default"
        fg256 = 243
        attributes = []
        mono = ["dim"]

        [roles.success]
        fg = "green"
        bg = "default"
        fg256 = 28
        attributes = []
        mono = ["bold"]

        [roles.warning]
        fg = "yellow"
        bg = "default"
        fg256 = 130
        attributes = ["bold"]
        mono = ["bold"]

        [roles.error]
        fg = "red"
        bg = "default"
        fg256 = 160
        attributes = ["bold"]
        mono = ["bold", "underline"]

        [roles.trigger]
        fg = "magenta"
        bg = "default"
        fg256 = 90
        attributes = ["bold"]

        [roles.action]
        fg = "blue"
        bg = "default"
        fg256 = 24
        attributes = []

        [roles.status-bar]
        fg = "white"
        bg = "blue"
        fg256 = 235
        bg256 = 253
        attributes = []
        mono = ["reverse"]

        [roles.key]
        fg = "yellow"
        bg = "blue"
        fg256 = 25
        bg256 = 253
        attributes = ["bold"]
        mono = ["reverse", "bold"]

        [roles.field]
        fg = "black"
        bg = "default"
        fg256 = 235
        bg256 = 255
        attributes = ["underline"]
        mono = ["underline"]

        [roles.focused-field]
        fg = "white"
        bg = "blue"
        fg256 = 231
        bg256 = 31
        attributes = []
        mono = ["reverse"]

        [roles.dialog]
        fg = "black"
        bg = "default"
        fg256 = 235
        bg256 = 254
        attributes = []
        mono = []
        """
}
