import TopoRender

extension TextStyle {
    /// Colour when `fd` is a terminal and neither NO_COLOR (any value, even
    /// empty, as no-color.org says) nor `--no-color` asks for none. Decided
    /// here, at the command line's edge: renderers read no environment.
    public static func forStream(_ fd: Int32, noColorFlag: Bool) -> TextStyle {
        TextStyle(color: !noColorFlag && FileSystem.environment("NO_COLOR") == nil && FileSystem.isTerminal(fd))
    }
}
