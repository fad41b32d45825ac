import TopoModel

/// Every rule, in the order findings at the same position are listed and in
/// the order docs/rules.md presents them: first what the loader finds while
/// reading (the file is not even well-formed), then the model's structure
/// (names, components), then SSL, then ports, then advice. A later rule may
/// assume an earlier one's problem has been reported, so it stays quiet about
/// it rather than repeating it.
public enum RuleRegistry {
    public static let rules: [any Rule.Type] = [
        // Reading the file
        YAMLSyntax.self,
        InputLimit.self,
        UnsupportedYAML.self,
        DuplicateKey.self,
        UnknownKey.self,
        InvalidValue.self,
        // Hosts and components
        InvalidHostname.self,
        DuplicateHost.self,
        MissingComponent.self,
        DuplicateComponent.self,
        MisplacedSetting.self,
        // Component SSL
        MissingHost.self,
        PartialSSL.self,
        SSLIncomplete.self,
        RelativeKeystorePath.self,
        DoubledBackslash.self,
        SharedCertificate.self,
        AllowedClientsFormat.self,
        // Ports
        PortConflict.self,
        TrackerHTTPS.self,
        // Advice
        MixedCA.self,
        PlaintextPassword.self,
        HostAliases.self,
        LuiTrkColocated.self,
        FourServerLayout.self,
        // Changes between two files (maestro-topo diff)
        SSLSwitch.self,
        TrackerMoved.self,
        ComponentMove.self,
        DatabaseMigration.self,
        OSChange.self,
        // A real installation against its plan (maestro-topo verify)
        SSLIniMissing.self,
        SSLIniUnexpected.self,
        SSLIniSyntax.self,
        SSLIniKeys.self,
        SSLIniDrift.self,
        SSLIniBackslash.self,
        FilePermissions.self,
        KeystoreUnreadable.self,
        KeystoreAlias.self,
        KeyPassword.self,
        CertificateName.self,
        CertificateChain.self,
        CertificateValidity.self,
        CertificateExpiring.self,
        TrustedRootMissing.self,
        TrustedRootPassword.self,
        SSLLogLine.self,
        HostNameMismatch.self,
        HostSeveralNames.self,
        ComponentFolderMissing.self,
        ComponentUnplanned.self,
        // The live ports over the network (maestro-topo probe)
        PartialSSLLive.self,
        SSLLiveMismatch.self,
        EndpointUnreachable.self,
        ClientCertificateRefused.self,
    ]

    /// What `explain`, docs/rules.md and SARIF read, in registry order.
    public static let descriptors: [RuleDescriptor] = rules.map { $0.descriptor }

    /// The checks alone, in registry order, taken from the types once.
    static let checks: [ModelCheck] = rules.compactMap { $0.modelCheck }

    /// The ids alone, in registry order.
    static let ids: [String] = descriptors.map(\.id)

    /// Where a rule stands in the registry. A search of fifty ids: cheaper,
    /// for the few findings of a usual file, than building a dictionary
    /// (whose first use also costs the runtime a scan for `Hashable`).
    static func position(of id: String) -> Int {
        ids.firstIndex(of: id) ?? Int.max
    }

    /// Whether `id` is reported by the loader while it reads a file.
    public static func isLoadRule(_ id: String) -> Bool {
        rules.contains { $0.id == id && $0 is any LoadRule.Type }
    }

    public static func descriptor(id: String) -> RuleDescriptor? {
        descriptors.first { $0.id == id }
    }

    public static func suggestion(for id: String) -> String? {
        Suggestion.nearest(to: id, in: descriptors.map(\.id))
    }

    /// Runs every model rule over a loaded topology.
    public static func check(_ resolved: ResolvedTopology) -> [Diagnostic] {
        let context = RuleContext(resolved)
        var sink = FindingSink()
        for check in checks { check.run(context, &sink) }
        return sink.findings
    }
}

extension Array where Element == Diagnostic {
    /// Orders findings by position, then by the rule registry's order, so the
    /// same file always prints the same way.
    public func sortedForOutput() -> [Diagnostic] {
        guard count > 1 else { return self }  // the usual file: nothing to order
        let positions = map { RuleRegistry.position(of: $0.rule) }
        let order = indices.sorted { a, b in
            if self[a].location != self[b].location { return self[a].location < self[b].location }
            if positions[a] != positions[b] { return positions[a] < positions[b] }
            return a < b
        }
        return order.map { self[$0] }
    }
}
