import CFuzzerDriver
import TopoSource
import TopoModel
import TopoCheck
import TopoPlan
import TopoRender

#if canImport(Glibc)
import Glibc
#endif

/// One input: load and check it, render the findings against the source
/// in every format of `validate`, and plan and render (text, JSON,
/// Markdown, DOT, Mermaid) a topology that checks clean, the way `plan`
/// and `graph` do.
/// Anything that traps or that AddressSanitizer catches is a finding.
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let result = TopologyCheck.check(bytes: bytes)
    let source = SourceFile(path: "fuzz.yaml", bytes: bytes, secrets: result.secretSpans)
    let renderer = DiagnosticTextRenderer(style: .plain)
    let index = source.lineIndex()
    var text = ""
    let lines = lineCount(bytes)
    for diagnostic in result.diagnostics {
        let location = diagnostic.location
        // A finding points into the file, and its text says where.
        guard (1...lines).contains(location.line), (1...bytes.count + 1).contains(location.column) else {
            fatalError("\(diagnostic.rule) at \(location) is outside the input (\(lines) lines, \(bytes.count) bytes)")
        }
        let rendered = renderer.render(diagnostic, in: source, index: index)
        guard rendered.hasPrefix("fuzz.yaml:\(location.line):\(location.column): ") else {
            fatalError("rendered finding does not start with its location: \(rendered)")
        }
        text += rendered
    }
    // A file read only in part says why.
    if !result.isComplete, result.diagnostics.errorCount == 0 {
        fatalError("input read in part without an error")
    }
    text += renderer.summary(files: 1, diagnostics: result.diagnostics, unreadable: 0)
    let installation = result.topology?.installation?.value ?? ""
    if result.isComplete, !result.diagnostics.fails(strict: false), let resolved = result.resolved {
        let plan = Planner.plan(resolved)
        text += PlanTextRenderer(style: .plain).render(plan)
        text += PlanJSONRenderer.render(plan, installation: installation, diagnostics: result.diagnostics)
        text += PlanMarkdownRenderer.render(plan, diagnostics: result.diagnostics)
        let graph = TopologyGraph(resolved)
        text += GraphDOTRenderer.render(graph) + GraphMermaidRenderer.render(graph)
    } else {
        text += PlanJSONRenderer.render(nil, installation: installation, diagnostics: result.diagnostics)
    }
    // Every format of `validate`, as one file of a batch.
    let report = FileReport(source: source, diagnostics: result.diagnostics)
    var summary = BatchSummary()
    summary.add(report, strict: false)
    for format in OutputFormat.validateFormats {
        guard let batch = ValidateFormat.renderer(for: format, style: .plain, strict: false, quiet: false) else { continue }
        text += batch.opening(summary) + batch.elements(for: report).joined(separator: batch.separator) + batch.closing(summary)
    }
    // Keep the output alive so the optimiser cannot drop the rendering.
    blackHole(text.utf8.count)
    return 0
}

/// Lines as libyaml counts them: `\n`, `\r\n`, a lone `\r`, NEL, LS, PS.
func lineCount(_ bytes: [UInt8]) -> Int {
    var lines = 1
    for i in bytes.indices {
        switch bytes[i] {
        case 0x0A: lines += 1
        case 0x0D: if i + 1 == bytes.count || bytes[i + 1] != 0x0A { lines += 1 }
        case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0x85: lines += 1
        case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
            lines += 1
        default: break
        }
    }
    return lines
}

@inline(never)
func blackHole(_ value: Int) {
    if value < 0 { print(value) }
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzOne($0, $1) })
