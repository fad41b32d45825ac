import TopoSource
import TopoModel
import TopoCheck

/// Compiler-style text: `path:line:col: error[rule]: message`, the source
/// line, a caret under the column, then the notes.
public struct DiagnosticTextRenderer: Sendable {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    /// Longest stretch of a source line shown; huge one-line files stay readable.
    static let snippetWidth = 160

    public func render(_ diagnostic: Diagnostic, in source: SourceFile, index: SourceFile.LineIndex? = nil) -> String {
        let location = diagnostic.location
        var out = style.bold("\(source.path.withVisibleControls):\(location.line):\(location.column):")
        out += " \(style.severity(diagnostic.severity))\(style.bold("[\(diagnostic.rule)]: \(diagnostic.message)"))\n"
        if let (line, column) = source.displayLine(location.line, column: location.column, index: index) {
            let (text, caret) = snippet(line, column: column)
            out += "    \(text)\n    \(caret)\n"
        }
        for note in diagnostic.notes {
            out += "    \(style.paint("note:", "1;36")) \(note)\n"
        }
        return out
    }

    public func render(_ report: FileReport) -> String {
        if let error = report.readError {
            return "\(style.bold("maestro-topo:")) \(style.severity(.error)): \(error)\n"
        }
        guard !report.diagnostics.isEmpty else { return "" }
        let index = report.source.lineIndex()
        return report.diagnostics.map { render($0, in: report.source, index: index) }.joined()
    }

    /// The line (control characters made visible, long lines cut around the
    /// column) and a caret line whose prefix keeps the line's tabs.
    func snippet(_ line: String, column: Int) -> (String, String) {
        // The usual line: printable ASCII, where a column is a byte.
        var line = line
        if let ascii = line.withUTF8({ bytes in asciiSnippet(bytes, column: column) }) { return ascii }
        var scalars = Array(line.unicodeScalars)
        var caretIndex = max(0, min(column - 1, scalars.count))
        var prefix = "", suffix = ""
        if scalars.count > Self.snippetWidth {
            let start = max(0, min(caretIndex - Self.snippetWidth / 2, scalars.count - Self.snippetWidth))
            let end = min(scalars.count, start + Self.snippetWidth)
            if start > 0 { prefix = "…" }
            if end < scalars.count { suffix = "…" }
            scalars = Array(scalars[start..<end])
            caretIndex -= start
            caretIndex += prefix.isEmpty ? 0 : 1
        }
        var text = prefix
        var pad = prefix.isEmpty ? "" : " "
        for (i, scalar) in scalars.enumerated() {
            let visible: Unicode.Scalar = scalar.properties.generalCategory == .control && scalar != "\t" ? "\u{FFFD}" : scalar
            text.unicodeScalars.append(visible)
            if i + (prefix.isEmpty ? 0 : 1) < caretIndex { pad += scalar == "\t" ? "\t" : " " }
        }
        return (text + suffix, pad + style.paint("^", "1;32"))
    }

    /// `snippet` for a printable-ASCII line, working on its bytes; nil for
    /// any other line.
    private func asciiSnippet(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) -> (String, String)? {
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        let caret = max(0, min(column - 1, bytes.count))
        let width = Self.snippetWidth
        let start = bytes.count <= width ? 0 : max(0, min(caret - width / 2, bytes.count - width))
        let end = min(bytes.count, start + width)
        let prefix = start > 0 ? "…" : "", suffix = end < bytes.count ? "…" : ""
        let text = prefix + String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) + suffix
        return (text, Self.spaces(caret - start + (start > 0 ? 1 : 0)) + style.paint("^", "1;32"))
    }

    private static let spaceRun = String(repeating: " ", count: snippetWidth + 2)

    static func spaces(_ count: Int) -> String {
        count <= spaceRun.utf8.count ? String(spaceRun.utf8.prefix(max(0, count)))! : String(repeating: " ", count: count)
    }

    /// The closing line: how many files, errors, warnings, notes, and how
    /// many paths could not be read.
    public func summary(files: Int, diagnostics: [Diagnostic], unreadable: Int) -> String {
        summary(files: files, errors: diagnostics.errorCount, warnings: diagnostics.warningCount,
                notes: diagnostics.noteCount, unreadable: unreadable)
    }

    /// `files` counts the files tried, read or not; `unreadable` counts
    /// every path given or found that could not be read: missing,
    /// unreadable, not a regular file, or a folder without topology files. Each was named in an error above; the count says the
    /// findings are not the whole story (`checked 1 file: no problems
    /// found; 1 path could not be read`).
    public func summary(files: Int, errors: Int, warnings: Int, notes: Int, unreadable: Int) -> String {
        var parts: [String] = []
        if errors > 0 { parts.append(Self.count(errors, "error")) }
        if warnings > 0 { parts.append(Self.count(warnings, "warning")) }
        if notes > 0 { parts.append(Self.count(notes, "note")) }
        var line = "checked \(Self.count(files, "file")): " + (parts.isEmpty ? "no problems found" : parts.joined(separator: ", "))
        if unreadable > 0 { line += "; \(unreadable) \(unreadable == 1 ? "path" : "paths") could not be read" }
        return line + "\n"
    }

    static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
