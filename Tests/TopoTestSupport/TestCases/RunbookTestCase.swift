import Foundation
import XCTest

/// What RunbookTests and RunbookCLITests share: the four servers with the
/// UI server moved to Windows.
open class RunbookTestCase: XCTestCase {
    public static let windowsUI = DiffTestCase.fourServers.replacingOccurrences(
        of: "ui.acme.example: {components: [LUI, HUB]}",
        with: #"ui.acme.example: {components: [LUI, HUB], os: windows, install_folder: 'C:\Program Files\L-Soft\Maestro'}"#)
}
