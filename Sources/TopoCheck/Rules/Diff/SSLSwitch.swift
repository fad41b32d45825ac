import TopoModel

/// `diff`: component SSL is switched on or off.
public struct SSLSwitch: DiffRule {
    public static let descriptor = RuleDescriptor(
        id: "ssl-switch", severity: .warning,
        summary: "`diff`: component SSL is switched on or off, which every Maestro server must do in the same window.",
        documentation: """
            Component SSL is all-or-nothing: a server with SSL cannot talk to \
            one without it. Switching it on means a certificate for every \
            Maestro server, an `ssl.ini` on every one, and a restart of all of \
            them together; switching it off means removing every `ssl.ini` \
            and restarting all of them together. Until the last one restarts, \
            the components cannot reach each other.

            Reported by `maestro-topo diff` at the `enabled` that changes: the \
            target's, or the current file's when the target leaves SSL off by \
            omitting it.

            ```yaml
            component_ssl:
              enabled: true     # was false (or absent) in the current file
            ```

            Fix: nothing to fix; plan it. Obtain and install all certificates \
            before the maintenance window, then write every `ssl.ini` and \
            restart every server in one window.
            """)
}
