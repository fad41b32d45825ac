import ArgumentParser
import MaestroTopo

#if canImport(Glibc)
import Glibc
#endif

/// Runs the command and maps every outcome to the documented exit codes:
/// 0 success, 1 the input has errors, 2 the tool could not do its job (bad
/// flags included: argument-parser's own default would be 64).
@main
enum Entry {
    static func main() {
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
        version: ToolInfo.version,
        subcommands: [ValidateCommand.self, PlanCommand.self, BundleCommand.self, DiffCommand.self, GraphCommand.self, ExplainCommand.self, InitCommand.self]
    )
}

/// Standard output takes machine output alone; everything else goes to
/// standard error.
enum Output {
    static func out(_ text: String) { write(text, to: 1) }

    static func write(fd: Int32, _ text: String) { write(text, to: fd) }

    static func err(_ text: String) { write(text, to: 2) }

    /// Whole strings straight to the descriptor, so the two streams never
    /// interleave mid-line and nothing waits in a buffer at exit.
    private static func write(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += count
            }
        }
    }

    /// A tool error (exit 2), coloured like any other finding. It may come
    /// before or instead of argument parsing, so `--no-color` is looked for
    /// in the raw arguments.
    static func error(_ message: String) {
        let style = TextStyle.forStream(2, noColorFlag: CommandLine.arguments.contains("--no-color"))
        err("maestro-topo: \(style.severity(.error)): \(message)\n")
    }
}

/// Collects output and writes it in large pieces: one write per file would
/// cost a system call each in a run over thousands of files.
struct OutputBuffer {
    let fd: Int32
    private var pending = ""

    init(fd: Int32) { self.fd = fd }

    mutating func append(_ text: String) {
        pending += text
        if pending.utf8.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !pending.isEmpty else { return }
        Output.write(fd: fd, pending)
        pending = ""
    }
}
