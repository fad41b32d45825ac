/// After the restart: prove it worked, then clean up.
extension RunbookWriter {
    mutating func after() {
        let starting = targetPlan.servers.filter { consequences.restart.contains($0.host) }
        for server in starting {
            if server.expectedLogLines.isEmpty {
                add(.after, server.host, "Check that \(Self.maestro(server.components)) on \(server.host) started and reach the other components.")
            } else {
                add(.after, server.host, "Check the logs on \(server.host) for: " + server.expectedLogLines.map { "'\($0)'" }.joined(separator: ", ") + ".")
            }
        }
        if let database = consequences.database, let lui = diff.target.hosts(running: .lui).first?.name {
            add(.after, lui, "Log in to LUI on \(lui) and check that it works with the system database on \(database.to): the lists, recipients and jobs of before the change are there.")
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
        for firewall in consequences.firewall where !firewall.close.isEmpty {
            add(.after, firewall.host, "Close inbound " + Runbook.describe(firewall.close) + " (no longer needed).")
        }
        for host in consequences.certificatesToRetire {
            add(.after, host, "Retire the old certificate of \(host): revoke it at the CA and delete it from the keystore.")
        }
    }
}
