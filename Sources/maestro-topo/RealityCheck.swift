import ArgumentParser
import MaestroTopo
import TopoSystem

/// What `verify` and `probe` share around their check: a refusal to start
/// (an unreadable file, a CA file that is not one) is exit 2, and a topology
/// with errors is printed and ends the run with exit 1 before anything of
/// the real installation is touched.
extension CommonOptions {
    func startCheck<Outcome, Refusal: Error & CustomStringConvertible>(
        _ check: () throws(Refusal) -> Outcome
    ) throws -> Outcome {
        do {
            return try check()
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
    }

    /// `nothing`: what was not done, e.g. "nothing verified".
    func refuse(_ opened: OpenedTopology, nothing: String) throws -> Never {
        findings.print(opened.diagnostics, in: opened.source)
        findings.refuse(opened.diagnostics, because: "\(nothing): fix the topology's errors first")
        throw ExitCode(1)
    }
}
