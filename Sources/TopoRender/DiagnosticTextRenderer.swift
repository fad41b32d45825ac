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
        var out = TextBuffer(capacity: 512)
        render(diagnostic, in: source, path: source.path.withVisibleControls, index: index ?? source.lineIndex(), into: &out)
        return out.text
    }

    /// Appends one finding to `out`; `path` is the source's path as printed.
    func render(
        _ diagnostic: Diagnostic, in source: SourceFile, path: String, index: SourceFile.LineIndex, into out: inout TextBuffer
    ) {
        // Appended piece by piece: interpolating would make a string of each line first.
        let location = diagnostic.location
        style.paint("1", onto: &out) { out in
            out += path
            out += ":"
            out += String(location.line)
            out += ":"
            out += String(location.column)
            out += ":"
        }
        out += " "
        out += style.severity(diagnostic.severity)
        style.paint("1", onto: &out) { out in
            out += "["
            out += diagnostic.rule
            out += "]: "
            out += diagnostic.message
        }
        out += "\n"
        if let (line, column) = source.displayLine(location.line, column: location.column, index: index) {
            appendSnippet(line, column: column, to: &out)
        }
        for note in diagnostic.notes {
            out += "    "
            style.paint("1;36", onto: &out) { $0 += "note:" }
            out += " "
            out += note
            out += "\n"
        }
    }

    /// Every finding of one file, in one string.
    public func render(_ report: FileReport) -> String {
        if let error = report.readError {
            return "\(style.bold("maestro-topo:")) \(style.severity(.error)): \(error)\n"
        }
        guard !report.diagnostics.isEmpty else { return "" }
        let index = report.source.lineIndex()
        let path = report.source.path.withVisibleControls
        var out = TextBuffer(capacity: report.diagnostics.count * 512)
        for diagnostic in report.diagnostics {
            render(diagnostic, in: report.source, path: path, index: index, into: &out)
        }
        return out.text
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

    /// The line and its caret line as a finding shows them, indented. A
    /// printable-ASCII line (the usual one) is copied as bytes, with no
    /// strings made for either line.
    func appendSnippet(_ line: String, column: Int, to out: inout TextBuffer) {
        var line = line
        let copied = line.withUTF8 { bytes -> Bool in
            guard let window = Self.asciiWindow(bytes, column: column) else { return false }
            out += "    "
            if window.shown.lowerBound > 0 { out += "…" }
            out.append(UnsafeBufferPointer(rebasing: bytes[window.shown]))
            if window.shown.upperBound < bytes.count { out += "…" }
            out += "\n    "
            out.append(repeating: UInt8(ascii: " "), count: window.caret)
            style.paint("1;32", onto: &out) { $0 += "^" }
            out += "\n"
            return true
        }
        guard !copied else { return }
        let (text, caret) = snippet(line, column: column)
        out += "    "
        out += text
        out += "\n    "
        out += caret
        out += "\n"
    }

    /// `snippet` for a printable-ASCII line, working on its bytes; nil for
    /// any other line.
    private func asciiSnippet(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) -> (String, String)? {
        guard let window = Self.asciiWindow(bytes, column: column) else { return nil }
        let prefix = window.shown.lowerBound > 0 ? "…" : "", suffix = window.shown.upperBound < bytes.count ? "…" : ""
        let text = prefix + String(decoding: UnsafeBufferPointer(rebasing: bytes[window.shown]), as: UTF8.self) + suffix
        return (text, Self.spaces(window.caret) + style.paint("^", "1;32"))
    }

    /// Where a printable-ASCII line is cut around the column (a column is a
    /// byte there): the bytes shown, and how far the caret stands from the
    /// shown text's start, a leading `…` counted; nil for any other line.
    private static func asciiWindow(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) -> (shown: Range<Int>, caret: Int)? {
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        let caret = max(0, min(column - 1, bytes.count))
        let width = snippetWidth
        let start = bytes.count <= width ? 0 : max(0, min(caret - width / 2, bytes.count - width))
        return (start..<min(bytes.count, start + width), caret - start + (start > 0 ? 1 : 0))
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
        // Built by appending: `joined` would cost a one-file run a
        // conformance lookup in the Swift runtime.
        var counts = ""
        func add(_ n: Int, _ word: String) {
            if n > 0 { counts += (counts.isEmpty ? "" : ", ") + Self.count(n, word) }
        }
        add(errors, "error")
        add(warnings, "warning")
        add(notes, "note")
        var line = "checked \(Self.count(files, "file")): " + (counts.isEmpty ? "no problems found" : counts)
        if unreadable > 0 { line += "; \(unreadable) \(unreadable == 1 ? "path" : "paths") could not be read" }
        return line + "\n"
    }

    static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
