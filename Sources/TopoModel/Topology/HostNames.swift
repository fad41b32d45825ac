/// The first host of each name, as written (after a trailing dot) and as
/// names are compared. Most files have a handful of hosts, and `validate`
/// never looks a name up: a short list is searched in place, which costs
/// less than hashing every name into two dictionaries. Past that, the
/// dictionaries keep each lookup constant, so `diff` of 100,000 hosts stays
/// linear.
struct HostNames: Sendable {
    /// Up to this many hosts, a lookup walks the list.
    static let fewHosts = 16

    private let hosts: [ResolvedHost]
    private let byName: [String: ResolvedHost]
    private let byCanonicalName: [String: ResolvedHost]

    init(_ hosts: [ResolvedHost]) {
        self.hosts = hosts
        guard hosts.count > Self.fewHosts else {
            byName = [:]
            byCanonicalName = [:]
            return
        }
        var byName: [String: ResolvedHost] = [:], byCanonicalName: [String: ResolvedHost] = [:]
        byName.reserveCapacity(hosts.count)
        byCanonicalName.reserveCapacity(hosts.count)
        for host in hosts {
            if byName[host.name] == nil { byName[host.name] = host }
            if byCanonicalName[host.canonicalName] == nil { byCanonicalName[host.canonicalName] = host }
        }
        self.byName = byName
        self.byCanonicalName = byCanonicalName
    }

    func host(named name: String) -> ResolvedHost? {
        hosts.count > Self.fewHosts ? byName[name] : hosts.first { $0.name == name }
    }

    func host(canonical name: String) -> ResolvedHost? {
        hosts.count > Self.fewHosts ? byCanonicalName[name] : hosts.first { $0.canonicalName == name }
    }
}
