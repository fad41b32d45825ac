import TopoSource
import TopoModel

/// Ports that clash on one host, or Tracker ports that disagree.
public struct PortConflict: ModelRule {
    public static let descriptor = RuleDescriptor(
        id: "port-conflict", severity: .error,
        summary: "Two of a host's ports are equal, or the tracker port differs between the LUI and TRK hosts.",
        documentation: """
            All Maestro components on one host share its HTTP port, its internal \
            communications port (default 1099) and its Tracker communications \
            port (default 7000). These must differ from each other, or one \
            component cannot bind its socket.

            The Tracker hands tracking events to LUI over the tracker port, \
            which is set once for LUI and once for TRK in the HUB's Global \
            Component Settings; both sides must use the same number, so the \
            `tracker_port` of the LUI host and of the TRK host must be equal.

            ```yaml
            hosts:
              ui.acme.example: {components: [LUI, HUB], tracker_port: 7000}
              trk.acme.example: {components: [TRK], tracker_port: 7001}
            ```

            Fix: choose distinct ports per host, and the same tracker port for \
            the LUI and TRK hosts (usually by setting it once under `defaults`).
            """)

    public static func check(_ context: RuleContext, into sink: inout FindingSink) {
        let resolved = context.resolved
        for server in resolved.maestroServers {
            func compare(_ a: (key: String, port: Located<Int>), _ b: (key: String, port: Located<Int>)) {
                guard a.port.value == b.port.value else { return }
                let later = a.port.location > b.port.location ? a.port : b.port
                sink.emit(
                    Self.self, "\(a.key) and \(b.key) of '\(server.name)' are both \(a.port.value); each needs its own port",
                    at: later.location, host: server.name)
            }
            let internalPort = ("internal_port", server.internalPort), trackerPort = ("tracker_port", server.trackerPort)
            let httpPort = ("http_port", server.httpPort)
            compare(internalPort, trackerPort)
            compare(internalPort, httpPort)
            compare(trackerPort, httpPort)
        }
        if let lui = resolved.hosts(running: .lui).first, let trk = resolved.hosts(running: .trk).first,
           lui.name != trk.name, lui.trackerPort.value != trk.trackerPort.value {
            sink.emit(
                Self.self,
                "tracker_port is \(trk.trackerPort.value) on the TRK host '\(trk.name)' but \(lui.trackerPort.value) on the LUI host '\(lui.name)'; both ends of the Tracker link must use the same port",
                at: trk.trackerPort.location, host: trk.name,
                notes: ["set tracker_port once under 'defaults'"])
        }
    }
}
