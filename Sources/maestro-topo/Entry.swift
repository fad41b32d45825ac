import ArgumentParser
import MaestroTopo
import Synchronization

#if canImport(Glibc)
import Glibc
#endif
import TopoCheck
import TopoModel
import TopoRender
import TopoSystem

/// Runs the command and maps every outcome to the documented exit codes:
/// 0 success, 1 the input has errors, 2 the tool could not do its job (bad
/// flags included: argument-parser's own default would be 64).
@main
enum Entry {
    static func main() {
        // No subcommand is a usage error: the help, on standard error, exit 2.
        guard CommandLine.arguments.count > 1 else {
            Output.err(MaestroTopoCommand.helpMessage() + "\n")
            exit(2)
        }
        if let run = FastArguments.validate(Array(CommandLine.arguments.dropFirst())) {
            exit(run.run())
        }
        do {
            var command = try MaestroTopoCommand.parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch let error as ToolError {
            Output.error(error.description)
            exit(2)
        } catch {
            let code = MaestroTopoCommand.exitCode(for: error)
            let message = MaestroTopoCommand.fullMessage(for: error)
            if code == .success {
                Output.out(message + "\n")
                exit(0)
            }
            Output.err(message + "\n")
            exit(2)
        }
    }
}

struct MaestroTopoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maestro-topo",
        abstract: "Plan, validate and bundle multi-server LISTSERV Maestro installations.",
        discussion: """
            Describe which hosts run LUI, HUB, TRK, the system database and \
            LISTSERV in one YAML file; maestro-topo checks it like a compiler and \
            derives, per server, the ports, firewall rules, certificates and \
            ssl.ini that make the components talk to each other.

            Start with:
              maestro-topo init --preset four-server > acme.yaml
              maestro-topo validate acme.yaml
              maestro-topo plan acme.yaml

            Exit codes: 0 no errors (warnings allowed unless --strict); 1 the \
            input has errors; 2 the tool could not do its job (bad flags, \
            unreadable input).
            """,
        // The tool's version, and the topology format versions it reads.
        version: "\(ToolInfo.name) \(ToolInfo.version)\ntopology format version read: \(supportedFormatVersion)",
        subcommands: [ValidateCommand.self, PlanCommand.self, BundleCommand.self, DiffCommand.self, GraphCommand.self, VerifyCommand.self, DiscoverCommand.self, ProbeCommand.self, ExplainCommand.self, InitCommand.self, SchemaCommand.self]
    )
}
