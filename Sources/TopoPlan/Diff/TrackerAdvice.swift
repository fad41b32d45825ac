import TopoModel

/// What to do about tracking links already mailed when the Tracker's host
/// name changes. `tracker-moved` and the runbook both say it, so it is
/// decided once, here. The runbook places it in the window, right after the
/// Tracker starts on its new host: before that, nothing could answer on
/// the new host, and the old host still runs the Tracker.
struct TrackerAdvice: Sendable {
    /// The Tracker's host before and after.
    let from: String
    let to: String
    /// The target host that still carries the old name, when one does: its
    /// web server keeps the name but no longer serves the Tracker.
    let keeper: String?
    /// Components the old name also served that do not run on the new
    /// Tracker host: pointing the old name there breaks their users' URLs.
    let strandedComponents: [Component]
    /// Where those components run afterwards (the LUI host, else the HUB host).
    let strandedTo: String?
    /// The Tracker's machine only changes its name: the old name already
    /// leads there and must simply keep doing so.
    let renamed: Bool

    init?(_ diff: TopologyDiff) {
        guard let before = diff.current.hosts(running: .trk).first, let after = diff.target.hosts(running: .trk).first,
              HostName.canonical(before.name) != HostName.canonical(after.name) else { return nil }
        from = before.name
        to = after.name
        keeper = diff.target.host(matching: before.name)?.name
        strandedComponents = keeper == nil
            ? before.components.filter { ($0 == .lui || $0 == .hub) && !after.components.contains($0) } : []
        renamed = diff.isRenamed(before.name)
        strandedTo = strandedComponents.isEmpty ? nil
            : (diff.target.hosts(running: .lui).first ?? diff.target.hosts(running: .hub).first)?.name
    }

    /// The host the runbook step is carried out on: the one that keeps the
    /// old name, or, for a DNS change, the old name itself.
    var stepHost: String { keeper ?? from }

    /// The advice runs a reverse proxy on the old machine, which then still
    /// answers on its HTTP port after Maestro has left it.
    var proxyOnOldMachine: Bool { keeper == nil && !strandedComponents.isEmpty }

    /// Before the window: what will answer for the old name is prepared.
    var preparation: String {
        if renamed {
            return "Tracking links in mail already sent name '\(from)'. " + advice.prefix(1).uppercased() + advice.dropFirst()
                + ", for as long as old mails may be opened."
        }
        return "Tracking links in mail already sent name '\(from)'. " + advice.prefix(1).uppercased() + advice.dropFirst()
            + ", for as long as old mails may be opened. Prepare it now"
            + (keeper == nil && strandedComponents.isEmpty ? " (lower the record's TTL, so the change takes effect quickly)" : "")
            + " and switch it on in the window, right after the Tracker starts on '\(to)'."
    }

    /// In the window, right after the Tracker starts on its new host;
    /// nothing to do when the old name already leads there.
    var switchOn: String? {
        if renamed { return nil }
        if let keeper {
            return "Switch on the reverse proxy or load balancer in front of '\(keeper)' that routes its /trk path to '\(to)' (prepared before the window)."
        }
        if !strandedComponents.isEmpty {
            let rest = strandedTo.map { ", \(strandedComponents.map { "/\($0.rawValue.lowercased())" }.quotedAnd) to '\($0)'" } ?? ""
            return "Switch on the reverse proxy that answers for '\(from)' (/trk to '\(to)'\(rest); prepared before the window)."
        }
        return "Point the DNS name '\(from)' at '\(to)' (an alias record; prepared before the window)."
    }

    /// The notes of `tracker-moved`.
    var notes: [String] {
        [advice + ", for as long as old mails may be opened", "or move the Tracker only long after the last tracked job"]
    }

    /// One clause, shared by the step and the finding.
    private var advice: String {
        if renamed {
            return "keep the DNS name '\(from)' leading to this machine, now named '\(to)'"
        }
        if let keeper {
            // The old name stays with LUI or HUB, whose web server holds its
            // HTTP port: only something in front of it can send /trk on.
            return "'\(keeper)' keeps its name, and Maestro's web server there no longer serves the Tracker: "
                + "route the /trk path of '\(keeper)' to '\(to)' with a reverse proxy or load balancer in front of '\(keeper)' "
                + "that passes every other path on to Maestro there"
        }
        if !strandedComponents.isEmpty {
            let names = strandedComponents.map(\.rawValue).quotedAnd
            let paths = strandedComponents.map { "/\($0.rawValue.lowercased())" }.quotedAnd
            let rest = strandedTo.map { " and the \(paths) paths to '\($0)'" } ?? ""
            return "warning: '\(from)' also served \(names), so pointing that name at '\(to)' alone breaks users' bookmarks of \(names); "
                + "instead let a reverse proxy answer for '\(from)' and forward the /trk path to '\(to)'\(rest): "
                + "on '\(from)' itself, whose HTTP port Maestro will no longer use, or on another machine that the name then points at"
        }
        return "point the DNS name '\(from)' at '\(to)' (an alias record) once the Tracker runs there"
    }
}
