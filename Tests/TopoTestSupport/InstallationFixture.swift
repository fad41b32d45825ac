import Foundation
import XCTest

/// A Maestro server's files as `verify` finds them, made for real: a
/// throwaway CA with openssl, keystores with keytool, `ssl.ini`, logs,
/// component folders. keytool takes about a second a call, so a test class
/// makes the keystores it needs once and copies them.
public final class InstallationFixture {
    public let directory: URL
    public let keytool: String
    public let openssl: String
    /// `CN=Maestro Test CA`, and a second CA no plan names.
    public let ca: (key: URL, certificate: URL)
    public let otherCA: (key: URL, certificate: URL)

    public init(in directory: URL) throws {
        self.directory = directory
        keytool = try Tool.require("keytool")
        openssl = try Tool.require("openssl")
        ca = try Self.makeCA(openssl, name: "Maestro Test CA", in: directory, file: "ca")
        otherCA = try Self.makeCA(openssl, name: "Other CA", in: directory, file: "other-ca")
    }

    static func makeCA(_ openssl: String, name: String, in directory: URL, file: String) throws -> (key: URL, certificate: URL) {
        let key = directory.appendingPathComponent("\(file).key"), certificate = directory.appendingPathComponent("\(file).pem")
        try run(openssl, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.path, "-out", certificate.path,
                          "-days", "3650", "-subj", "/CN=\(name)",
                          "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
                in: directory)
        return (key, certificate)
    }

    @discardableResult
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:], in directory: URL) throws -> ToolRun {
        let result = try Tool.runProgram(program, arguments, environment: environment, in: directory)
        guard result.status == 0 else {
            throw NSError(domain: "InstallationFixture", code: Int(result.status), userInfo: [
                NSLocalizedDescriptionKey: "\(program) \(arguments.joined(separator: " ")) failed: \(result.stderr)",
            ])
        }
        return result
    }

    /// A keystore holding `host`'s private key under its lower-case name,
    /// with the certificate signed by the CA (or the other CA), the CA
    /// certificate first imported as a trusted entry, as the vendor's steps
    /// do. `commonName` gives the certificate another name than the host's.
    public func serverKeystore(
        host: String, at url: URL, type: String = "JKS", password: String, keyPassword: String? = nil,
        commonName: String? = nil, otherCA: Bool = false, days: Int = 365
    ) throws {
        let alias = host.lowercased(), name = commonName ?? host
        let signer = otherCA ? self.otherCA : ca
        let work = directory.appendingPathComponent("work-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let env = ["STORE_PW": password, "KEY_PW": keyPassword ?? password]
        let keypass = type == "JKS" ? ["-keypass:env", "KEY_PW"] : []
        try Self.run(keytool, ["-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=\(name)",
                               "-storetype", type, "-keystore", url.path, "-storepass:env", "STORE_PW"] + keypass,
                     environment: env, in: work)
        let request = work.appendingPathComponent("server.csr"), signed = work.appendingPathComponent("server.pem")
        try Self.run(keytool, ["-certreq", "-alias", alias, "-keystore", url.path, "-storepass:env", "STORE_PW",
                               "-file", request.path] + keypass, environment: env, in: work)
        let extensions = work.appendingPathComponent("ext.cnf")
        try Data("subjectAltName=DNS:\(name)\nbasicConstraints=CA:FALSE\n".utf8).write(to: extensions)
        try Self.run(openssl, ["x509", "-req", "-in", request.path, "-CA", signer.certificate.path, "-CAkey", signer.key.path,
                               "-CAcreateserial", "-out", signed.path, "-days", String(days), "-extfile", extensions.path],
                     in: work)
        try Self.run(keytool, ["-importcert", "-noprompt", "-trustcacerts", "-alias", "maestro-ca", "-file",
                               signer.certificate.path, "-keystore", url.path, "-storepass:env", "STORE_PW"],
                     environment: env, in: work)
        try Self.run(keytool, ["-importcert", "-noprompt", "-alias", alias, "-file", signed.path, "-keystore", url.path,
                               "-storepass:env", "STORE_PW"] + keypass, environment: env, in: work)
    }

    /// A trusted-root keystore like Java's cacerts, holding the CA (unless
    /// `withCA` is false) and the other CA (unless `withOtherCA` is false).
    public func trustStore(at url: URL, password: String, withCA: Bool = true, withOtherCA: Bool = true, type: String = "JKS") throws {
        let env = ["STORE_PW": password]
        var certificates = withOtherCA ? [("other-root", otherCA.certificate)] : []
        if withCA { certificates.append(("maestro-root", ca.certificate)) }
        for (alias, file) in certificates {
            try Self.run(keytool, ["-importcert", "-noprompt", "-alias", alias, "-file", file.path, "-storetype", type,
                                   "-keystore", url.path, "-storepass:env", "STORE_PW"],
                         environment: env, in: directory)
        }
    }
}
