import TopoCheck
import TopoModel
import TopoSystem

/// `discover`: one Maestro server read back into a topology's host entry,
/// from its install folder (or a copy): the components from the component
/// folders, SSL from `commands/ssl.ini` (read as Java reads it), the CA
/// from the certificate chain in the keystore when that can be read
/// without the password (JKS). A password is never copied.
public enum InstallationDiscovery {
    public struct Request: Sendable {
        /// The install folder, or a copy of it.
        public var root: String
        public var host: String
        /// Nil: Windows when ssl.ini names a drive-letter path, else Linux.
        public var os: OperatingSystem?
        /// The server's own install folder, when `root` is a copy.
        public var installFolder: String?

        public init(root: String, host: String, os: OperatingSystem? = nil, installFolder: String? = nil) {
            self.root = root
            self.host = host
            self.os = os
            self.installFolder = installFolder
        }
    }

    public static func discover(_ request: Request) throws(RealityRefusal) -> HostFragment {
        guard FileSystem.kind(of: request.root) == .directory else {
            throw RealityRefusal("--root '\(request.root)' is not a folder: give the server's install folder, or a copy of it")
        }
        var remarks: [String] = []
        let entries = (try? FileSystem.typedEntries(of: request.root)) ?? []
        let components = Component.allCases.filter { component in
            guard let folder = component.folder else { return false }
            return entries.contains { $0.name.lowercased() == folder && FileSystem.kind(of: request.root + "/" + $0.name) == .directory }
        }
        if components.isEmpty {
            remarks.append("no hub/, lui/ or trk/ folder under \(request.root): is it Maestro's install folder?")
        }

        let sslIniPath = request.root + "/commands/ssl.ini"
        var ssl: HostFragment.SSL?
        var keystoreWritten: String?
        if FileSystem.kind(of: sslIniPath) == .regular {
            do {
                let properties = PropertiesFile(bytes: try FileSystem.read(sslIniPath, limit: 1 << 20))
                if let problem = properties.problems.first {
                    remarks.append("ssl.ini line \(problem.line): \(problem.message); what follows it was not read")
                }
                func last(_ key: String) -> String? { properties.entries.last { $0.key == key }?.value }
                keystoreWritten = last("SSLKeystorePath")
                let clients = last("SSLAllowedClients").map {
                    $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                }
                if keystoreWritten == nil { remarks.append("ssl.ini names no SSLKeystorePath") }
                ssl = HostFragment.SSL(
                    keystore: keystoreWritten, allowedClients: clients, ca: nil, password: HostFragment.passwordPlaceholder)
            } catch {
                remarks.append("ssl.ini could not be read (\(error.description)); SSL settings left out")
                ssl = HostFragment.SSL(keystore: nil, allowedClients: nil, ca: nil, password: HostFragment.passwordPlaceholder)
            }
            remarks.append("keystore_password is a placeholder: the password in ssl.ini is never copied; name its source")
        } else {
            remarks.append("no commands/ssl.ini: component SSL is off on this server")
        }

        let os = request.os ?? (keystoreWritten.map(Self.looksLikeWindows) == true ? .windows : .linux)
        let installFolder = request.installFolder ?? keystoreWritten.flatMap { Self.installFolder(fromKeystore: $0, os: os) }
            ?? request.root
        if request.installFolder == nil {
            remarks.append(installFolder == request.root
                ? "install_folder is the folder read; if it is a copy, write the server's own path (--install-folder)"
                : "install_folder taken from SSLKeystorePath (<install_folder>/keystore/...)")
        }

        if var found = ssl, let written = keystoreWritten {
            let paths = PathMap(installFolder: installFolder, os: os, root: request.root, mappings: [])
            if let local = paths.local(written), let bytes = try? FileSystem.read(local, limit: 16 << 20),
               let store = Keystore.certificatesOnly(bytes: bytes),
               let chain = store.entry(alias: request.host)?.chain, let top = chain.last,
               let facts = try? CertificateFacts(der: top) {
                found.ca = facts.selfSigned ? facts.subjectCommonName : facts.issuerCommonName
            } else {
                remarks.append("ca left out: the keystore's certificate chain could not be read without its password")
            }
            ssl = found
        }
        return HostFragment(
            name: request.host, os: os, installFolder: installFolder, components: components, ssl: ssl, remarks: remarks)
    }

    /// `C:\…`, `D:/…` or `\\server\…`.
    static func looksLikeWindows(_ path: String) -> Bool {
        let scalars = Array(path.unicodeScalars)
        if scalars.count >= 2, scalars[1] == ":", scalars[0].properties.isAlphabetic { return true }
        return path.hasPrefix("\\\\")
    }

    /// The folder above `keystore/NAME`, the layout a bundle plans.
    static func installFolder(fromKeystore path: String, os: OperatingSystem) -> String? {
        let separators: Set<Character> = os == .windows ? ["/", "\\"] : ["/"]
        guard let last = path.lastIndex(where: { separators.contains($0) }) else { return nil }
        let folder = path[..<last]
        guard let parentEnd = folder.lastIndex(where: { separators.contains($0) }),
              folder[folder.index(after: parentEnd)...].lowercased() == "keystore" else { return nil }
        let install = String(folder[..<parentEnd])
        return install.isEmpty ? nil : install
    }
}

extension InstallationDiscovery {
    /// A host without Maestro folders (the database, LISTSERV), as the
    /// administrator declares it, so `--merge` has every component.
    public static func declared(
        host: String, os: OperatingSystem, components: [Component], databaseEngine: DatabaseEngine?
    ) -> HostFragment {
        var remarks: [String] = []
        var engine = databaseEngine
        if components.contains(.database), engine == nil {
            engine = .internal
            remarks.append("database engine not given (--database-engine): Maestro's own MySQL assumed")
        }
        return HostFragment(
            name: host, os: os, installFolder: nil, components: components.sorted(),
            databaseEngine: components.contains(.database) ? engine : nil, ssl: nil, remarks: remarks)
    }
}
