/// The topology picture a plan page shows: the SVG Graphviz drew from
/// `graph`'s DOT, or why there is none. Drawing it runs a program, so the
/// caller draws it and hands the result to the renderer.
public enum TopologyPicture: Sendable, Equatable {
    /// What `dot -Tsvg` printed, as it printed it.
    case svg(String)
    /// A sentence saying why there is no picture and what to do about it.
    case unavailable(reason: String)

    /// The SVG ready to sit inside an HTML page: from the `<svg` element
    /// on, without the XML prolog, DOCTYPE and generator comment before it,
    /// and without the namespace declarations of its root, which HTML
    /// supplies itself (so the page names no URL). Nil when the text holds
    /// no SVG element.
    var inlineSVG: String? {
        guard case .svg(let text) = self, let start = text.firstRange(of: "<svg") else { return nil }
        let svg = text[start.lowerBound...]
        guard let close = svg.firstIndex(of: ">") else { return nil }
        var root = String(svg[..<close])
        for name in ["xmlns", "xmlns:xlink"] {
            guard let attribute = root.firstRange(of: " \(name)=\""),
                  let end = root[attribute.upperBound...].firstIndex(of: "\"") else { continue }
            root.removeSubrange(attribute.lowerBound...end)
        }
        var rest = String(svg[close...])
        while rest.last?.isWhitespace == true { rest.removeLast() }
        return root + rest
    }
}
