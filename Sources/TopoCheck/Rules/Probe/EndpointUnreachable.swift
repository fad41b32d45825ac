import TopoModel

/// `probe`: a planned component port could not be reached.
public struct EndpointUnreachable: ProbeRule {
    public static let descriptor = RuleDescriptor(
        id: "endpoint-unreachable", severity: .error,
        summary: "`probe`: a planned component port could not be reached: the name does not resolve, the connection is refused, the host is unreachable, or nothing answered in time.",
        documentation: """
            Every planned component port must accept connections from the \
            other Maestro servers. `probe` tells the cases apart: a name that \
            does not resolve (DNS), a refused connection (nothing listens: \
            the component is down, or listens on another port), an \
            unreachable host or network (routing), and a timeout (a firewall \
            that drops the packets, see the bundle's firewall rules). It \
            probes from where it runs, so a firewall that lets the servers in \
            but not the workstation also shows here; `--connect-to` reaches a \
            port through another address or a tunnel.

            ```yaml
            hosts:
              hub.acme.example:
                components: [HUB]   # hub.acme.example:1099: connection refused
            ```

            Fix: start the component, open the port (`maestro-topo plan` \
            lists the firewall rules), or correct the name in DNS.
            """)
}
