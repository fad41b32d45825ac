import TopoCheck
import TopoModel
import TopoRender
import TopoSource
import TopoSystem

/// `discover --merge`: the fragments of all servers (what `discover`
/// printed on each, and hand-written ones for the database and LISTSERV
/// hosts) joined into one topology, which is then checked like any other.
public enum FragmentMerge {
    public struct Result: Sendable {
        public var text: String
        /// The joined topology's own findings, as `validate` gives them.
        public var source: SourceFile
        public var diagnostics: [Diagnostic]
    }

    /// Reads each fragment file and joins their hosts in the order given.
    /// A fragment that does not load (syntax, keys, values), or a host
    /// named in two fragments, stops the merge.
    public static func merge(_ paths: [String], installation: String) throws(RealityRefusal) -> Result {
        var hosts: [HostFragment] = []
        var origin: [String: String] = [:]
        for path in paths {
            let bytes: [UInt8]
            do { bytes = try FileSystem.read(path, limit: LoaderLimits.default.maxFileSize) } catch {
                throw RealityRefusal(error.description)
            }
            let loaded = TopologyCheck.check(bytes: bytes)
            let loadErrors = loaded.diagnostics.filter { $0.severity == .error && RuleRegistry.isLoadRule($0.rule) }
            guard let topology = loaded.topology, loadErrors.isEmpty else {
                let first = loadErrors.first.map { "\($0.location): \($0.message)" } ?? "it could not be read"
                throw RealityRefusal("fragment '\(path)' is no readable topology: \(first) (maestro-topo validate '\(path)' shows all)")
            }
            for entry in topology.hosts {
                let key = HostName.canonical(entry.name.value)
                if let other = origin[key] {
                    throw RealityRefusal("'\(entry.name.value)' is in both '\(other)' and '\(path)': discover each server once")
                }
                origin[key] = path
                hosts.append(fragment(entry, in: topology))
            }
        }
        let header = ["Joined by maestro-topo discover --merge from: " + paths.joined(separator: ", "),
                      "Check it with: maestro-topo validate; compare with the target: maestro-topo diff CURRENT TARGET"]
        let text = FragmentRenderer.topology(hosts, installation: installation, header: header)
        let bytes = Array(text.utf8)
        let checked = TopologyCheck.check(bytes: bytes)
        return Result(text: text, source: SourceFile(path: "<merged>", bytes: bytes, secrets: checked.secretSpans),
                      diagnostics: checked.diagnostics)
    }

    /// A fragment's host with its file's defaults applied.
    static func fragment(_ entry: HostEntry, in topology: Topology) -> HostFragment {
        let os = entry.settings.os?.value ?? topology.defaults.os?.value ?? .linux
        let components = (entry.components?.value.map(\.value) ?? []).sorted()
        let maestro = components.contains(where: \.isMaestro)
        let folder = entry.settings.installFolder?.value ?? topology.defaults.installFolder?.value
        var ssl: HostFragment.SSL?
        let shared = topology.componentSSL
        if maestro, (entry.ssl?.enabled ?? shared?.enabled)?.value == true {
            ssl = HostFragment.SSL(
                keystore: entry.ssl?.keystore?.value,
                allowedClients: entry.ssl?.allowedClients?.items.map(\.value),
                ca: (entry.ssl?.ca ?? shared?.ca)?.value,
                password: (entry.ssl?.keystorePassword ?? shared?.keystorePassword)?.value ?? HostFragment.passwordPlaceholder)
        }
        return HostFragment(
            name: entry.name.value, os: os, installFolder: maestro ? (folder ?? os.defaultInstallFolder) : folder,
            components: components, databaseEngine: entry.database?.engine?.value, ssl: ssl)
    }
}
