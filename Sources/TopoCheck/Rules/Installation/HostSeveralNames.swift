/// `verify`: the machine answers to more names than the planned one.
public struct HostSeveralNames: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "host-several-names", severity: .warning,
        summary: "`verify`: the machine also answers to other names than the planned one, which the vendor calls untested with component SSL.",
        documentation: """
            A certificate is bound to one name, and the vendor calls several \
            names per server untested with component SSL. A partner that \
            reaches this server by another name meets a certificate that does \
            not name it: each name would need its own certificate, and its \
            place in `SSLAllowedClients`. `host-aliases` is the same \
            warning for names the plan itself lists. Reported at the host's \
            name in the topology.

            ```yaml
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
            ```

            ```console
            $ getent hosts 192.0.2.10
            192.0.2.10      ui.acme.example maestro.acme.example
            ```

            Fix: make every partner use the planned name for component links; \
            keep the other names for browsers, where they are only URLs.
            """)
}
