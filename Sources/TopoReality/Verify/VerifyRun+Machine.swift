import TopoCheck
import TopoModel
import TopoSource
import TopoSystem

extension VerifyRun {
    /// The Maestro components whose folders sit under the install folder.
    static let componentFolders: [(component: Component, folder: String)] = [(.hub, "hub"), (.lui, "lui"), (.trk, "trk")]

    /// The planned components' folders exist; a component installed here
    /// that the plan places elsewhere is reported too.
    func checkComponentFolders() {
        let at = host.entry.components?.location ?? host.nameLocation
        guard FileSystem.kind(of: installFolder) == .directory else {
            ledger.failed(
                ComponentFolderMissing.self, "the install folder '\(installFolder)' does not exist",
                at: host.installFolder.location, in: .topology,
                notes: [request.root == nil ? "run verify on the server, or give a copy of its install folder with --root" : "--root names the copy of the server's install folder"])
            return
        }
        let entries = (try? FileSystem.typedEntries(of: installFolder)) ?? []
        for (component, folder) in Self.componentFolders {
            // Windows folders compare without regard to case.
            let present = entries.contains { entry in
                (host.os.value == .windows ? entry.name.lowercased() == folder : entry.name == folder)
                    && FileSystem.kind(of: installFolder + "/" + entry.name) == .directory
            }
            let planned = plan.components.contains(component)
            switch (planned, present) {
            case (true, true):
                ledger.ok(ComponentFolderMissing.self, "\(folder)/ is there")
            case (true, false):
                ledger.failed(
                    ComponentFolderMissing.self, "\(component.rawValue) is planned on '\(host.name)', but '\(installFolder)' has no \(folder)/ folder",
                    at: at, in: .topology, notes: ["install \(component.rawValue) on this server, or correct the plan"])
            case (false, true):
                ledger.failed(
                    ComponentUnplanned.self, "'\(installFolder)' has a \(folder)/ folder, but the plan does not place \(component.rawValue) on '\(host.name)'",
                    at: at, in: .topology,
                    notes: ["a leftover of a move? stop it and remove it once the component runs where the plan says, or add \(component.rawValue) to the plan"])
            case (false, false):
                ledger.ok(ComponentUnplanned.self, "no \(folder)/, as planned")
            }
        }
    }

    /// Names a machine always answers to that say nothing about it.
    static let localNames: Set<String> = ["localhost", "localhost.localdomain", "localhost6", "localhost6.localdomain6",
                                          "ip6-localhost", "ip6-loopback"]

    /// On the server itself: the machine answers to the planned name, and
    /// to no other that partners might use.
    func checkMachineNames() {
        guard let names = request.machineNames else {
            let reason = "not run on the server (--root): its names are not this machine's"
            ledger.skipped(HostNameMismatch.self, reason)
            ledger.skipped(HostSeveralNames.self, reason)
            return
        }
        var own: [String] = []
        for name in names.map(HostName.canonical) where !name.isEmpty && !Self.localNames.contains(name) && !own.contains(name) {
            own.append(name)
        }
        let planned = host.canonicalName
        guard own.contains(planned) else {
            ledger.failed(
                HostNameMismatch.self, "this machine is not '\(host.name)': it answers to \(own.isEmpty ? "no name but localhost" : Self.list(own))",
                at: host.nameLocation, in: .topology,
                notes: ["the certificate and the partners' SSLAllowedClients name '\(host.name)'; set the host name or DNS, or correct the plan"])
            return
        }
        ledger.ok(HostNameMismatch.self, "this machine answers to '\(host.name)'")
        // The short form of the planned name is the same name, not another.
        let short = planned.split(separator: ".").first.map(String.init) ?? planned
        let others = own.filter { $0 != planned && $0 != short }
        if others.isEmpty {
            ledger.ok(HostSeveralNames.self, "no other name")
        } else {
            ledger.failed(
                HostSeveralNames.self, "this machine also answers to \(Self.list(others))",
                at: host.nameLocation, in: .topology,
                notes: ["the partners must reach it as '\(host.name)', the name of its certificate; several names per server are untested with component SSL"])
        }
    }
}
