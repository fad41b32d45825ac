import ArgumentParser
import MaestroTopo
import TopoCheck
import TopoPlan
import TopoRender
import TopoBundle
import TopoSystem

struct BundleCommand: FormatWriting {
    static let formats: [OutputFormat] = [.text, .json]

    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Write one folder per server with everything to put on it: ssl.ini, certificate script, firewall rules, steps.",
        discussion: """
            The topology is validated and planned first; with errors nothing is \
            written (exit 1). DIR gets README.md (the order of work across all \
            servers), plan.json (passwords redacted), SHA256SUMS, and per host \
            hosts/<host>/ with README.md, commands/ssl.ini (Maestro servers with \
            SSL only, mode 0600), certificate.sh or certificate.cmd, and \
            firewall.nft or firewall.ps1.

            Keystore passwords are read from the environment variable or file \
            the topology names (relative files: relative to the topology's \
            folder). When one is missing, nothing is written (exit 2) unless \
            --placeholder-secrets is given. Passwords go into ssl.ini only, \
            never to the terminal.

            The bundle is built beside DIR and moved into place in one step; \
            on any failure an earlier DIR stays as it was. An existing DIR must \
            be empty or an earlier bundle of the same installation, which only \
            --force replaces. While a run writes DIR it holds a lock beside it \
            (.DIR.maestro-topo.lock): a second run for the same DIR exits 2. \
            SIGINT or SIGTERM during the write removes the half-written bundle.

            Examples:
              MAESTRO_KEYSTORE_PASSWORD=... maestro-topo bundle topologies/four-server.yaml --out acme-bundle
              maestro-topo bundle acme.yaml --out acme-bundle --force
              maestro-topo bundle acme.yaml --out /tmp/rehearsal --placeholder-secrets
            """)

    @Option(name: .long, help: "Output format: text (the tree of files) or json (a summary).")
    var format = Format<Self>(.text)

    @OptionGroup var options: CommonOptions

    @Argument(help: "The topology file.")
    var file: String

    @Option(name: .long, help: ArgumentHelp("The bundle folder to write.", valueName: "dir"))
    var out: String

    @Flag(name: .long, help: "Replace DIR when it holds an earlier bundle of the same installation.")
    var force = false

    @Flag(name: .long, help: "Write a marked placeholder where a keystore password is not available.")
    var placeholderSecrets = false

    func validate() throws {
        try format.require()
    }

    func run() throws {
        let opened = try OpenedTopology.open(file, limits: options.limits.loaderLimits)
        options.findings.print(opened.diagnostics, in: opened.source)
        guard let resolved = opened.usable(strict: options.strict) else {
            options.findings.refuse(opened.diagnostics, because: "no bundle written: fix the errors above first")
            throw ExitCode(1)
        }
        let resolver = SecretResolver(baseDirectory: opened.folder, placeholders: placeholderSecrets)
        let content = try BundleBuilder.build(plan: Planner.plan(resolved), diagnostics: opened.diagnostics, secrets: resolver)
        // The ssl.ini bytes hold the passwords: overwritten once written, or once the write failed.
        defer { content.wipeSecrets() }
        // Warnings name files (a password file others can read, a folder
        // left alone beside DIR): written out like every message, whatever
        // put a control character there.
        let warning = "maestro-topo: \(options.stderrStyle.severity(.warning)): "
        var progress = ProgressLine(total: content.files.count, enabled: !options.quiet, sharesStream: true, verb: "writing")
        var nothing = OutputBuffer(fd: 2)
        try BundleWriter.write(content, to: out, force: force, notice: { notice in
            progress.clear()
            Output.err(warning + notice.withVisibleControls + "\n")
        }, progress: { written, _ in progress.advance(done: written, flushing: &nothing) })
        progress.finish(flushing: &nothing)

        for text in content.warnings { Output.err(warning + text.withVisibleControls + "\n") }
        if !content.placeholderHosts.isEmpty {
            Output.err(warning + "placeholder passwords written into the ssl.ini of "
                + content.placeholderHosts.joined(separator: ", ").withVisibleControls + "; replace them before use\n")
        }
        switch format.value {
        case .json:
            Output.out(BundleSummaryRenderer.json(content, directory: out))
        default:
            if !options.quiet { Output.out(BundleSummaryRenderer.tree(content, directory: out)) }
            options.findings.hint(BundleSummaryRenderer.nextStep(directory: out))
        }
    }
}
