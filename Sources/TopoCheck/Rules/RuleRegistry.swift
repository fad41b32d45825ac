import TopoModel

/// Every rule, in the order findings at the same position are listed and in
/// the order docs/rules.md presents them: first what the loader finds while
/// reading (the file is not even well-formed), then the model's structure
/// (names, components), then SSL, then ports, then advice. A later rule may
/// assume an earlier one's problem has been reported, so it stays quiet about
/// it rather than repeating it.
public enum RuleRegistry {
    public static let all: [Rule] = [
        // Reading the file
        Rules.yamlSyntax,
        Rules.inputLimit,
        Rules.unsupportedYAML,
        Rules.duplicateKey,
        Rules.unknownKey,
        Rules.invalidValue,
        // Hosts and components
        Rules.invalidHostname,
        Rules.duplicateHost,
        Rules.missingComponent,
        Rules.duplicateComponent,
        Rules.misplacedSetting,
        // Component SSL
        Rules.missingHost,
        Rules.partialSSL,
        Rules.sslIncomplete,
        Rules.relativeKeystorePath,
        Rules.doubledBackslash,
        Rules.sharedCertificate,
        Rules.allowedClientsFormat,
        // Ports
        Rules.portConflict,
        Rules.trackerHTTPS,
        // Advice
        Rules.mixedCA,
        Rules.plaintextPassword,
        Rules.hostAliases,
        Rules.luiTrkColocated,
        Rules.fourServerLayout,
        // Changes between two files (maestro-topo diff)
        Rules.sslSwitch,
        Rules.trackerMoved,
        Rules.componentMove,
        Rules.databaseMigration,
        Rules.osChange,
    ]

    /// The checks alone, in registry order: walking these costs one closure
    /// each per file, not a copy of every rule's texts.
    static let checks: [@Sendable (RuleContext) -> [Diagnostic]] = all.compactMap(\.check)

    static let orderIndex: [String: Int] = Dictionary(
        uniqueKeysWithValues: all.enumerated().map { ($0.element.id, $0.offset) })

    public static func rule(id: String) -> Rule? {
        all.first { $0.id == id }
    }

    public static func suggestion(for id: String) -> String? {
        Suggestion.nearest(to: id, in: all.map(\.id))
    }

    /// Runs every model rule over a loaded topology.
    public static func check(_ resolved: ResolvedTopology) -> [Diagnostic] {
        let context = RuleContext(resolved)
        var found: [Diagnostic] = []
        for check in checks { found += check(context) }
        return found
    }
}

extension Array where Element == Diagnostic {
    /// Orders findings by position, then by the rule registry's order, so the
    /// same file always prints the same way.
    public func sortedForOutput() -> [Diagnostic] {
        let order = RuleRegistry.orderIndex
        return enumerated().sorted { a, b in
            if a.element.location != b.element.location { return a.element.location < b.element.location }
            let ra = order[a.element.rule] ?? Int.max, rb = order[b.element.rule] ?? Int.max
            if ra != rb { return ra < rb }
            return a.offset < b.offset
        }.map(\.element)
    }
}
