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
            Tracker only long after the last tracked job. When a host of the \
            target keeps the old name (LUI and HUB stay there, say), that host \
            forwards the Tracker's URLs (the `/trk` path) to the new one, e.g. \
            with a reverse proxy. When the old name also served LUI or HUB \
            and they move elsewhere, pointing the name at the new Tracker \
            breaks users' bookmarks: point it at a reverse proxy that forwards \
            `/trk` to the Tracker and `/lui` and `/hub` to their new host. \
            Keep the Tracker's downtime short: stop it last and start it first.
            """)
}

enum TrackerMovedText {
    static func message(from: String, to: String) -> String {
        "the Tracker moves from '\(from)' to '\(to)'; tracking links in mail already sent point at '\(from)'"
    }
}
