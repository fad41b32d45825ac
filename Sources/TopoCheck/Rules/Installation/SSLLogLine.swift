/// `verify`: a component's log does not show the SSL state the plan expects.
public struct SSLLogLine: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "ssl-log-line", severity: .error,
        summary: "`verify`: a component's newest log lacks the SSL start line while SSL is planned on, or has it while SSL is planned off.",
        documentation: """
            With component SSL, each component logs `XYZ: Initializing Secure \
            Sockets Layer (SSL) for component communication` (XYZ: HUB, LUI or \
            TRK). Missing while SSL is planned on: the server was not \
            restarted after `ssl.ini` was written, or did not read it. Present \
            while SSL is planned off: it last started with an `ssl.ini`.

            Log folders and file names are not documented (the manuals say \
            `log` in one place, `logs` in another), nor is a line that marks \
            a start. So `verify` looks in each component folder (`hub`, `lui`, \
            `trk`, or in capitals) for a `log` or `logs` subfolder, reads its \
            newest file whole (which may hold the line of an earlier start) \
            and names it. With `--logs DIR`, it takes the newest file there \
            whose name holds the component's (`hub`, `lui`, `trk` or `tracker`). Reported at \
            the host's `components` in the topology.

            ```yaml
            component_ssl: {enabled: true}
            ```

            Fix: restart Maestro here after writing (or removing) `ssl.ini`.
            """)
}
