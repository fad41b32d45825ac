import MaestroTopo
import TopoRender
import TopoSystem

/// The common `validate` command lines, read without swift-argument-parser.
/// Its reflection-based parsing costs more than checking a small file, and
/// CI jobs and editors run `validate FILE` constantly. Anything this reader
/// does not fully understand (help, an unknown flag, a bad value) returns
/// nil and goes through argument-parser, so errors and help come from one
/// place. MAESTRO_TOPO_SLOW_ARGS=1 turns the shortcut off (tests compare both).
enum FastArguments {
    static func validate(_ arguments: [String]) -> ValidateRun? {
        guard arguments.first == "validate", FileSystem.environment("MAESTRO_TOPO_SLOW_ARGS") == nil else { return nil }
        var paths: [String] = []
        var format = OutputFormat.text, strict = false, noColor = false, quiet = false
        var jobs: Int?
        var index = 1
        var onlyPaths = false
        func value(_ name: String, _ argument: String) -> String? {
            if argument.hasPrefix(name + "=") { return String(argument.dropFirst(name.count + 1)) }
            guard argument == name, index + 1 < arguments.count else { return nil }
            index += 1
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            if onlyPaths || !argument.hasPrefix("-") || argument == "-" {
                paths.append(argument)
            } else if argument == "--" {
                onlyPaths = true
            } else if argument == "--strict" {
                strict = true
            } else if argument == "--no-color" {
                noColor = true
            } else if argument == "--quiet" || argument == "-q" {
                quiet = true
            } else if argument.hasPrefix("--format") {
                guard let text = value("--format", argument), let parsed = OutputFormat(rawValue: text),
                      OutputFormat.validateFormats.contains(parsed) else { return nil }
                format = parsed
            } else if argument.hasPrefix("--jobs") || argument == "-j" {
                guard let text = value(argument == "-j" ? "-j" : "--jobs", argument), let n = Int(text), n >= 1 else {
                    return nil
                }
                jobs = n
            } else {
                return nil
            }
            index += 1
        }
        guard !paths.isEmpty else { return nil }
        return ValidateRun(
            paths: paths, jobs: jobs ?? ValidateCommand.cores, format: format, strict: strict,
            style: TextStyle.forStream(2, noColorFlag: noColor), quiet: quiet)
    }
}
