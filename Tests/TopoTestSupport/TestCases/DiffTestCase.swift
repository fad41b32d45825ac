import Foundation
import XCTest

/// What DiffTests, DiffCLITests and the runbook tests compare: topologies
/// built from a hosts mapping.
open class DiffTestCase: TemporaryDirectoryTestCase {
    /// A topology with SSL on; `hosts` is the YAML of the hosts mapping.
    public static func topology(_ hosts: String, ssl: Bool = true, extra: String = "") -> String {
        """
        version: 1
        installation: acme
        \(extra)
        component_ssl: {enabled: \(ssl), ca: Acme CA, keystore_password: {env: KS_PW}}
        hosts:
        \(hosts)
        """
    }

    public static let fourServers = """
          ui.acme.example: {components: [LUI, HUB]}
          trk.acme.example: {components: [TRK]}
          db.acme.example: {components: [DATABASE]}
          lsv.acme.example: {components: [LISTSERV]}
        """
}
