/// After the restart: prove it worked, then clean up.
extension RunbookWriter {
    mutating func after() {
        let starting = targetPlan.servers.filter { consequences.restart.contains($0.host) }
        for server in starting {
            if server.expectedLogLines.isEmpty {
                let components = server.components.filter(\.isMaestro)
                add(.after, server.host, "Check that \(Self.maestro(components)) on \(server.host) \(components.count == 1 ? "has" : "have") started and \(components.count == 1 ? "reaches" : "reach") the other components.")
            } else {
                add(.after, server.host, "Check the logs on \(server.host) for: " + server.expectedLogLines.map { "'\($0)'" }.joined(separator: ", ") + ".")
            }
        }
        let lui = diff.target.hosts(running: .lui).first?.name
        if let database = consequences.database, let lui {
            add(.after, lui, "Log in to LUI on \(lui) and check that it works with the system database on \(database.to): the lists, recipients and jobs of before the change are there.")
        }
        if let lui {
            for move in consequences.dataMoves where move.component == .listserv {
                add(.after, lui, "Send a test job from LUI on \(lui) to a test list or recipient, and check that LISTSERV on \(move.to) delivers it.")
            }
        }
        let maestroMoved = consequences.dataMoves.contains { $0.component.isMaestro }
        let folderChanged = diff.changes.contains { $0.fields.contains { $0.field == "install_folder" } }
        if maestroMoved || folderChanged || !consequences.osChanges.isEmpty {
            add(.after, hubHost, "Log in to the HUB and check the Default URL Settings of LUI (and account or group overrides), and, where an install folder or operating system changed, every path setting: backup folders and upload restrictions.")
        }
        for host in consequences.listservRemoved {
            add(.after, hubHost, "In the HUB, remove \(host) from Maestro's LISTSERV settings.")
            add(.after, host, "Stop LISTSERV on \(host) once no Maestro job uses it.")
        }
        let advice = TrackerAdvice(diff)
        for firewall in consequences.firewall where !firewall.close.isEmpty {
            // The old machine may answer for the old Tracker name through a
            // reverse proxy: its HTTP port closes only when that ends.
            if let advice, advice.proxyOnOldMachine, firewall.host == advice.from {
                let http = diff.current.host(named: advice.from)?.httpPort.value
                let (web, rest) = (firewall.close.filter { $0.port == http }, firewall.close.filter { $0.port != http })
                if !rest.isEmpty { add(.after, firewall.host, "Close inbound " + Runbook.describe(rest) + " (no longer needed).") }
                if !web.isEmpty { add(.after, firewall.host, "Close inbound " + Runbook.describe(web) + " once no reverse proxy answers there for the old Tracker name any more.") }
                continue
            }
            add(.after, firewall.host, "Close inbound " + Runbook.describe(firewall.close) + " (no longer needed).")
        }
        for host in consequences.certificatesToRetire {
            add(.after, host, "Retire the old certificate of \(host): revoke it at the CA and delete it from the keystore.")
        }
    }
}
