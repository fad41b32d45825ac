import ArgumentParser
import Foundation
import MaestroTopo
import TopoCheck
import TopoModel
import TopoReality
import TopoRender
import TopoSystem

extension OperatingSystem: ExpressibleByArgument {}

struct DiscoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "Read an installed Maestro server back into topology YAML, and join the servers' fragments into one topology.",
        discussion: """
            On each Maestro server (or on a copy of its install folder), \
            discover prints the host's entry as found: its components from \
            the hub/, lui/ and trk/ folders, component SSL from \
            commands/ssl.ini (read as Java reads it), the keystore and the \
            allowed clients, the CA from the keystore's certificate chain \
            when it can be read without the password. The password is never \
            copied: the fragment names a placeholder source to fill in. \
            Comments say what could not be read.

            For the database and LISTSERV hosts, which have no Maestro \
            folders, declare their entry with --components instead of --root.

            Then join the fragments with --merge: the result is a topology \
            that validate checks and diff takes as CURRENT, so the current \
            installation is never typed by hand.

            Examples:
              maestro-topo discover --root /opt/lsoft/maestro --host ui.acme.example > ui.yaml
              maestro-topo discover --root /mnt/lui-copy --host lui.acme.example --os windows \\
                  --install-folder 'C:\\Program Files\\L-Soft\\Maestro' > lui.yaml
              maestro-topo discover --host db.acme.example --components DATABASE --database-engine postgresql > db.yaml
              maestro-topo discover --merge ui.yaml trk.yaml db.yaml lsv.yaml --installation acme > current.yaml
              maestro-topo diff current.yaml target.yaml
            """)

    @Option(name: .long, help: ArgumentHelp("The server's install folder, or a copy of it.", valueName: "dir"))
    var root: String?

    @Option(name: .long, help: ArgumentHelp("The host's name as the topology names it.", valueName: "name"))
    var host: String?

    @Option(name: .long, help: "linux or windows. Default: windows when ssl.ini names a drive-letter path, else linux.")
    var os: OperatingSystem?

    @Option(name: .customLong("install-folder"), help: ArgumentHelp("The server's own install folder, when --root is a copy.", valueName: "path"))
    var installFolder: String?

    @Option(name: .long, help: ArgumentHelp("Without --root: the host's components, e.g. DATABASE,LISTSERV.", valueName: "list"))
    var components: String?

    @Option(name: .customLong("database-engine"), help: ArgumentHelp("Without --root, for a DATABASE host: internal, mysql, mssql, oracle, db2 or postgresql.", valueName: "engine"))
    var databaseEngine: String?

    @Flag(name: .long, help: "Join the fragment files given as arguments into one topology.")
    var merge = false

    @Option(name: .long, help: ArgumentHelp("With --merge: the installation's name.", valueName: "name"))
    var installation = "discovered"

    @Argument(help: "With --merge: the fragment files.")
    var fragments: [String] = []

    func validate() throws {
        if merge {
            guard !fragments.isEmpty else { throw ValidationError("--merge joins fragment files: name at least one") }
            guard root == nil, host == nil, components == nil else {
                throw ValidationError("--merge takes only fragment files (and --installation)")
            }
            return
        }
        guard fragments.isEmpty else { throw ValidationError("fragment files are joined with --merge") }
        guard host != nil else { throw ValidationError("discover needs --host NAME: the host's name in the topology") }
        guard (root == nil) != (components == nil) else {
            throw ValidationError("give --root DIR for a Maestro server, or --components LIST for a host without Maestro")
        }
        if let components {
            for item in components.split(separator: ",") where Component(rawValue: item.uppercased().trimmingCharacters(in: .whitespaces)) == nil {
                throw ValidationError("--components: '\(item)' is no component (LUI, HUB, TRK, DATABASE, LISTSERV)")
            }
        }
        if let databaseEngine, DatabaseEngine(rawValue: databaseEngine.lowercased()) == nil {
            throw ValidationError("--database-engine: '\(databaseEngine)' is no engine (internal, mysql, mssql, oracle, db2, postgresql)")
        }
    }

    func run() throws {
        do {
            if merge {
                let result = try FragmentMerge.merge(fragments, installation: installation)
                Output.out(result.text)
                let printer = FindingsPrinter(strict: false, quiet: false, style: TextStyle.forStream(2, noColorFlag: false))
                printer.print(result.diagnostics, in: result.source)
                if result.diagnostics.fails(strict: false) {
                    printer.refuse(result.diagnostics, because: "the joined topology has errors: add the missing hosts' fragments, or correct the fragments")
                    throw ExitCode(1)
                }
                return
            }
            let header: [String]
            let fragment: HostFragment
            if let root {
                fragment = try InstallationDiscovery.discover(
                    .init(root: root, host: host!, os: os, installFolder: installFolder))
                header = ["maestro-topo discover: \(host!) as found in \(root)"]
            } else {
                fragment = InstallationDiscovery.declared(
                    host: host!, os: os ?? .linux,
                    components: components!.split(separator: ",").compactMap { Component(rawValue: $0.uppercased().trimmingCharacters(in: .whitespaces)) },
                    databaseEngine: databaseEngine.flatMap { DatabaseEngine(rawValue: $0.lowercased()) })
                header = ["maestro-topo discover: \(host!) as declared (no Maestro folders to read)"]
            }
            Output.out(FragmentRenderer.fragment(fragment, header: header))
        } catch let refusal as RealityRefusal {
            Output.error(refusal.description)
            throw ExitCode(2)
        }
    }
}
