import TopoModel

/// "Did you mean" for keys, components, engines and rule ids: the candidate
/// with the smallest edit distance, if it is close enough to be a typo.
public enum Suggestion {
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        if let exact = candidates.first(where: { $0.lowercased() == lowered }) { return exact }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        // A third of the word may be wrong, at least one character.
        let allowed = max(1, min(word.count, best.candidate.count) / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// The keys to suggest for an unknown key of `section`. A host has three
    /// ports and no key `port`, so a near miss of `port` alone (`prot`,
    /// `ports`) gets all three rather than nothing.
    static func keys(for key: String, in section: Section) -> [String] {
        if let nearest = nearest(to: key, in: section.keys) { return [nearest] }
        if section == .host || section == .defaults, editDistance(key.lowercased(), "port") <= 1 {
            return ["internal_port", "tracker_port", "http_port"]
        }
        return []
    }

    /// The component a name that is not one of the five most likely means:
    /// a synonym or long name (`Tracker`, `User Interface`, `DB`), else the
    /// nearest by spelling (`lui`, `HBU`).
    static func component(for name: String) -> Component? {
        let folded = String(name.lowercased().unicodeScalars.filter { !" -_.".unicodeScalars.contains($0) })
        if let synonym = componentSynonyms[folded] { return synonym }
        return nearest(to: name, in: Component.allCases.map(\.rawValue)).flatMap(Component.init(rawValue:))
    }

    /// Other names people give the components (the product's own long names
    /// among them), lower case without spaces, hyphens, underscores or dots.
    private static let componentSynonyms: [String: Component] = [
        "tracker": .trk, "maestrotracker": .trk,
        "ui": .lui, "userinterface": .lui, "maestrouserinterface": .lui, "web": .lui, "webinterface": .lui,
        "hub": .hub, "administrationhub": .hub, "adminhub": .hub, "admin": .hub, "administration": .hub,
        "db": .database, "systemdatabase": .database, "systemdb": .database,
        "lsv": .listserv,
    ]

    /// Optimal string alignment distance over characters: Levenshtein with
    /// a swap of two neighbours counted as one edit (`prot` → `port`), the
    /// commonest typing slip. Inputs here are a few dozen characters at most.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rows: the one before the previous is needed for swaps.
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
