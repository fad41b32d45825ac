import TopoModel

/// Who opens which port for whom. This table is the single source of every
/// listening port, outgoing connection and firewall rule the planner derives;
/// each row names the fact it rests on and how sure that fact is, so a
/// correction is a one-line change here.
public enum ConnectionModel {
    /// The side that opens the connection.
    public enum Initiator: Sendable, Equatable {
        case component(Component)
        /// Anyone on the network: browsers, mail recipients.
        case anyone(String)
    }

    /// Whose port, resolved on the listening host.
    public enum PortKind: Sendable, Equatable {
        case `internal`, tracker, http, database, listservTCPGUI
    }

    public enum Certainty: String, Sendable {
        /// Read in a Maestro or LISTSERV manual.
        case documented
        /// Follows from what the manuals say, not stated outright.
        case inferred
        /// Not documented; our choice, stated in docs/format.md.
        case assumed
    }

    public struct Link: Sendable {
        public let from: Initiator
        public let to: Component
        public let port: PortKind
        public let purpose: String
        public let certainty: Certainty
        public let basis: String
        /// Tracker-link rows apply only for these `tracker_direction` values.
        public let directions: Set<TrackerDirection>?

        public func applies(_ direction: TrackerDirection) -> Bool {
            directions?.contains(direction) ?? true
        }
    }

    /// The LISTSERV TCPGUI port; LISTSERV's `TCPGUI_PORT` changes it.
    public static let listservTCPGUIPort = 2306

    public static let links: [Link] = [
        Link(from: .component(.lui), to: .hub, port: .internal,
             purpose: "internal communications (LUI to HUB)", certainty: .documented,
             basis: "Maestro 2.1 admin manual: LUI uses the internal communications port (1099) to talk to the HUB",
             directions: nil),
        Link(from: .component(.trk), to: .hub, port: .internal,
             purpose: "internal communications (TRK to HUB)", certainty: .inferred,
             basis: "Maestro 1.1 admin manual: the HUB is accessed by LUI and TRK to validate logins",
             directions: nil),
        // The manuals name the Tracker communications port but not who opens
        // the socket. We assume LUI collects events from the Tracker (the port
        // is the Tracker's, set as TRK's "communications port"); the topology
        // key tracker_direction switches to TRK pushing to LUI, or opens both.
        Link(from: .component(.lui), to: .trk, port: .tracker,
             purpose: "tracking-event transfer (LUI collects from TRK)", certainty: .assumed,
             basis: "Maestro 1.1 admin manual: TRK hands tracking events to LUI in bursts over the Tracker communications port (7000); direction not documented",
             directions: [.luiToTrk, .both]),
        Link(from: .component(.trk), to: .lui, port: .tracker,
             purpose: "tracking-event transfer (TRK delivers to LUI)", certainty: .assumed,
             basis: "Maestro 1.1 admin manual: TRK hands tracking events to LUI in bursts over the Tracker communications port (7000); direction not documented",
             directions: [.trkToLui, .both]),
        Link(from: .component(.lui), to: .database, port: .database,
             purpose: "system database (LUI)", certainty: .documented,
             basis: "Maestro 2.1 admin manual: LUI connects to the system database (3306 for the internal MySQL)",
             directions: nil),
        Link(from: .component(.lui), to: .listserv, port: .listservTCPGUI,
             purpose: "LISTSERV TCPGUI (LUI sends jobs)", certainty: .inferred,
             basis: "LISTSERV 17.0 manual: TCPGUI listens on 2306; Maestro manuals: LUI sends DISTRIBUTE jobs to LISTSERV",
             directions: nil),
        Link(from: .anyone("mail recipients on the Internet"), to: .trk, port: .http,
             purpose: "tracking hits: opens and clicks (plain HTTP only)", certainty: .documented,
             basis: "Maestro 1.0c–4.0 admin manuals: TRK must be reachable from the Internet over HTTP and never uses HTTPS",
             directions: nil),
        Link(from: .anyone("users' browsers"), to: .lui, port: .http,
             purpose: "web interface (users' browsers)", certainty: .documented,
             basis: "Maestro admin manuals: browsers reach LUI over HTTP (or HTTPS)",
             directions: nil),
        Link(from: .anyone("administrators' browsers"), to: .hub, port: .http,
             purpose: "administration (browsers)", certainty: .documented,
             basis: "Maestro 4.0 admin manual: administrators normally log in through LUI; direct HUB login is the emergency path",
             directions: nil),
    ]

    /// The port number `kind` has on `host`.
    static func port(_ kind: PortKind, on host: ResolvedHost) -> Int {
        switch kind {
        case .internal: host.internalPort.value
        case .tracker: host.trackerPort.value
        case .http: host.httpPort.value
        case .database: host.database?.port.value ?? DatabaseEngine.internal.defaultPort
        case .listservTCPGUI: listservTCPGUIPort
        }
    }
}

extension ConnectionModel {
    /// One table row applied to one pair of hosts.
    public struct ResolvedLink: Sendable, Hashable {
        public enum From: Sendable, Hashable {
            case component(host: String, Component)
            case anyone(String)
        }

        public let from: From
        public let toHost: String
        public let to: Component
        /// The port number on the listening host.
        public let port: Int
        public let purpose: String
        public let certainty: Certainty

        /// Both ends are Maestro components: the link component SSL secures.
        public var isComponentLink: Bool {
            guard case let .component(_, component) = from else { return false }
            return component.isMaestro && to.isMaestro
        }
    }

    /// Every connection of the topology, component to component: each row of
    /// `links` that applies to the topology's tracker direction, from every
    /// host running the initiator to every host running the target, with the
    /// port the target's host gives it. A connection within one host counts.
    public static func resolvedLinks(in resolved: ResolvedTopology) -> [ResolvedLink] {
        // Each row meets each pair of hosts once (the hosts are indexed
        // once each), so no link comes twice and none needs looking up.
        var result: [ResolvedLink] = []
        for link in links where link.applies(resolved.trackerDirection) {
            let initiators: [ResolvedLink.From]
            switch link.from {
            case let .component(component):
                initiators = resolved.hosts(running: component).map { .component(host: $0.name, component) }
            case let .anyone(party):
                initiators = [.anyone(party)]
            }
            for from in initiators {
                for target in resolved.hosts(running: link.to) {
                    let resolvedLink = ResolvedLink(
                        from: from, toHost: target.name, to: link.to, port: port(link.port, on: target),
                        purpose: link.purpose, certainty: link.certainty)
                    result.append(resolvedLink)
                }
            }
        }
        return result
    }
}
