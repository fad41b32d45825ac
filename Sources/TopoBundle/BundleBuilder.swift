import TopoModel
import TopoPlan
import TopoRender

/// One file of a bundle, relative to the bundle folder.
public struct BundleFile: Sendable, Equatable {
    public var path: String
    public var bytes: [UInt8]
    public var mode: UInt32

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Everything a bundle holds, assembled in memory before anything is
/// written, so a missing secret stops the run before a single file exists.
public struct BundleContent: Sendable {
    public var installation: String
    public var files: [BundleFile]
    /// Servers whose ssl.ini holds the placeholder instead of a password.
    public var placeholderHosts: [String]
    /// Things to tell the user (a password file others can read).
    public var warnings: [String]
    /// The files that hold a password (each server's ssl.ini).
    public var secretPaths: [String] = []

    /// Overwrites with zeros the bytes of every file that holds a password;
    /// call it once the bundle is written. The bytes' storage itself is
    /// overwritten, not a copy of it (a mutation through the array would
    /// copy first when another value shares the storage, and wipe only the
    /// copy): every copy of those files reads zeros afterwards.
    public func wipeSecrets() {
        for file in files where secretPaths.contains(file.path) {
            file.bytes.withUnsafeBytes { bytes in
                SecretMemory.wipe(UnsafeMutableRawBufferPointer(mutating: bytes))
            }
        }
    }
}

public enum BundleBuilder {
    /// Marks a folder as a bundle and names its installation; `bundle`
    /// replaces only folders that carry it.
    public static let markerName = ".maestro-topo-bundle"

    public static func marker(installation: String) -> String {
        "maestro-topo bundle\ninstallation: \(installation)\n"
    }

    public static func build(
        plan: Plan, diagnostics: [Diagnostic], secrets: some SecretProvider
    ) throws(ToolError) -> BundleContent {
        // A value a script cannot carry stops the run before any password is read.
        if let problem = ScriptValues.problem(in: plan) { throw problem }
        // Before the first password is read: no core file may hold one.
        SecretMemory.protectProcess()
        var files: [BundleFile] = []
        var placeholders: [String] = []
        var warnings: [String] = []
        var secretPaths: [String] = []
        func add(_ path: String, _ text: String, mode: UInt32 = 0o644) {
            files.append(BundleFile(path: path, bytes: Array(text.utf8), mode: mode))
        }
        // A later host can still stop the build (its password missing): the
        // ssl.ini bytes made for the hosts before it are wiped then, not
        // dropped with the passwords in them. Once built, the caller wipes.
        var built = false
        defer {
            if !built {
                BundleContent(installation: plan.installation, files: files, placeholderHosts: [], warnings: [],
                              secretPaths: secretPaths).wipeSecrets()
            }
        }

        for server in plan.servers {
            let folder = try folder(for: server.host)
            var placeholder = false
            if let ini = server.sslIni, let certificate = server.certificate {
                let secret = try secrets.resolve(ini.password, host: server.host)
                if secret.isPlaceholder {
                    placeholder = true
                    placeholders.append(server.host)
                }
                if let warning = secret.warning, !warnings.contains(warning) { warnings.append(warning) }
                // Escaped from the password's bytes straight into the file's;
                // the bytes read are wiped as soon as the file's are made.
                let path = "\(folder)/commands/ssl.ini"
                files.append(BundleFile(path: path, bytes: secret.bytes.withBytes { ini.bytes(password: $0) }, mode: 0o600))
                secret.bytes.wipe()
                secretPaths.append(path)
                if server.os == .linux {
                    add("\(folder)/certificate.sh", CertificateScript.shell(for: server, certificate: certificate), mode: 0o755)
                } else {
                    add("\(folder)/certificate.cmd", CertificateScript.cmd(for: server, certificate: certificate), mode: 0o755)
                }
            }
            add("\(folder)/\(BundleReadme.firewallFile(server.os))",
                firewall(host: server.host, os: server.os, components: server.components, rules: server.firewall, plan: plan),
                mode: server.os == .linux ? 0o755 : 0o644)
            add("\(folder)/README.md", BundleReadme.host(server, plan: plan, placeholder: placeholder))
        }
        for host in plan.external {
            let folder = try folder(for: host.host)
            add("\(folder)/\(BundleReadme.firewallFile(host.os))",
                firewall(host: host.host, os: host.os, components: host.components, rules: host.firewall, plan: plan),
                mode: host.os == .linux ? 0o755 : 0o644)
            add("\(folder)/README.md", BundleReadme.external(host, plan: plan))
        }
        add("README.md", BundleReadme.top(plan, placeholderHosts: placeholders))
        add("plan.json", PlanJSONRenderer.render(plan, installation: plan.installation, diagnostics: diagnostics))
        add(markerName, marker(installation: plan.installation))
        files.sort { $0.path < $1.path }
        let sums = files.map { "\(SHA256.hex($0.bytes))  \($0.path)\n" }.joined()
        add("SHA256SUMS", sums)
        built = true
        return BundleContent(
            installation: plan.installation, files: files, placeholderHosts: placeholders, warnings: warnings,
            secretPaths: secretPaths)
    }

    /// `hosts/<host>`: host names are validated before any plan exists, but
    /// a path is only ever built from a name that could not leave the bundle.
    static func folder(for host: String) throws(ToolError) -> String {
        guard HostName.problem(in: host) == nil, !host.hasPrefix("."), !host.contains("/") else {
            throw ToolError.refused(path: host, reason: "'\(host)' cannot be a folder name")
        }
        return "hosts/\(host)"
    }

    static func firewall(
        host: String, os: OperatingSystem, components: [Component], rules: [FirewallRule], plan: Plan
    ) -> String {
        os == .linux
            ? FirewallScript.nftables(host: host, components: components, rules: rules)
            : FirewallScript.powershell(host: host, installation: plan.installation, components: components, rules: rules)
    }
}
