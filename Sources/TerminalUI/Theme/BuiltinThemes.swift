/// The four themes shipped in `Themes/`, built in so the app works from any folder (a test keeps them equal).
enum BuiltinThemes {
    /// Theme name → TOML text.
    static let texts: [String: String] = [
        "default-dark": defaultDark, "light": light, "high-contrast": highContrast, "monochrome": monochrome,
    ]
}
