/// `verify`: a component folder the plan does not explain.
public struct ComponentUnplanned: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "component-unplanned", severity: .warning,
        summary: "`verify`: a component folder exists under the install folder, but the plan does not put that component on this server.",
        documentation: """
            A `hub/`, `lui/` or `trk/` folder the plan does not account for \
            is usually left over from a move, or the plan is out of date. A \
            leftover component that still runs can answer on the ports of the \
            real one, and the vendor's move procedure says an old and a new \
            installation must never run side by side with the same data. \
            Reported at the host's `components` in the topology.

            ```yaml
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              trk.acme.example: {components: [TRK]}
            ```

            ```console
            $ ls /opt/lsoft/maestro      # on ui.acme.example
            commands  hub  keystore  lui  trk
            ```

            Fix: once its data is safe on its planned host, stop the leftover \
            and remove its folder; if it does belong here, update the plan.
            """)
}
