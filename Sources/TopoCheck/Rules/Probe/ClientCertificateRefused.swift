import TopoModel

/// `probe --client-keystore`: the server refused the certificate presented to it.
public struct ClientCertificateRefused: ProbeRule {
    public static let descriptor = RuleDescriptor(
        id: "client-certificate-refused", severity: .error,
        summary: "`probe`: a server refused the client certificate given with `--client-keystore`: its partners would be refused too.",
        documentation: """
            Component SSL is mutual: each server presents its own certificate \
            when it connects to a partner, and the partner accepts it only \
            when it is signed by a CA it trusts and names a host in its \
            `SSLAllowedClients`. `--client-keystore` gives `probe` one \
            server's keystore to present, which tests this live. With TLS 1.3 \
            the verdict arrives after the handshake; when no refusal came \
            within the grace period the certificate counts as accepted, and \
            the output says that this is a guess.

            ```yaml
            hosts:
              trk.acme.example:
                ssl: {allowed_clients: [trk.acme.example]}   # ui.acme.example is not allowed
            ```

            Fix: add the presenting server's name to the partner's \
            `SSLAllowedClients` (`maestro-topo plan` prints the whole line), \
            or put the CA's root into the partner's trusted-root keystore.
            """)
}
