/// `diff`: the Tracker gets another host name.
public struct TrackerMoved: DiffRule {
    public static let descriptor = RuleDescriptor(
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

            Fix: keep the old DNS name leading to the Tracker for as long as \
            old mails may be opened, or move the Tracker only long after the \
            last tracked job. A renamed machine keeps its old DNS record. \
            For another machine, the old name points at the new Tracker host \
            (an alias record). When a host of the target keeps the old name \
            (LUI and HUB stay there, say), Maestro's web server there holds \
            its HTTP port, so a reverse proxy or load balancer in front of it \
            sends the `/trk` path to the new host and the rest on to Maestro. \
            When the old name also served LUI or HUB and they move elsewhere, \
            pointing the name at the new Tracker breaks users' bookmarks: a \
            reverse proxy answering for the old name forwards `/trk` to the \
            Tracker and `/lui` and `/hub` to their new host. The runbook \
            prepares the chosen way before the window and switches it on \
            right after the Tracker starts on its new host. Keep the \
            Tracker's downtime short: stop it last and start it early.
            """)
}
