/// `verify`: the machine does not answer to its planned name.
public struct HostNameMismatch: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "host-name-mismatch", severity: .error,
        summary: "`verify`: run on the server, none of the machine's own names is the planned host name.",
        documentation: """
            Partners connect to this server by its planned name, their \
            `SSLAllowedClients` list it, and its certificate names it. If the \
            machine does not answer to that name, they reach another machine \
            or none. Compared: the host name, the fully qualified name and the \
            names the machine's addresses resolve to; checked only when \
            `verify` runs on the server itself. Reported at the host's name \
            in the topology.

            ```yaml
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
            ```

            ```console
            $ hostname -f
            maestro01.corp.acme.example
            ```

            Fix: run `verify` on the right machine (`--host NAME`), give it its \
            planned name in DNS, or correct the plan, its certificate and lists.
            """)
}
