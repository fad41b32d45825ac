import ArgumentParser
import Foundation
import MaestroTopo
import TopoModel
import TopoReality
import TopoRender
import TopoSystem

struct VerifyCommand: FormatWriting {
    static let formats: [OutputFormat] = [.text, .json, .sarif]

    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a real Maestro server against its plan: ssl.ini, keystore, certificate, trusted roots, logs, names.",
        discussion: """
            Run it on a Maestro server before the restart that switches \
            component SSL on, or against a copy of a server's install folder \
            (--root). It checks that commands/ssl.ini is there exactly when \
            SSL is planned, reads it as Java does (a single backslash in a \
            Windows path is lost), compares its three values with the plan, \
            opens the keystore with its password (JKS or PKCS12), checks the \
            private key's alias and password, the certificate's name, chain \
            and dates, the CA root in the trusted-root keystore, each \
            component's newest log, the component folders, and (on the \
            server) that the machine answers to the planned name. Findings \
            print like validate's, each pointing into the topology or into \
            ssl.ini; the check list goes to standard output. Passwords are \
            compared, never printed.

            Plan paths inside the install folder are found under --root; \
            give --path-map for others, e.g. a keystore outside the folder \
            of a Windows server copied to Linux.

            Exit status: 0 nothing failed, 1 errors (warnings too with \
            --strict), 2 verify could not run (no such server, unreadable \
            topology, bad option).

            Examples:
              maestro-topo verify acme.yaml                          (on the server itself)
              maestro-topo verify acme.yaml --host hub.example.com --root /mnt/hub-copy
              maestro-topo verify acme.yaml --host lui.example.com --root /mnt/lui \\
                  --path-map 'D:\\keys=/mnt/lui-keys' --ca-file ca.pem --format json
            """)

    @Option(name: .long, help: "Output format: text, json (checks and findings) or sarif.")
    var format = Format<Self>(.text)

    @Option(name: .long, help: ArgumentHelp("The planned server to check. Default: the Maestro server whose name this machine has.", valueName: "name"))
    var host: String?

    @Option(name: .long, help: ArgumentHelp("A copy of the server's install folder to read instead of this machine's (the machine's names are then not checked).", valueName: "dir"))
    var root: String?

    @Option(name: .long, help: ArgumentHelp("The folder holding the components' logs. Default: log/ and logs/ in each component folder.", valueName: "dir"))
    var logs: String?

    @Option(name: .customLong("ca-file"), help: ArgumentHelp("The CA certificate (PEM) the server certificate must verify against.", valueName: "pem"))
    var caFile: String?

    @Option(name: .customLong("path-map"), help: ArgumentHelp("Where a folder of the server is found here, e.g. 'D:\\keys=/mnt/keys'. Repeatable.", valueName: "from=to"))
    var pathMaps: [String] = []

    @Option(name: .customLong("expiry-warning"), help: ArgumentHelp("Warn when the server certificate expires within this many days.", valueName: "days"))
    var expiryWarning = 30

    @OptionGroup var options: CommonOptions

    @Argument(help: "The topology file.")
    var file: String

    func validate() throws {
        try format.require()
        for map in pathMaps where PathMap.Mapping(argument: map) == nil {
            throw ValidationError("--path-map '\(map)' is not FROM=TO (a folder of the server, '=', the folder here)")
        }
        guard expiryWarning >= 0 else { throw ValidationError("--expiry-warning takes a number of days, 0 or more") }
    }

    func run() throws {
        let request = VerifyRequest(
            host: host, root: root, logs: logs, caFile: caFile, pathMaps: pathMaps.compactMap(PathMap.Mapping.init(argument:)),
            expiryWarningDays: expiryWarning)
        let outcome = try options.startCheck { () throws(Verification.Failure) in
            try Verification.run(file, request: request, limits: options.limits.loaderLimits, strict: options.strict)
        }
        switch outcome {
        case let .refused(opened):
            try options.refuse(opened, nothing: "nothing verified")
        case let .verified(_, report):
            switch format.value {
            case .json: Output.out(VerifyJSONRenderer.render(report))
            case .sarif: Output.out(VerifySARIFRenderer.render(report))
            default:
                for file in report.files { options.findings.print(file.diagnostics, in: file.source) }
                if !options.quiet { Output.out(VerifyTextRenderer(style: options.stdoutStyle).render(report)) }
            }
            if report.diagnostics.fails(strict: options.strict) { throw ExitCode(1) }
        }
    }
}
