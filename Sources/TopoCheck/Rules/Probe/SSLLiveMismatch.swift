import TopoModel

/// `probe`: a port speaks TLS where the plan has SSL off, or plain where it has it on.
public struct SSLLiveMismatch: ProbeRule {
    public static let descriptor = RuleDescriptor(
        id: "ssl-live-mismatch", severity: .error,
        summary: "`probe`: a component port answers in plain text where the plan has component SSL on, or with TLS where it has it off.",
        documentation: """
            The plan says whether the components talk TLS; the wire says what \
            they do. A port that answers a TLS ClientHello in plain text (or \
            closes, or stays silent, as Java RMI does) while SSL is planned on \
            has no `ssl.ini` in effect: the server was not restarted after it \
            was written, or it is missing. A port that answers with TLS while \
            SSL is planned off still reads an `ssl.ini` the plan does not \
            know about. Reported at the topology line that decides SSL for \
            the server.

            ```yaml
            component_ssl:
              enabled: true    # hub.acme.example:1099 answered in plain text
            ```

            Fix: bring the server in line with the plan (`maestro-topo verify` \
            on it says what differs), or correct the plan; then restart.
            """)
}
