import TopoModel

/// `probe`: some planned component ports speak TLS and others plain.
public struct PartialSSLLive: ProbeRule {
    public static let descriptor = RuleDescriptor(
        id: "partial-ssl-live", severity: .error,
        summary: "`probe`: some Maestro component ports answer with TLS and others in plain text: the installation is half secured.",
        documentation: """
            Component SSL is all-or-nothing: a component with `ssl.ini` talks \
            only TLS, one without it only plain text, and the two cannot reach \
            each other. `probe` connects to every planned component port (the \
            internal port on the HUB host, the Tracker port on the TRK host) \
            and sends a TLS ClientHello; when some answer with TLS and others \
            do not, the installation is split, whatever the plan says. The \
            finding names both sides. It is the live form of `partial-ssl`, \
            and usually means a server was not restarted, or kept or lost its \
            `ssl.ini`.

            ```yaml
            component_ssl: {enabled: true}
            # hub.acme.example:1099 answers with TLS, trk.acme.example:7000 in plain text
            ```

            Fix: run `maestro-topo verify` on the plain server(s): write the \
            missing `ssl.ini` (or remove the stray one) and restart every \
            Maestro server in the same window.
            """)
}
