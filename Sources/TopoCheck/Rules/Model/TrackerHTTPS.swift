/// The Tracker's host is set to serve on the HTTPS port.
public struct TrackerHTTPS: ModelRule {
    public static let descriptor = RuleDescriptor(
        id: "tracker-https", severity: .warning,
        summary: "The TRK host's HTTP port is 443: the Tracker never serves HTTPS.",
        documentation: """
            The Tracker receives opens and clicks from mail recipients over \
            plain HTTP; it can never use HTTPS (too slow for tracking traffic). \
            An `http_port` of 443 on the TRK host suggests HTTPS was meant, \
            which will not work, and recipients' clients expect TLS on 443. \
            The Tracker's port must also be reachable from the Internet.

            ```yaml
            hosts:
              trk.acme.example:
                components: [TRK]
                http_port: 443
            ```

            Fix: serve the Tracker on port 80 (or another plain-HTTP port), \
            and keep HTTPS for LUI and HUB on hosts without TRK.
            """)

    public static func check(_ context: RuleContext, into sink: inout FindingSink) {
        for host in context.resolved.hosts(running: .trk) where host.httpPort.value == 443 {
            sink.emit(
                Self.self, "the TRK host '\(host.name)' has http_port 443; the Tracker serves plain HTTP only",
                at: host.httpPort.location, host: host.name,
                notes: ["tracking links in mail must reach the Tracker over HTTP from the Internet"])
        }
    }
}
