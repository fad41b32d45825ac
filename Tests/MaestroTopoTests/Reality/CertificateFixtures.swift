import Foundation
import TopoReality
import TopoTestSupport
import XCTest

/// Keystores and certificates made by the real tools — openssl, keytool
/// and java — the way an administrator makes them, once per test run.
/// Everything is read into memory and the folder removed again, so each
/// test works on bytes.
final class CertificateFixtures: @unchecked Sendable {
    /// The store (and key) password of the ordinary stores.
    static let password = "changeit-not"
    /// The key password of the stores whose key has a password of its own.
    static let keyPassword = "keypass-other"
    /// A password beyond ASCII: Java hashes UTF-16, the caller gives UTF-8.
    static let unicodePassword = "Pässwörd"

    /// DER: the planned CA, another CA, and a CA with the planned CA's
    /// name but a key of its own.
    var ca: [UInt8] = [], caPEM = "", otherCA: [UInt8] = [], impostorCA: [UInt8] = []
    /// `hub.example.com`, signed by the CA, with DNS names hub. and
    /// maestro.example.com.
    var hub: [UInt8] = [], hubPEM = ""
    /// Root CA → Intermediate CA → deep.example.com.
    var root: [UInt8] = [], intermediate: [UInt8] = [], deep: [UInt8] = []
    /// A self-signed certificate with CA:FALSE, and one it signed.
    var notCA: [UInt8] = [], victim: [UInt8] = []
    /// Signed by the CA for `*.example.com`.
    var wildcard: [UInt8] = []

    /// keytool's JKS and PKCS12 stores of hub.example.com (the key, its
    /// chain, and the CA as trusted entry `maestro-ca`).
    var hubJKS: [UInt8] = [], hubPKCS12: [UInt8] = []
    /// A key whose password is `keyPassword` (JKS by keytool, PKCS12 by
    /// Java's KeyStore API: keytool refuses two passwords for PKCS12).
    var keyPasswordJKS: [UInt8] = [], keyPasswordPKCS12: [UInt8] = []
    /// Trusted certificates only (`root` and `other-root`), as cacerts.
    var cacertsJKS: [UInt8] = [], cacertsPKCS12: [UInt8] = []
    /// The JDK 18+ cacerts kind: no MAC, certificates not encrypted.
    var passwordlessPKCS12: [UInt8] = []
    /// `openssl pkcs12 -export` of deep.example.com with its chain given
    /// root first, in today's algorithms and in the legacy ones (RC2-40).
    var exportedPKCS12: [UInt8] = [], legacyPKCS12: [UInt8] = []
    /// A store whose password is `unicodePassword`.
    var unicodeJKS: [UInt8] = []
    /// JCEKS, which only keytool reads: hub.example.com's key (self-signed),
    /// the CA as `maestro-ca`, and a secret key; and one whose key has the
    /// password `keyPassword`.
    var jceks: [UInt8] = [], keyPasswordJCEKS: [UInt8] = []

    struct ToolFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// Made once; a failure is kept too, so that not every test pays for
    /// trying again.
    nonisolated(unsafe) private static var made: Result<CertificateFixtures, any Error>?
    private static let lock = NSLock()

    static func shared() throws -> CertificateFixtures {
        lock.lock()
        defer { lock.unlock() }
        if made == nil { made = Result { try CertificateFixtures() } }
        return try made!.get()
    }

    private let folder: URL
    private let opensslPath: String, keytoolPath: String, javaPath: String

    private init() throws {
        opensslPath = try Tool.require("openssl")
        keytoolPath = try Tool.require("keytool")
        javaPath = try Tool.require("java")
        folder = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try makeCertificates()
        try makeServerStores()
        try makeTrustStores()
        try makeExportedStores()
        try makeJCEKSStores()
    }

    private func makeJCEKSStores() throws {
        for (file, keyPassword) in [("hub.jceks", "P"), ("keypass.jceks", "K")] {
            let store = ["-storetype", "JCEKS", "-keystore", file, "-storepass:env", "P"]
            try keytool(["-genkeypair", "-alias", "hub.example.com", "-keyalg", "RSA", "-keysize", "2048",
                         "-dname", "CN=hub.example.com", "-keypass:env", keyPassword] + store)
        }
        try keytool(["-importcert", "-noprompt", "-alias", "maestro-ca", "-file", "ca.pem", "-storetype", "JCEKS",
                     "-keystore", "hub.jceks", "-storepass:env", "P"])
        try keytool(["-genseckey", "-alias", "secret", "-keyalg", "AES", "-keysize", "128", "-storetype", "JCEKS",
                     "-keystore", "hub.jceks", "-storepass:env", "P", "-keypass:env", "P"])
        jceks = try bytes("hub.jceks")
        keyPasswordJCEKS = try bytes("keypass.jceks")
    }

    private func makeCertificates() throws {
        try write("leaf.ext", "basicConstraints=critical,CA:FALSE\n")
        try write("hub.ext", "subjectAltName=DNS:hub.example.com,DNS:maestro.example.com\nbasicConstraints=CA:FALSE\n")
        try write("wildcard.ext", "subjectAltName=DNS:*.example.com\n")
        try write("intermediate.ext", "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n")
        for (name, subject) in [("ca", "/CN=Maestro CA/O=Example"), ("other", "/CN=Other CA"), ("impostor", "/CN=Maestro CA/O=Example"),
                                ("root", "/CN=Root CA")] {
            try openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(name).key", "-out", "\(name).pem",
                         "-days", "3650", "-subj", subject])
        }
        try request("intermediate", "/CN=Intermediate CA")
        try sign("intermediate", by: "root", extensions: "intermediate.ext")
        try request("deep", "/CN=deep.example.com")
        try sign("deep", by: "intermediate", extensions: "leaf.ext")
        try request("notca", "/CN=Not A CA")
        try openssl(["x509", "-req", "-in", "notca.csr", "-signkey", "notca.key", "-days", "3650", "-extfile", "leaf.ext",
                     "-out", "notca.pem"])
        try request("victim", "/CN=victim.example.com")
        try sign("victim", by: "notca", extensions: "leaf.ext")
        try request("wildcard", "/CN=Example wildcard")
        try sign("wildcard", by: "ca", extensions: "wildcard.ext")
        caPEM = try text("ca.pem")
        ca = try der("ca.pem")
        otherCA = try der("other.pem")
        impostorCA = try der("impostor.pem")
        root = try der("root.pem")
        intermediate = try der("intermediate.pem")
        deep = try der("deep.pem")
        notCA = try der("notca.pem")
        victim = try der("victim.pem")
        wildcard = try der("wildcard.pem")
    }

    /// hub.example.com as the bundle's certificate script makes it: a key
    /// pair, a request, the CA's signature, the CA and the reply imported.
    private func makeServerStores() throws {
        for (file, type) in [("hub.jks", "JKS"), ("hub.p12", "PKCS12")] {
            let store = ["-keystore", file, "-storetype", type, "-storepass:env", "P"]
            try keytool(["-genkeypair", "-alias", "hub.example.com", "-keyalg", "RSA", "-keysize", "2048",
                         "-dname", "CN=hub.example.com", "-validity", "365", "-keypass:env", "P"] + store)
            if type == "JKS" {
                try keytool(["-certreq", "-alias", "hub.example.com", "-file", "hub.csr"] + store)
                try sign("hub", by: "ca", extensions: "hub.ext", days: 365)
                hubPEM = try text("hub.pem")
                hub = try der("hub.pem")
            } else {
                // The same request again, for this store's own key.
                try keytool(["-certreq", "-alias", "hub.example.com", "-file", "hub2.csr"] + store)
                try openssl(["x509", "-req", "-in", "hub2.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                             "-days", "365", "-extfile", "hub.ext", "-out", "hub2.pem"])
            }
            try keytool(["-importcert", "-trustcacerts", "-noprompt", "-alias", "maestro-ca", "-file", "ca.pem"] + store)
            try keytool(["-importcert", "-alias", "hub.example.com", "-file", type == "JKS" ? "hub.pem" : "hub2.pem",
                         "-keypass:env", "P"] + store)
        }
        hubJKS = try bytes("hub.jks")
        hubPKCS12 = try bytes("hub.p12")

        try keytool(["-genkeypair", "-alias", "hub.example.com", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=hub.example.com",
                     "-storetype", "JKS", "-keystore", "keypass.jks", "-storepass:env", "P", "-keypass:env", "K"])
        keyPasswordJKS = try bytes("keypass.jks")
        try write("MakePKCS12.java", Self.makePKCS12)
        try run(javaPath, ["MakePKCS12.java", "keypass.jks", "hub.example.com", "keypass.p12"])
        keyPasswordPKCS12 = try bytes("keypass.p12")

        // JKS only: Java 17 refuses a PKCS12 password beyond ASCII
        // ("Password is not ASCII"), so Maestro cannot have such a store.
        try keytool(["-genkeypair", "-alias", "unicode", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=unicode.example.com",
                     "-storetype", "JKS", "-keystore", "unicode.jks", "-storepass:env", "U", "-keypass:env", "U"])
        unicodeJKS = try bytes("unicode.jks")
    }

    private func makeTrustStores() throws {
        for (file, type) in [("cacerts.jks", "JKS"), ("cacerts.p12", "PKCS12")] {
            for (alias, pem) in [("root", "ca.pem"), ("other-root", "other.pem")] {
                try keytool(["-importcert", "-noprompt", "-alias", alias, "-file", pem, "-storetype", type, "-keystore", file,
                             "-storepass:env", "P"])
            }
        }
        cacertsJKS = try bytes("cacerts.jks")
        cacertsPKCS12 = try bytes("cacerts.p12")
        try keytool(["-J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE", "-J-Dkeystore.pkcs12.macAlgorithm=NONE",
                     "-importcert", "-noprompt", "-alias", "root", "-file", "ca.pem", "-storetype", "PKCS12",
                     "-keystore", "passwordless.p12", "-storepass:env", "P"])
        passwordlessPKCS12 = try bytes("passwordless.p12")
    }

    private func makeExportedStores() throws {
        try write("chain.pem", try text("root.pem") + text("intermediate.pem"))
        for (file, extra) in [("exported.p12", [String]()), ("legacy.p12", ["-legacy"])] {
            try openssl(["pkcs12", "-export", "-inkey", "deep.key", "-in", "deep.pem", "-certfile", "chain.pem",
                         "-name", "deep.example.com", "-passout", "env:P", "-out", file] + extra)
        }
        exportedPKCS12 = try bytes("exported.p12")
        legacyPKCS12 = try bytes("legacy.p12")
    }

    /// Java's KeyStore API writes a PKCS12 key under a password of its own.
    static let makePKCS12 = """
        import java.io.*;
        import java.security.*;
        import java.security.cert.Certificate;

        public class MakePKCS12 {
            public static void main(String[] args) throws Exception {
                char[] store = System.getenv("P").toCharArray();
                char[] key = System.getenv("K").toCharArray();
                KeyStore source = KeyStore.getInstance("JKS");
                try (InputStream in = new FileInputStream(args[0])) { source.load(in, store); }
                KeyStore target = KeyStore.getInstance("PKCS12");
                target.load(null, null);
                Certificate[] chain = source.getCertificateChain(args[1]);
                target.setKeyEntry(args[1], source.getKey(args[1], key), key, chain);
                try (OutputStream out = new FileOutputStream(args[2])) { target.store(out, store); }
            }
        }
        """

    // MARK: Running the tools

    private func request(_ name: String, _ subject: String) throws {
        try openssl(["req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(name).key", "-out", "\(name).csr", "-subj", subject])
    }

    private func sign(_ name: String, by issuer: String, extensions: String, days: Int = 730) throws {
        try openssl(["x509", "-req", "-in", "\(name).csr", "-CA", "\(issuer).pem", "-CAkey", "\(issuer).key", "-CAcreateserial",
                     "-days", String(days), "-extfile", extensions, "-out", "\(name).pem"])
    }

    private func openssl(_ arguments: [String]) throws { try run(opensslPath, arguments) }
    private func keytool(_ arguments: [String]) throws { try run(keytoolPath, arguments) }

    /// Passwords reach the tools through the environment, never argv; a
    /// UTF-8 locale makes Java read `U` as UTF-8.
    private func run(_ program: String, _ arguments: [String]) throws {
        let environment = ["P": Self.password, "K": Self.keyPassword, "U": Self.unicodePassword, "LC_ALL": "C.UTF-8"]
        let result = try Tool.runProgram(program, arguments, environment: environment, in: folder)
        guard result.status == 0 else {
            throw ToolFailed(description: "\(program) \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
    }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    private func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    private func text(_ name: String) throws -> String {
        String(decoding: try bytes(name), as: UTF8.self)
    }

    /// The one certificate of a PEM file, as DER (through the PEM reader
    /// under test; `CertificateFactsTests` checks it against openssl).
    private func der(_ name: String) throws -> [UInt8] {
        let certificates = PEM.derCertificates(pem: try text(name))
        guard certificates.count == 1 else { throw ToolFailed(description: "\(name) holds \(certificates.count) certificates") }
        return certificates[0]
    }
}
