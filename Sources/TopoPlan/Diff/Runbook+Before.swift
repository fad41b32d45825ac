import TopoModel

/// Before the window: nothing here stops a component.
extension RunbookWriter {
    mutating func prepare() {
        // Host by host in the target's order: what a renamed server is taken
        // to be, or the install (keytool comes with Maestro's Java), first;
        // then the trusted roots (vendor step 2.2.1); then the certificate.
        for host in diff.target.hosts {
            let name = host.name
            if let old = renamedFrom(name) {
                add(.before, name, "The server '\(old)' gets the new name '\(name)'. maestro-topo takes it to be the same machine and installation under a new name: add '\(name)' to DNS for it now, and keep '\(old)' resolving too: the components address each other by name until the window is over\(host.components.contains(.trk) ? ", and tracking links in mail already sent use it for much longer" : ""). If '\(name)' is another machine, this runbook does not fit: plan the change as a move instead (install Maestro there first, then move each component's data, delete then copy).")
            }
            if isNewMaestroServer(name) {
                add(.before, name, "Install \(version) on \(name) with only \(Self.maestro(host.components)) selected (on Windows the installer's Individual Setup: Express Setup puts every component and LISTSERV on one host), and stop it: it must not run before its data is in place. Its Java brings the keytool that the certificate steps use.")
            }
            if let server = targetServers[name], let certificate = server.certificate {
                if consequences.trustedRootsToInstall.contains(name) {
                    add(.before, name, PlanText.trustStep(certificate, roots: server.trustedRoots, os: server.os))
                }
                if consequences.certificatesToIssue.contains(name) {
                    add(.before, name, "Obtain the server certificate for \(certificate.subject): create the key pair (subjectAltName DNS:\(certificate.hostName)) and CSR in \(certificate.keystore) (alias '\(certificate.alias)'), have '\(certificate.ca)' sign it, import the root and the signed certificate (\(PlanText.certificateScript(server.os)) request, then install, from maestro-topo bundle).")
                }
            }
            if let database = consequences.database, database.movesData,
               HostName.canonical(database.to) == HostName.canonical(name) {
                add(.before, name, DatabaseText.prepare(database, on: host))
            }
            if listservArrives(at: name) {
                add(.before, name, "Install LISTSERV on \(name) and keep it stopped until its data is in place; Maestro's sending account needs the DISTRIBUTE right there (DIST_ALLOWED_USERS, or POSTMASTER).")
            }
        }
        for firewall in consequences.firewall where !firewall.open.isEmpty {
            add(.before, firewall.host, "Open inbound " + Runbook.describe(firewall.open) + ".")
        }
        if let advice = TrackerAdvice(diff) {
            add(.before, advice.stepHost, advice.preparation)
        }
    }

    /// The current name of a renamed target host.
    func renamedFrom(_ name: String) -> String? {
        diff.previousName(of: name)
    }

    /// A host that runs a Maestro component afterwards and ran none before
    /// (a renamed server keeps its installation).
    func isNewMaestroServer(_ name: String) -> Bool {
        guard let change = diff.change(of: name), change.action != .rename else { return false }
        return change.after?.isMaestroServer == true && change.before?.isMaestroServer != true
    }

    /// LISTSERV comes to this host, by a move or as an added instance.
    func listservArrives(at name: String) -> Bool {
        consequences.dataMoves.contains { $0.component == .listserv && $0.to == name }
            || consequences.listservAdded.contains(name)
    }
}
