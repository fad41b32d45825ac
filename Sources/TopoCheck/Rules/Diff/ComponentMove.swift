/// `diff`: a component moves to another host.
public struct ComponentMove: DiffRule {
    public static let descriptor = RuleDescriptor(
        id: "component-move", severity: .note,
        summary: "`diff`: a component moves to another host: stop it, move its data (delete, then copy), never run both.",
        documentation: """
            Moving a component (LUI, HUB, TRK, the system database or \
            LISTSERV) is not cloning it: the old and the new copy must \
            never run at the same time with the same data, or they overwrite \
            each other's state. The vendor's procedure is: stop the component \
            on the old host (and keep it from starting again), install the \
            same Maestro version on the new host and stop it, then for each \
            item to move delete it on the new host first and copy the old one \
            in (never copy over it), adjust host names and paths, and start. \
            The system database moves with its engine's own tools (a change of \
            engine is `database-migration`), LISTSERV with LISTSERV's own \
            procedure; afterwards LUI gets the new database connection and \
            restarts, and Maestro's LISTSERV settings name the new host.

            Reported by `maestro-topo diff` at the component in the target; \
            the runbook lists the items to move.

            ```yaml
            # current: [LUI, HUB, TRK] on maestro.acme.example; target:
            hosts:
              maestro.acme.example: {components: [LUI, HUB]}
              trk.acme.example: {components: [TRK]}
            ```

            Fix: nothing to fix; follow the runbook's order.
            """)
}
