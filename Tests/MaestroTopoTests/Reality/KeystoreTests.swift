import Foundation
import TopoReality
import TopoTestSupport
import XCTest

/// Keystores made by keytool, openssl and Java's KeyStore API, opened the
/// way `verify` opens them.
final class KeystoreTests: XCTestCase {
    private var fixtures: CertificateFixtures!
    private let password = Array(CertificateFixtures.password.utf8)

    override func setUpWithError() throws {
        fixtures = try CertificateFixtures.shared()
    }

    func testServerStoresOpenWithTheirPasswordAndHoldTheKeyWithItsChain() throws {
        for (bytes, format) in [(fixtures.hubJKS, Keystore.Format.jks), (fixtures.hubPKCS12, .pkcs12)] {
            let store = try Keystore.open(bytes: bytes, password: password)
            XCTAssertEqual(store.format, format)
            XCTAssertEqual(store.entries.map(\.alias).sorted(), ["hub.example.com", "maestro-ca"], "\(format)")
            let entry = try XCTUnwrap(store.entry(alias: "HUB.Example.com"), "aliases are compared case-insensitively")
            XCTAssertTrue(entry.isPrivateKey)
            XCTAssertEqual(entry.keyOpensWithStorePassword, true)
            XCTAssertEqual(entry.chain.count, 2, "\(format): the server certificate, then the CA")
            XCTAssertEqual(try CertificateFacts(der: entry.chain[0]).subjectCommonName, "hub.example.com")
            XCTAssertEqual(entry.chain[1], fixtures.ca)
            if format == .jks { XCTAssertEqual(entry.chain[0], fixtures.hub) }
            let ca = try XCTUnwrap(store.entry(alias: "maestro-ca"))
            XCTAssertFalse(ca.isPrivateKey)
            XCTAssertNil(ca.keyOpensWithStorePassword)
            XCTAssertEqual(ca.chain, [fixtures.ca])
        }
    }

    func testAWrongPasswordIsReportedAsSuchWithoutTheTriedPassword() {
        let tried = "Wrong-Password-123"
        for bytes in [fixtures.hubJKS, fixtures.hubPKCS12, fixtures.cacertsJKS, fixtures.cacertsPKCS12, fixtures.legacyPKCS12] {
            XCTAssertThrowsError(try Keystore.open(bytes: bytes, password: Array(tried.utf8))) { error in
                XCTAssertEqual(error as? Keystore.Failure, .wrongPassword)
                XCTAssertFalse("\(error)".contains(tried))
                XCTAssertTrue("\(error)".contains("password is wrong"), "\(error)")
            }
        }
        XCTAssertThrowsError(try Keystore.open(bytes: fixtures.hubPKCS12, password: [])) { error in
            XCTAssertEqual(error as? Keystore.Failure, .wrongPassword, "an empty password is a wrong one too")
        }
    }

    func testAPasswordBeyondASCIIIsHashedAsJavaHashesIt() throws {
        // UTF-8 from ssl.ini, UTF-16 for Java's hash. (PKCS12 is not
        // tested: Java 17 writes no PKCS12 store with such a password.)
        let store = try Keystore.open(bytes: fixtures.unicodeJKS, password: Array(CertificateFixtures.unicodePassword.utf8))
        XCTAssertEqual(store.entry(alias: "unicode")?.keyOpensWithStorePassword, true)
        XCTAssertThrowsError(try Keystore.open(bytes: fixtures.unicodeJKS, password: Array("Passworld".utf8)))
        let latin1 = CertificateFixtures.unicodePassword.unicodeScalars.map { UInt8($0.value) }
        XCTAssertThrowsError(try Keystore.open(bytes: fixtures.unicodeJKS, password: latin1), "the password's bytes are UTF-8")
    }

    func testAKeyWithAPasswordOfItsOwnIsFound() throws {
        // keytool writes a JKS key with -keypass; for PKCS12 it refuses a
        // second password, so Java's KeyStore API wrote that one.
        for bytes in [fixtures.keyPasswordJKS, fixtures.keyPasswordPKCS12] {
            let store = try Keystore.open(bytes: bytes, password: password)
            let entry = try XCTUnwrap(store.entry(alias: "hub.example.com"))
            XCTAssertTrue(entry.isPrivateKey)
            XCTAssertEqual(entry.keyOpensWithStorePassword, false, "\(store.format)")
            XCTAssertEqual(entry.chain.count, 1, "keytool's self-signed certificate")
        }
    }

    func testTrustedCertificateStoresListEveryEntry() throws {
        for bytes in [fixtures.cacertsJKS, fixtures.cacertsPKCS12] {
            let store = try Keystore.open(bytes: bytes, password: password)
            XCTAssertEqual(store.entries.map(\.alias).sorted(), ["other-root", "root"], "\(store.format)")
            XCTAssertTrue(store.entries.allSatisfy { !$0.isPrivateKey && $0.keyOpensWithStorePassword == nil })
            XCTAssertEqual(store.entry(alias: "root")?.chain, [fixtures.ca])
            XCTAssertEqual(store.entry(alias: "other-root")?.chain, [fixtures.otherCA])
        }
    }

    func testAPasswordlessCacertsOpensWithAnyPassword() throws {
        for tried in ["changeit", "", "anything"] {
            let store = try Keystore.open(bytes: fixtures.passwordlessPKCS12, password: Array(tried.utf8))
            XCTAssertEqual(store.format, .pkcs12)
            XCTAssertEqual(store.entries.map(\.alias), ["root"])
            XCTAssertEqual(store.entries.first?.chain, [fixtures.ca])
        }
    }

    func testOpenSSLExportsAreOrderedIssuerByIssuer() throws {
        // The chain was given root first; keytool shows it leaf first.
        for bytes in [fixtures.exportedPKCS12, fixtures.legacyPKCS12] {
            let store = try Keystore.open(bytes: bytes, password: password)
            XCTAssertEqual(store.entries.count, 1, "certificates without Java's trust attribute are no entries")
            let entry = try XCTUnwrap(store.entry(alias: "deep.example.com"))
            XCTAssertEqual(entry.keyOpensWithStorePassword, true)
            XCTAssertEqual(entry.chain, [fixtures.deep, fixtures.intermediate, fixtures.root])
        }
    }

    func testCertificatesOnlyReadsWhatNeedsNoPassword() throws {
        let jks = try XCTUnwrap(Keystore.certificatesOnly(bytes: fixtures.cacertsJKS))
        XCTAssertEqual(jks.entries.map(\.alias).sorted(), ["other-root", "root"])
        let server = try XCTUnwrap(Keystore.certificatesOnly(bytes: fixtures.hubJKS))
        XCTAssertEqual(server.entry(alias: "hub.example.com")?.chain.count, 2)
        XCTAssertNil(server.entry(alias: "hub.example.com")?.keyOpensWithStorePassword, "no key is tried")
        XCTAssertEqual(Keystore.certificatesOnly(bytes: fixtures.passwordlessPKCS12)?.entries.map(\.alias), ["root"])
        XCTAssertNil(Keystore.certificatesOnly(bytes: fixtures.cacertsPKCS12), "keytool encrypts PKCS12 certificates")
        XCTAssertNil(Keystore.certificatesOnly(bytes: Array("not a keystore".utf8)))
    }

    func testWhatIsNoKeystoreIsSaidAsWhatItIs() {
        let cases: [([UInt8], String)] = [
            ([], "empty"),
            (Array(fixtures.caPEM.utf8), "PEM file (CERTIFICATE)"),
            (fixtures.ca, "single X.509 certificate"),
            (Array("SSLKeystorePath=/opt/maestro/keystore\n".utf8), "text file"),
            ([0xCE, 0xCE, 0xCE, 0xCE, 0, 0, 0, 2], "JCEKS"),
            ([0x50, 0x4B, 0x03, 0x04, 1, 2], "ZIP"),
            ([0x30, 0x03, 0x02, 0x01, 0x05], "DER data, but not a PKCS12 keystore"),
            ([0x01, 0x02, 0x03, 0x04, 0xFF, 0x00], "unrecognised binary data (it starts with 01 02 03 04)"),
        ]
        for (bytes, expected) in cases {
            XCTAssertThrowsError(try Keystore.open(bytes: bytes, password: password)) { error in
                guard case .unsupported? = error as? Keystore.Failure else { return XCTFail("\(expected): \(error)") }
                XCTAssertTrue("\(error)".contains(expected), "\(error)")
                XCTAssertTrue("\(error)".hasPrefix("not a JKS or PKCS12 keystore: "), "\(error)")
            }
        }
    }

    func testRandomBytesNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        for length in [1, 2, 3, 17, 300, 4096] {
            for first: UInt8 in [0x30, 0xFE, 0x00] {
                var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                bytes[0] = first
                XCTAssertThrowsError(try Keystore.open(bytes: bytes, password: password))
                XCTAssertNil(Keystore.certificatesOnly(bytes: bytes))
            }
        }
    }

    func testATruncatedStoreIsDamagedAndNothingCrashes() {
        for bytes in [fixtures.hubJKS, fixtures.hubPKCS12, fixtures.cacertsPKCS12, fixtures.legacyPKCS12] {
            for length in stride(from: 1, to: bytes.count, by: 61) {
                XCTAssertThrowsError(try Keystore.open(bytes: Array(bytes.prefix(length)), password: password)) { error in
                    switch error as? Keystore.Failure {
                    case .damaged?, .unsupported?: break
                    default: XCTFail("cut at \(length) of \(bytes.count): \(error)")
                    }
                    XCTAssertFalse("\(error)".contains(CertificateFixtures.password))
                }
            }
            // Cut just short of the end, where the damage is certain.
            XCTAssertThrowsError(try Keystore.open(bytes: Array(bytes.dropLast()), password: password)) { error in
                guard case let .damaged(reason)? = error as? Keystore.Failure else { return XCTFail("\(error)") }
                XCTAssertTrue(reason.contains("cut short"), reason)
            }
        }
    }

    func testAFlippedByteFailsTheIntegrityCheckOrTheStructure() {
        for bytes in [fixtures.hubJKS, fixtures.hubPKCS12] {
            var damaged = bytes
            damaged[damaged.count / 2] ^= 0x55
            XCTAssertThrowsError(try Keystore.open(bytes: damaged, password: password)) { error in
                XCTAssertFalse("\(error)".contains(CertificateFixtures.password), "\(error)")
            }
        }
    }

    // MARK: Through keytool

    func testJCEKSIsListedThroughKeytool() throws {
        XCTAssertThrowsError(try Keystore.open(bytes: fixtures.jceks, password: password)) { error in
            XCTAssertEqual(error as? Keystore.Failure, .unsupported("it is a JCEKS keystore; keytool -importkeystore -deststoretype PKCS12 converts it"))
        }
        let keytool = try Tool.require("keytool")
        let path = try file(fixtures.jceks)
        let store = try KeytoolKeystore.open(path: path, password: password, keytool: keytool)
        XCTAssertEqual(store.format, .other("JCEKS"))
        XCTAssertEqual(store.format.rawValue, "JCEKS")
        XCTAssertEqual(store.entries.map(\.alias).sorted(), ["hub.example.com", "maestro-ca"], "the secret key is no TLS identity")
        let key = try XCTUnwrap(store.entry(alias: "HUB.example.com"))
        XCTAssertTrue(key.isPrivateKey)
        XCTAssertEqual(key.keyOpensWithStorePassword, true)
        XCTAssertEqual(try CertificateFacts(der: XCTUnwrap(key.chain.first)).subjectCommonName, "hub.example.com")
        let ca = try XCTUnwrap(store.entry(alias: "maestro-ca"))
        XCTAssertEqual(ca.chain, [fixtures.ca])
        XCTAssertNil(ca.keyOpensWithStorePassword)

        let other = try KeytoolKeystore.open(path: try file(fixtures.keyPasswordJCEKS), password: password, keytool: keytool)
        XCTAssertEqual(other.entry(alias: "hub.example.com")?.keyOpensWithStorePassword, false)
    }

    func testKeytoolsComplaintsAreSortedWithoutThePassword() throws {
        let keytool = try Tool.require("keytool")
        let tried = "Wrong-Password-123"
        XCTAssertThrowsError(try KeytoolKeystore.open(path: try file(fixtures.jceks), password: Array(tried.utf8), keytool: keytool)) { error in
            XCTAssertEqual(error as? Keystore.Failure, .wrongPassword)
            XCTAssertFalse("\(error)".contains(tried))
        }
        let garbage = try file(Array("garbage, not a keystore\n".utf8))
        XCTAssertThrowsError(try KeytoolKeystore.open(path: garbage, password: password, keytool: keytool)) { error in
            XCTAssertEqual(error as? Keystore.Failure, .unsupported("keytool does not recognise it either"))
        }
        XCTAssertThrowsError(try KeytoolKeystore.open(path: garbage, password: password, keytool: "/nonexistent/keytool")) { error in
            guard case let .unsupported(reason)? = error as? Keystore.Failure else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("'/nonexistent/keytool' cannot be run"), reason)
        }
    }

    /// `bytes` in a file of a folder removed after the test.
    private func file(_ bytes: [UInt8]) throws -> String {
        let folder = try Tool.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("keystore")
        try Data(bytes).write(to: url)
        return url.path
    }
}
