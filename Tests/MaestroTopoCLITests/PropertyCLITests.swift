import Foundation
import TopoTestSupport
import XCTest

/// Properties of random valid topologies (PropertyTestCase) through the
/// binary: the plan as JSON, and bundles read back by java.util.Properties.
final class PropertyCLITests: PropertyTestCase {
    /// Writes the topology and the secret files it names; returns its path.
    func write(_ topology: RandomTopology, _ index: Int) throws -> String {
        let folder = directory.appendingPathComponent("t\(index)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("secrets"), withIntermediateDirectories: true)
        for (path, value) in topology.files {
            let url = folder.appendingPathComponent(path)
            try Data((value + "\n").utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        }
        let file = folder.appendingPathComponent("topology.yaml")
        try Data(topology.yaml.utf8).write(to: file)
        return file.path
    }

    // MARK: (2): planned exactly

    func testPlanThroughTheCLIForASubset() throws {
        for (index, topology) in Self.topologies.enumerated() where index % 7 == 3 {
            let path = try write(topology, index)
            let run = try Bounded.run(Tool.binary.path, ["plan", path, "--format", "json"], in: directory)
            XCTAssertEqual(run.status, 0, "\(run.stderr) \(describe(topology))")
            assertNoToken(run.stdout + run.stderr, topology, "plan --format json")
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let servers = try XCTUnwrap(object["servers"] as? [[String: Any]])
            XCTAssertEqual(servers.map { $0["host"] as? String }, topology.servers, describe(topology))
            for server in servers {
                let host = server["host"] as? String ?? ""
                guard let want = topology.expected[host] else {
                    XCTAssertTrue(server["ssl_ini"] is NSNull, "\(host) \(describe(topology))")
                    continue
                }
                let ini = try XCTUnwrap(server["ssl_ini"] as? [String: Any], "\(host) \(describe(topology))")
                XCTAssertEqual(ini["SSLAllowedClients"] as? String, want.allowedClients, describe(topology))
                XCTAssertEqual(ini["SSLKeystorePath"] as? String, want.keystorePath, describe(topology))
                XCTAssertEqual(ini["SSLKeystorePassword"] as? String, "********", describe(topology))
                XCTAssertEqual(ini["path"] as? String, want.path, describe(topology))
            }
        }
    }

    // MARK: (3): bundles read back by java.util.Properties

    func testBundlesReadBackInJavaExactlyAndLeakNoPassword() throws {
        let java = try Tool.require("java")
        var iniFiles: [(path: String, want: RandomTopology.ExpectedIni, topology: RandomTopology)] = []
        var bundles = 0
        for (index, topology) in Self.topologies.enumerated() where !topology.expected.isEmpty && bundles < 25 {
            bundles += 1
            let path = try write(topology, index)
            let out = directory.appendingPathComponent("bundle-\(index)")
            let run = try Bounded.run(Tool.binary.path, ["bundle", path, "--out", out.path, "--no-color"],
                                      in: directory, environment: topology.environment)
            XCTAssertEqual(run.status, 0, "\(run.stderr) \(describe(topology))")
            guard run.status == 0 else { continue }
            assertNoToken(run.stdout + run.stderr, topology, "bundle output")
            let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: out.path))
            while let relative = enumerator.nextObject() as? String {
                let url = out.appendingPathComponent(relative)
                guard !relative.hasSuffix("ssl.ini") else { continue }
                if let text = try? String(contentsOf: url, encoding: .utf8) { assertNoToken(text, topology, relative) }
            }
            for host in topology.servers {
                let ini = out.appendingPathComponent("hosts/\(host)/commands/ssl.ini")
                let mode = try FileManager.default.attributesOfItem(atPath: ini.path)[.posixPermissions] as? NSNumber
                XCTAssertEqual(mode?.intValue, 0o600, "\(ini.path) \(describe(topology))")
                iniFiles.append((ini.path, topology.expected[host]!, topology))
            }
        }
        XCTAssertEqual(bundles, 25)
        let read = try Bounded.run(java, [ReadProperties.source] + iniFiles.map(\.path), in: directory, seconds: 120)
        XCTAssertEqual(read.status, 0, read.stderr)
        let values = ReadProperties.parse(read.stdout)
        XCTAssertEqual(values.count, iniFiles.count)
        for (path, want, topology) in iniFiles {
            XCTAssertEqual(values[path], [
                "SSLAllowedClients": want.allowedClients, "SSLKeystorePath": want.keystorePath,
                "SSLKeystorePassword": want.password,
            ], "\(path) \(describe(topology))")
        }
    }
}
