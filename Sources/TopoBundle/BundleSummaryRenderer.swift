import TopoPlan
import TopoRender

/// What `bundle` reports after writing: the folder as a tree, or JSON.
public enum BundleSummaryRenderer {
    /// The files as a tree under DIR. DIR is written with its control,
    /// line-break and bidi characters written out, as in every message; the
    /// names below it are host names and the bundle's own.
    public static func tree(_ content: BundleContent, directory: String) -> String {
        var out = "\(directory.withVisibleControls)/\n"
        var printed: Set<String> = []
        // Folders first at each level reads better, but file order is the
        // manifest's (sorted); print each folder when first met.
        for file in content.files where file.path != BundleBuilder.markerName {
            let parts = file.path.split(separator: "/").map(String.init)
            for depth in 0..<(parts.count - 1) {
                let folder = parts[0...depth].joined(separator: "/")
                if printed.insert(folder).inserted {
                    out += String(repeating: "  ", count: depth + 1) + parts[depth] + "/\n"
                }
            }
            let mode = file.mode == 0o600 ? "  (0600)" : ""
            out += String(repeating: "  ", count: parts.count) + parts.last! + mode + "\n"
        }
        return out
    }

    /// The hint after a bundle is written, with DIR as a shell word that is
    /// safe to paste (`Quoting.shellWord`): spaces, `;` or `$(…)` in it stay
    /// part of the folder name, and a control character is an escape.
    public static func nextStep(directory: String) -> String {
        "next: cd \(Quoting.shellWord(directory)) && sha256sum -c SHA256SUMS, then follow README.md"
    }

    public static func json(_ content: BundleContent, directory: String) -> String {
        JSONValue.object([
            ("format_version", .int(1)),
            ("bundle", .string(directory)),
            ("installation", .string(content.installation)),
            ("files", .array(content.files.map { file in
                .object([("path", .string(file.path)), ("mode", .string(String(file.mode, radix: 8).leftPadded(to: 4)))])
            })),
            ("placeholder_secrets", .strings(content.placeholderHosts)),
        ]).serialized()
    }
}
