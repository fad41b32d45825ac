/// What to do about tracking links already mailed when the Tracker's host
/// name changes. `tracker-moved` and the runbook both say it, so it is
/// decided once, here.
struct TrackerAdvice: Sendable {
    /// The Tracker's host before and after.
    let from: String
    let to: String
    /// The target host that still carries the old name, when one does: it
    /// must forward the Tracker's URLs itself.
    let keeper: String?
    /// Components the old name also served that do not run on the new
    /// Tracker host: pointing the old name there breaks their users' URLs.
    let strandedComponents: [Component]
    /// Where those components run afterwards (the LUI host, else the HUB host).
    let strandedTo: String?

    init?(_ diff: TopologyDiff) {
        guard let before = diff.current.hosts(running: .trk).first, let after = diff.target.hosts(running: .trk).first,
              HostName.canonical(before.name) != HostName.canonical(after.name) else { return nil }
        from = before.name
        to = after.name
        keeper = diff.target.hosts.first { HostName.canonical($0.name) == HostName.canonical(before.name) }?.name
        strandedComponents = keeper == nil
            ? before.components.filter { ($0 == .lui || $0 == .hub) && !after.components.contains($0) } : []
        strandedTo = strandedComponents.isEmpty ? nil
            : (diff.target.hosts(running: .lui).first ?? diff.target.hosts(running: .hub).first)?.name
    }

    /// The host the runbook step is carried out on: the one that keeps the
    /// old name, or, for a DNS change, the old name itself.
    var stepHost: String { keeper ?? from }

    /// The advice as one sentence, for the runbook.
    var action: String {
        let links = "Tracking links in mail already sent name '\(from)'"
        let meanwhile = "for as long as old mails may be opened; or schedule the change long after the last tracked job."
        if let keeper {
            return "\(links), which stays in use: on \(keeper), forward the Tracker's URLs (the /trk path on its HTTP port) to '\(to)', e.g. with a reverse proxy, \(meanwhile)"
        }
        if let stranded {
            return "\(links). Warning: \(stranded.warning); \(stranded.proxy), \(meanwhile)"
        }
        return "\(links): keep that DNS name pointing at '\(to)' (an alias record), \(meanwhile)"
    }

    /// The old name also served LUI or HUB, which now run elsewhere.
    private var stranded: (warning: String, proxy: String)? {
        guard !strandedComponents.isEmpty else { return nil }
        let names = strandedComponents.map(\.rawValue).quotedAnd
        let paths = strandedComponents.map { "/\($0.rawValue.lowercased())" }.quotedAnd
        let rest = strandedTo.map { " and the \(paths) paths to '\($0)'" } ?? ""
        return ("'\(from)' also served \(names), so pointing that name at '\(to)' alone breaks users' bookmarks of \(names)",
                "point it at a reverse proxy that forwards the /trk path to '\(to)'\(rest)")
    }

    /// The notes of `tracker-moved`.
    var notes: [String] {
        var notes: [String] = []
        if let keeper {
            notes.append("'\(keeper)' stays in use: forward its Tracker URLs (the /trk path on its HTTP port) to '\(to)', e.g. with a reverse proxy, for as long as old mails may be opened")
        } else if let stranded {
            notes.append("\(stranded.warning); \(stranded.proxy), for as long as old mails may be opened")
        } else {
            notes.append("keep the DNS name '\(from)' pointing at '\(to)' for as long as old mails may be opened")
        }
        notes.append("or move the Tracker only long after the last tracked job")
        return notes
    }
}
