import ArgumentParser
import MaestroTopo
import TopoCheck

/// Flags that raise (or lower) the loader's safety limits. The defaults are
/// far above any real installation; see docs/robustness.md.
struct LimitOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Largest topology file read (default 64M). Sizes take a K, M or G suffix.", valueName: "size"))
    var maxFileSize: ByteCount?

    @Option(name: .long, help: ArgumentHelp("Deepest nesting of mappings and lists (default 64).", valueName: "levels"))
    var maxDepth: Int?

    @Option(name: .long, help: ArgumentHelp("Longest single value (default 1M).", valueName: "size"))
    var maxScalarLength: ByteCount?

    @Option(name: .long, help: ArgumentHelp("Most hosts in one file (default 100000).", valueName: "count"))
    var maxHosts: Int?

    @Option(name: .long, help: ArgumentHelp(
        "Most findings the loader makes in one file before it stops reading it (default 1000).", valueName: "count"))
    var maxFindings: Int?

    func validate() throws {
        for (flag, value) in [("--max-depth", maxDepth), ("--max-hosts", maxHosts), ("--max-findings", maxFindings)] {
            if let value, value < 1 { throw ValidationError("\(flag) must be at least 1") }
        }
    }

    var loaderLimits: LoaderLimits {
        var limits = LoaderLimits.default
        if let maxFileSize { limits.maxFileSize = maxFileSize.bytes }
        if let maxDepth { limits.maxDepth = maxDepth }
        if let maxScalarLength { limits.maxScalarLength = maxScalarLength.bytes }
        if let maxHosts { limits.maxHosts = maxHosts }
        if let maxFindings { limits.maxFindings = maxFindings }
        return limits
    }
}

/// A size in bytes as written on the command line: `4096`, `512K`, `64M`,
/// `1G` (binary multiples; a trailing `B` or `iB` is allowed).
struct ByteCount: ExpressibleByArgument, Equatable {
    var bytes: Int

    init(bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        var text = argument.uppercased()
        for suffix in ["IB", "B"] where text.hasSuffix(suffix) && text.count > suffix.count {
            text.removeLast(suffix.count)
            break
        }
        var shift = 0
        if let last = text.last, let index = ["K", "M", "G"].firstIndex(of: String(last)) {
            shift = 10 * (index + 1)
            text.removeLast()
        }
        guard let count = Int(text), count >= 1, count <= Int.max >> shift else { return nil }
        bytes = count << shift
    }
}
