extension Rules {
    /// `diff`: the Tracker gets another host name.
    public static let trackerMoved: Rule = Rule(
        id: "tracker-moved", severity: .warning,
        summary: "`diff`: the Tracker changes host name, and every tracking link already mailed points at the old one.",
        documentation: """
            Every mail Maestro has sent carries tracking links and an open \
            pixel with the Tracker's host name in them. When TRK moves to a \
            host with another name (or its host is renamed), opens and clicks \
            from those mails go to the old name: the events are lost and the \
            links break, unless the old name keeps pointing at the Tracker.

            Reported by `maestro-topo diff` at the TRK of the target file.

            ```yaml
            # current: TRK on ui.acme.example; target:
            hosts:
              trk.acme.example:
                components: [TRK]
            ```

            Fix: keep the old DNS name pointing at the new Tracker host (an \
            alias record) for as long as old mails may be opened, or move the \
            Tracker only long after the last tracked job. Keep its downtime \
            short: stop it last and start it first.
            """)
}

enum TrackerMovedText {
    static func message(from: String, to: String) -> String {
        "the Tracker moves from '\(from)' to '\(to)'; tracking links in mail already sent point at '\(from)'"
    }

    /// `staysInUse`: the old host still runs other components, so its
    /// name cannot simply point at the new Tracker.
    static func notes(from: String, to: String, staysInUse: Bool) -> [String] {
        [
            staysInUse
                ? "'\(from)' stays in use: forward its Tracker URLs (the /trk path on its HTTP port) to '\(to)', e.g. with a reverse proxy, for as long as old mails may be opened"
                : "keep the DNS name '\(from)' pointing at '\(to)' for as long as old mails may be opened",
            "or move the Tracker only long after the last tracked job",
        ]
    }
}
