import ArgumentParser
import MaestroTopo
import TopoModel
import TopoReality
import TopoRender
import TopoSystem

struct ProbeCommand: FormatWriting {
    static let formats: [OutputFormat] = [.text, .json, .sarif]

    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Check the live component ports of every Maestro server over the network: TLS on all of them, or on none.",
        discussion: """
            From a workstation, before and after the restart window: probe \
            connects to each planned component port (the internal port on the \
            HUB host, the Tracker port on the TRK host; never the HTTP port), \
            sends a TLS ClientHello and nothing else, and tells TLS from plain \
            text. With TLS it captures the server's certificate chain (even \
            when the server demands a client certificate), checks its name, \
            dates and CA, and with --client-keystore presents one server's \
            certificate to learn whether the partner accepts it. Then it \
            compares with the plan: partial-ssl-live when some ports speak TLS \
            and others plain.

            Exit status: 0 nothing failed, 1 errors (warnings too with \
            --strict), 2 probe could not run.

            Examples:
              maestro-topo probe acme.yaml --ca-file acme-root.pem
              MAESTRO_KEYSTORE_PASSWORD=… maestro-topo probe acme.yaml --client-keystore ui.acme.example.jks
              maestro-topo probe acme.yaml --connect-to hub.acme.example:1099=10.0.0.5:1099 --format json
            """)

    @Option(name: .long, help: "Output format: text, json (endpoints and findings) or sarif.")
    var format = Format<Self>(.text)

    @Option(name: .customLong("ca-file"), help: ArgumentHelp("The CA certificate (PEM) the servers' chains must verify against.", valueName: "pem"))
    var caFile: String?

    @Option(name: .customLong("client-keystore"), help: ArgumentHelp("A server's keystore (JKS or PKCS12) whose certificate to present.", valueName: "file"))
    var clientKeystore: String?

    @Option(name: .customLong("client-password-env"), help: ArgumentHelp("The environment variable holding the client keystore's password.", valueName: "name"))
    var clientPasswordEnv = "MAESTRO_KEYSTORE_PASSWORD"

    @Option(name: .customLong("connect-to"), help: ArgumentHelp("Reach a planned HOST:PORT at ADDR:PORT (no DNS, a tunnel). Repeatable.", valueName: "host:port=addr:port"))
    var connectTo: [String] = []

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for a connection and for each answer.", valueName: "seconds"))
    var timeout: Double = 5

    @Option(name: .long, help: ArgumentHelp("Seconds to wait after a TLS 1.3 handshake for the server's verdict on the client certificate.", valueName: "seconds"))
    var grace: Double = 0.4

    @Option(name: .long, help: ArgumentHelp("Ports probed at once.", valueName: "n"))
    var jobs = 16

    @OptionGroup var options: CommonOptions

    @Argument(help: "The topology file.")
    var file: String

    func validate() throws {
        try format.require()
        for map in connectTo where ConnectTo(argument: map) == nil {
            throw ValidationError("--connect-to '\(map)' is not HOST:PORT=ADDR:PORT")
        }
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout takes seconds, more than 0 and at most 600") }
        guard grace >= 0, grace <= 60 else { throw ValidationError("--grace takes seconds, 0 to 60") }
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs takes 1 to 256") }
    }

    func run() throws {
        let probeOptions = LiveProbe.Options(
            caFile: caFile, clientKeystore: clientKeystore, clientPasswordVariable: clientPasswordEnv,
            connectTo: connectTo.compactMap(ConnectTo.init(argument:)), timeout: timeout, grace: grace, jobs: jobs)
        let outcome = try options.startCheck { () throws(RealityRefusal) in
            try LiveProbe.run(file, options: probeOptions, limits: options.limits.loaderLimits, strict: options.strict)
        }
        switch outcome {
        case let .refused(opened):
            try options.refuse(opened, nothing: "nothing probed")
        case let .probed(_, report):
            switch format.value {
            case .json: Output.out(ProbeJSONRenderer.render(report))
            case .sarif: Output.out(ProbeSARIFRenderer.render(report))
            default:
                options.findings.print(report.file.diagnostics, in: report.file.source)
                if !options.quiet { Output.out(ProbeTextRenderer(style: options.stdoutStyle).render(report)) }
            }
            if report.file.diagnostics.fails(strict: options.strict) { throw ExitCode(1) }
        }
    }
}
