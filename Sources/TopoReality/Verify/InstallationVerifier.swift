import Foundation
import TopoBundle
import TopoCheck
import TopoModel
import TopoPlan
import TopoSource
import TopoSystem

/// `verify`: one Maestro server as it is, against its plan. Each check
/// writes its outcome and findings into a ledger; the report groups the
/// findings by the file they point into, so they print like `validate`'s.
public enum InstallationVerifier {
    /// Checks the server `request` names (or the one this machine is) of a
    /// topology without errors. `secrets` reads the topology's password
    /// source when it can, to compare it with `ssl.ini`'s; nil skips that.
    public static func verify(
        _ resolved: ResolvedTopology, source: SourceFile, request: VerifyRequest, secrets: (any SecretProvider)?
    ) throws(RealityRefusal) -> InstallationReport {
        let host = try server(in: resolved, request: request)
        if host.os.value == .windows && request.root == nil {
            throw RealityRefusal(
                "'\(host.name)' is a Windows server: verify reads a copy of its install folder; give it with --root DIR")
        }
        guard let plan = Planner.plan(resolved).servers.first(where: { $0.host == host.name }) else {
            throw RealityRefusal("'\(host.name)' has no plan")  // every Maestro server has one
        }
        var caCertificates: [[UInt8]] = []
        if let caFile = request.caFile {
            let bytes: [UInt8]
            do { bytes = try FileSystem.read(caFile, limit: 1 << 20) } catch { throw RealityRefusal(error.description) }
            caCertificates = PEM.derCertificates(pem: String(decoding: bytes, as: UTF8.self))
            guard !caCertificates.isEmpty else {
                throw RealityRefusal("--ca-file '\(caFile)' holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
            }
        }
        let run = VerifyRun(
            resolved: resolved, host: host, plan: plan, request: request, secrets: secrets, caCertificates: caCertificates)
        run.checkComponentFolders()
        run.checkSSLIni()
        run.checkKeystore()
        run.checkTrustedRoots()
        run.checkLogs()
        run.checkMachineNames()
        if let refusal = run.refusal { throw refusal }
        return run.report(topology: source)
    }

    /// The server to check: the one named, else the one whose name is among
    /// the machine's own.
    static func server(in resolved: ResolvedTopology, request: VerifyRequest) throws(RealityRefusal) -> ResolvedHost {
        let servers = resolved.maestroServers.map(\.name).joined(separator: ", ")
        if let name = request.host {
            guard let host = resolved.host(matching: name) else {
                throw RealityRefusal("--host '\(name)' is not a host of the topology (its Maestro servers: \(servers))")
            }
            guard host.isMaestroServer else {
                throw RealityRefusal(
                    "--host '\(name)' runs no Maestro component; verify checks Maestro servers (\(servers))")
            }
            return host
        }
        let own = Set((request.machineNames ?? []).map(HostName.canonical))
        let matching = resolved.maestroServers.filter { own.contains($0.canonicalName) }
        guard let host = matching.first else {
            let known = request.machineNames.map { " (this machine: \($0.joined(separator: ", ")))" } ?? ""
            throw RealityRefusal("no Maestro server of the topology is this machine\(known); name one with --host (\(servers))")
        }
        return host
    }
}

/// The state of one `verify` run: the server, its plan, where its files
/// are here, and the ledger the checks write into.
final class VerifyRun {
    let resolved: ResolvedTopology
    let host: ResolvedHost
    let plan: ServerPlan
    let request: VerifyRequest
    let secrets: (any SecretProvider)?
    let caCertificates: [[UInt8]]
    let paths: PathMap
    var ledger: VerifyLedger
    /// `ssl.ini` as read, when it exists.
    var sslIni: (source: SourceFile, properties: PropertiesFile)?
    /// Set when a check finds what cannot be judged here at all.
    var refusal: RealityRefusal?

    init(
        resolved: ResolvedTopology, host: ResolvedHost, plan: ServerPlan, request: VerifyRequest,
        secrets: (any SecretProvider)?, caCertificates: [[UInt8]]
    ) {
        self.resolved = resolved
        self.host = host
        self.plan = plan
        self.request = request
        self.secrets = secrets
        self.caCertificates = caCertificates
        paths = PathMap(
            installFolder: host.installFolder.value, os: host.os.value, root: request.root, mappings: request.pathMaps)
        ledger = VerifyLedger(host: host.name)
    }

    /// Component SSL as planned for this server.
    var sslPlanned: Bool { plan.sslIni != nil }

    /// Where the topology decides SSL for this server.
    var sslLocation: SourceLocation { host.ssl.enabledLocation ?? host.nameLocation }

    /// The install folder here: the copy, or the planned folder itself.
    var installFolder: String { request.root ?? host.installFolder.value }

    /// A local path to show: the server's own path beside it when they differ.
    func shown(_ local: String, server: String) -> String {
        local == server ? "'\(local)'" : "'\(local)' (\(server) on the server)"
    }

    func report(topology source: SourceFile) -> InstallationReport {
        var files = [FileReport(source: source, diagnostics: (ledger.findings[.topology] ?? []).sortedForOutput())]
        if let sslIni {
            files.append(FileReport(source: sslIni.source, diagnostics: (ledger.findings[.sslIni] ?? []).sortedForOutput()))
        }
        return InstallationReport(host: host.name, root: request.root, checks: ledger.checks, files: files)
    }
}
