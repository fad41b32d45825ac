import Foundation
import TopoReality
import TopoTestSupport
import XCTest

/// Certificates made by openssl and keytool, read with CertificateFacts
/// and verified with ChainCheck.
final class CertificateFactsTests: XCTestCase {
    private var fixtures: CertificateFixtures!

    override func setUpWithError() throws {
        fixtures = try CertificateFixtures.shared()
    }

    func testAServerCertificatesFacts() throws {
        let facts = try CertificateFacts(der: fixtures.hub)
        XCTAssertEqual(facts.subjectCommonName, "hub.example.com")
        XCTAssertEqual(facts.subject, "CN=hub.example.com")
        XCTAssertEqual(facts.issuer, "O=Example,CN=Maestro CA", "RFC 4514: the most specific part first")
        XCTAssertEqual(facts.issuerCommonName, "Maestro CA")
        XCTAssertEqual(facts.dnsNames, ["hub.example.com", "maestro.example.com"])
        XCTAssertFalse(facts.isCA)
        XCTAssertFalse(facts.selfSigned)
        // Signed with -days 365 a moment ago.
        XCTAssertLessThan(abs(facts.notBefore.timeIntervalSinceNow), 3_600)
        XCTAssertEqual(facts.notAfter.timeIntervalSince(facts.notBefore), 365 * 86_400, accuracy: 1)
    }

    func testACAsFacts() throws {
        let facts = try CertificateFacts(der: fixtures.ca)
        XCTAssertTrue(facts.isCA)
        XCTAssertTrue(facts.selfSigned)
        XCTAssertEqual(facts.subject, facts.issuer)
        XCTAssertEqual(facts.subjectCommonName, "Maestro CA")
        XCTAssertEqual(facts.dnsNames, [])
        XCTAssertTrue(try CertificateFacts(der: fixtures.intermediate).isCA)
        XCTAssertFalse(try CertificateFacts(der: fixtures.notCA).isCA, "basicConstraints CA:FALSE")
    }

    func testNamesComparesCommonNameAndDNSNamesAsHostsAre() throws {
        let hub = try CertificateFacts(der: fixtures.hub)
        XCTAssertTrue(hub.names("hub.example.com"))
        XCTAssertTrue(hub.names("HUB.Example.COM."), "case and a trailing dot do not matter")
        XCTAssertTrue(hub.names("maestro.example.com"), "a DNS name of the SAN")
        XCTAssertFalse(hub.names("other.example.com"))
        XCTAssertFalse(hub.names("example.com"))
        XCTAssertFalse(hub.names(""))
        let deep = try CertificateFacts(der: fixtures.deep)
        XCTAssertTrue(deep.names("deep.example.com"), "the CN, when there is no SAN")
        let wildcard = try CertificateFacts(der: fixtures.wildcard)
        XCTAssertTrue(wildcard.names("hub.example.com"))
        XCTAssertFalse(wildcard.names("example.com"), "the wildcard stands for one whole label")
        XCTAssertFalse(wildcard.names("a.b.example.com"))
    }

    func testGarbageIsNoCertificateAndSaysSo() {
        let garbage: [[UInt8]] = [[], [0x30], [0x30, 0x03, 0x02, 0x01, 0x05], Array(fixtures.hub.prefix(100)),
                                  Array(fixtures.caPEM.utf8), (0..<500).map { UInt8(truncatingIfNeeded: $0 &* 37) }]
        for bytes in garbage {
            XCTAssertThrowsError(try CertificateFacts(der: bytes)) { error in
                XCTAssertFalse("\(error)".isEmpty)
                XCTAssertFalse("\(error)".contains("\n"), "one line: \(error)")
            }
        }
    }

    func testPEMReadsEveryCertificateBlockAndNothingElse() throws {
        let text = "a note before\n" + fixtures.caPEM + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
            + fixtures.hubPEM.replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertEqual(PEM.derCertificates(pem: text), [fixtures.ca, fixtures.hub])
        XCTAssertEqual(PEM.derCertificates(pem: "no certificate here"), [])
        // The DER is openssl's own.
        let openssl = try Tool.require("openssl")
        let folder = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(fixtures.caPEM.utf8).write(to: folder.appendingPathComponent("ca.pem"))
        let run = try Tool.runProgram(openssl, ["x509", "-in", "ca.pem", "-outform", "DER", "-out", "ca.der"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual([UInt8](try Data(contentsOf: folder.appendingPathComponent("ca.der"))), fixtures.ca)
    }

    // MARK: ChainCheck

    func testAChainVerifiesAgainstItsCA() {
        XCTAssertNil(ChainCheck.verify(chain: [fixtures.hub, fixtures.ca], root: fixtures.ca, at: Date()))
        XCTAssertNil(ChainCheck.verify(chain: [fixtures.hub], root: fixtures.ca, at: Date()), "the root need not be in the chain")
        XCTAssertNil(ChainCheck.verify(chain: [fixtures.deep, fixtures.intermediate], root: fixtures.root, at: Date()))
        XCTAssertNil(ChainCheck.verify(chain: [fixtures.ca], root: fixtures.ca, at: Date()), "the CA itself")
    }

    func testAnotherCAIsNamed() throws {
        let leafOnly = try XCTUnwrap(ChainCheck.verify(chain: [fixtures.hub], root: fixtures.otherCA, at: Date()))
        XCTAssertEqual(leafOnly, "signed by 'O=Example,CN=Maestro CA', not by the given CA 'CN=Other CA'")
        let withCA = try XCTUnwrap(ChainCheck.verify(chain: [fixtures.hub, fixtures.ca], root: fixtures.otherCA, at: Date()))
        XCTAssertEqual(withCA, "the chain ends at 'O=Example,CN=Maestro CA', not at the given CA 'CN=Other CA'")
    }

    func testACAOfTheSameNameWithAnotherKeyIsCaught() throws {
        let reason = try XCTUnwrap(ChainCheck.verify(chain: [fixtures.hub], root: fixtures.impostorCA, at: Date()))
        XCTAssertTrue(reason.contains("was not signed with its key"), reason)
    }

    func testAMissingIntermediateIsCaught() throws {
        let reason = try XCTUnwrap(ChainCheck.verify(chain: [fixtures.deep], root: fixtures.root, at: Date()))
        XCTAssertEqual(reason, "signed by 'CN=Intermediate CA', not by the given CA 'CN=Root CA'")
        let deeper = try XCTUnwrap(ChainCheck.verify(chain: [fixtures.deep, fixtures.intermediate], root: fixtures.ca, at: Date()))
        XCTAssertEqual(
            deeper,
            "no path to the given CA 'O=Example,CN=Maestro CA': 'CN=Intermediate CA' is signed by 'CN=Root CA', which the chain does not hold")
    }

    func testExpiredAndNotYetValidCertificatesAreDated() throws {
        let hub = try CertificateFacts(der: fixtures.hub)
        let later = hub.notAfter.addingTimeInterval(86_400)
        let expired = try XCTUnwrap(ChainCheck.verify(chain: [fixtures.hub, fixtures.ca], root: fixtures.ca, at: later))
        XCTAssertEqual(expired, "'CN=hub.example.com' expired on \(Self.day(hub.notAfter))")
        let earlier = hub.notBefore.addingTimeInterval(-86_400)
        let early = try XCTUnwrap(ChainCheck.verify(chain: [fixtures.hub, fixtures.ca], root: fixtures.ca, at: earlier))
        XCTAssertTrue(early.hasPrefix("'"), early)
        XCTAssertTrue(early.contains("is not valid before"), early)
    }

    func testAnIssuerThatIsNoCAIsCaught() throws {
        let reason = try XCTUnwrap(ChainCheck.verify(chain: [fixtures.victim], root: fixtures.notCA, at: Date()))
        XCTAssertEqual(reason, "'CN=Not A CA' signed 'CN=victim.example.com' but is no CA (its basicConstraints lack CA:TRUE)")
    }

    func testUnreadableInputIsSaidWithoutCrashing() throws {
        XCTAssertEqual(ChainCheck.verify(chain: [], root: fixtures.ca, at: Date()), "the chain is empty")
        let badLeaf = try XCTUnwrap(ChainCheck.verify(chain: [[0x30, 0x00]], root: fixtures.ca, at: Date()))
        XCTAssertTrue(badLeaf.hasPrefix("certificate 1 of the chain cannot be read: "), badLeaf)
        let badRoot = try XCTUnwrap(ChainCheck.verify(chain: [fixtures.hub], root: Array("garbage".utf8), at: Date()))
        XCTAssertTrue(badRoot.hasPrefix("the CA certificate cannot be read: "), badRoot)
        XCTAssertFalse(badRoot.contains("\n"))
    }

    static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
