import TopoModel
import TopoPlan

/// What the change-ticket formats (Markdown, HTML) say about a plan as a
/// whole, worded once for both.
extension Plan {
    /// The summary line's facts: version, host counts, component SSL and
    /// the Tracker link.
    var summaryFacts: [String] {
        var facts = [PlanTextRenderer.plural(servers.count, "Maestro server"),
                     PlanTextRenderer.plural(external.count, "external host"),
                     "component SSL \(componentSSL ? "on" : "off")",
                     "tracker link \(trackerDirection.rawValue)"]
        if let maestroVersion { facts.insert("Maestro \(maestroVersion)", at: 0) }
        return facts
    }

    /// Every inbound firewall opening, with the host it opens: Maestro
    /// servers first, then external hosts, each in file order.
    var firewallOpenings: [(host: String, rule: FirewallRule)] {
        let hosts = servers.map { ($0.host, $0.firewall) } + external.map { ($0.host, $0.firewall) }
        return hosts.flatMap { host, rules in rules.map { (host, $0) } }
    }
}

extension Array where Element == Component {
    /// The components as the plan formats list them: `lui, hub`.
    var listed: String { map(\.rawValue).joined(separator: ", ") }
}
