extension BuiltinThemes {
    /// The built-in copy of `Themes/monochrome.toml`.
    static let monochrome = """
        # InsightFlow theme: monochrome. No colours at all: attributes only (what NO_COLOR shows with any theme).
        # Roles: fg/bg are 16-colour names, fg256/bg256 xterm palette numbers (0-255),
        # attributes apply in colour, mono replaces them when there is no colour (NO_COLOR).
        name = "monochrome"

        [roles.text]
        fg = "default"
        bg = "default"
        attributes = []

        [roles.title]
        fg = "default"
        bg = "default"
        attributes = ["bold"]

        [roles.breadcrumb]
        fg = "default"
        bg = "default"
        attributes = ["underline"]

        [roles.menu]
        fg = "default"
        bg = "default"
        attributes = []

        [roles.selection]
        fg = "default"
        bg = "default"
        attributes = ["reverse", "bold"]

        [roles.border]
        fg = "default"
        bg = "default"
        attributes = []

        [roles.muted]
        fg = "default"
        bg = "default"
        attributes = ["dim"]

        [roles.success]
        fg = "default"
        bg = "default"
        attributes = ["bold"]

        [roles.warning]
        fg = "default"
        bg = "default"
        attributes = ["bold"]

        [roles.error]
        fg = "default"
        bg = "default"
        attributes = ["bold", "underline"]

        [roles.trigger]
        fg = "default"
        bg = "default"
        attributes = ["bold"]

        [roles.action]
        fg = "default"
        bg = "default"
        attributes = []

        [roles.status-bar]
        fg = "default"
        bg = "default"
        attributes = ["reverse"]

        [roles.key]
        fg = "default"
        bg = "default"
        attributes = ["reverse", "bold"]

        [roles.field]
        fg = "default"
        bg = "default"
        attributes = ["underline"]

        [roles.focused-field]
        fg = "default"
        bg = "default"
        attributes = ["reverse"]

        [roles.dialog]
        fg = "default"
        bg = "default"
        attributes = []
        """
}
