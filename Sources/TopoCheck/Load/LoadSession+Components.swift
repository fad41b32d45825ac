import TopoSource
import TopoYAML
import TopoModel

/// A host's `components`, and what a misspelt or mis-shaped one meant.
/// Names that cannot be placed go to `HostEntry.unrecognizedComponents`
/// (already reported here or by unknown-key), so that missing-component does
/// not report the same mistake again.
extension LoadSession {
    func readComponents(
        _ event: YAMLEvent, host: String, unrecognized: inout [Located<String>]
    ) throws(LoadStopped) -> Located<[Located<Component>]>? {
        guard event.kind == .sequenceStart else {
            let notes = event.kind == .scalar && !event.isNullLiteral && !event.hasControl
                ? [ComponentText.flowList(Self.names(inText: event.text))] : []
            report(InvalidValue.self, InvalidValueText.expected("a list", for: "components", found: event),
                   at: event.location, host: host, notes: notes)
            unrecognized += try readUnreadComponents(event)
            return nil
        }
        // Each component at most once, so five at most: gathered in place and
        // kept in one allocation of the size needed (a growing list would
        // allocate again per doubling; one sized for five, spend memory on
        // every one-component host of a large file).
        var found = InlineArray<5, Located<Component>>(repeating: Located(.lui, at: .start))
        var foundCount = 0
        var count = 0
        while true {
            let itemEvent = try next()
            if itemEvent.kind == .sequenceEnd { break }
            count += 1
            // The usual item is one of five words: match the bytes, make no String.
            if itemEvent.kind == .scalar, let known = Component.matching(itemEvent) {
                if (0..<foundCount).contains(where: { found[$0].value == known }) {
                    report(InvalidValue.self, InvalidValueText.componentTwice(known.rawValue, host: host),
                           at: itemEvent.location, host: host)
                } else {
                    found[foundCount] = Located(known, at: itemEvent.location)
                    foundCount += 1
                }
                continue
            }
            guard let item = try string(itemEvent, key: "components", host: host) else {
                unrecognized.append(Located("", at: itemEvent.location))
                continue
            }
            unrecognized.append(item)
            let names = Component.allCases.map(\.rawValue)
            report(
                InvalidValue.self,
                InvalidValueText.unknownChoice("component", item.value,
                                               suggestion: Suggestion.component(for: item.value)?.rawValue),
                at: item.location, host: host, notes: [InvalidValueText.choices(names)])
        }
        if count == 0 {
            report(InvalidValue.self, InvalidValueText.noComponents(host), at: event.location, host: host)
        }
        return Located((0..<foundCount).map { found[$0] }, at: event.location)
    }

    /// The names a value meant as `components` holds, read without findings
    /// (its mistake has been reported already): the items of a list, or the
    /// comma-separated words of a text. Anything else, and any item that is
    /// not text, is an empty name: one that could not be read at all.
    func readUnreadComponents(_ event: YAMLEvent) throws(LoadStopped) -> [Located<String>] {
        switch event.kind {
        case .scalar where !event.isNullLiteral:
            return Self.names(inText: event.text).map { Located($0, at: event.location) }
        case .scalar:
            return []
        case .sequenceStart:
            var names: [Located<String>] = []
            while true {
                let item = try next()
                if item.kind == .sequenceEnd { return names }
                names.append(Located(item.kind == .scalar && !item.hasControl ? item.text : "", at: item.location))
                try skip(item)
            }
        default:
            try skip(event)
            return [Located("", at: event.location)]
        }
    }

    /// `LUI, HUB` → `["LUI", "HUB"]`. Commas separate; so do spaces, unless
    /// the words together name a component (`Maestro Tracker`).
    static func names(inText text: String) -> [String] {
        text.split(separator: ",").flatMap { part -> [String] in
            let name = String(part).trimmingSpaces
            if name.isEmpty { return [] }
            if !name.contains(" ") || Suggestion.component(for: name) != nil { return [name] }
            return name.split(separator: " ").map(String.init)
        }
    }
}

enum ComponentText {
    /// The list form of names written as one text, each spelt as the
    /// format wants it when the spelling can be told.
    static func flowList(_ names: [String]) -> String {
        let items = names.map { Suggestion.component(for: $0)?.rawValue ?? $0 }
        return "write a list: components: [\(items.joined(separator: ", "))]"
    }
}

extension Component {
    /// The component a scalar names exactly, matched on its bytes.
    static func matching(_ event: YAMLEvent) -> Component? {
        if event.is("LUI") { return .lui }
        if event.is("HUB") { return .hub }
        if event.is("TRK") { return .trk }
        if event.is("DATABASE") { return .database }
        if event.is("LISTSERV") { return .listserv }
        return nil
    }
}
