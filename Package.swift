// swift-tools-version:6.0
import PackageDescription

// Release builds skip the runtime exclusivity checks: measured at several
// percent of `validate` (docs/performance.md); debug builds, and so the
// tests, keep them.
let releaseSettings: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

/// A library module of the tool. The modules follow the way the data flows,
/// and each depends only on the ones before it (a test checks the imports):
/// source text → YAML events → model → check (loader and rules) → plan
/// (planner, diff, runbook) → render (no I/O) → bundle (files as data) →
/// system (files, processes) → MaestroTopo (one entry point per command) →
/// the command line.
func module(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .target(name: name, dependencies: dependencies, swiftSettings: releaseSettings)
}

let package = Package(
    name: "maestro-topo",
    products: [
        .executable(name: "maestro-topo", targets: ["maestro-topo"]),
        // The core modules, for the fuzzing package (Fuzz/) and other
        // clients: no certificate, TLS or network library comes with them.
        .library(
            name: "MaestroTopoCore",
            targets: [
                "TopoSource", "TopoYAML", "TopoModel", "TopoCheck", "TopoPlan", "TopoRender", "TopoBundle",
                "TopoSystem",
            ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Certificates of a real installation (TopoReality only): parsed and
        // chain-verified in Swift, never by parsing a tool's output.
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
    ],
    targets: [
        // libyaml from the system (Debian: libyaml-dev). Never link Yams into
        // the product: it bundles its own copy of libyaml and the two clash.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The libc calls Swift's Glibc module does not import or cannot call
        // (renameat2 relative to a folder, prctl, explicit_bzero).
        // DWARF 4, so valgrind (used for docs/performance.md) can read the
        // binary's debug information.
        .target(name: "CSystem", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        module("TopoSource", []),
        module("TopoYAML", ["CYAML", "TopoSource"]),
        module("TopoModel", ["TopoSource", "CSystem"]),
        module("TopoCheck", ["TopoYAML", "TopoModel"]),
        module("TopoPlan", ["TopoCheck"]),
        module("TopoRender", ["TopoPlan"]),
        module("TopoBundle", ["TopoRender"]),
        module("TopoSystem", ["TopoBundle", "CSystem"]),
        // OpenSSL from the system (Debian: libssl-dev), for PKCS12 keystores
        // and the TLS of `probe`. Only TopoReality imports it, as only
        // TopoYAML imports libyaml.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        // The reality side: a real installation's files (verify, discover).
        // It sits above the core, which never depends on certificate or
        // network libraries.
        module("TopoReality", [
            "TopoSystem", "COpenSSL", .product(name: "X509", package: "swift-certificates"),
        ]),
        module("MaestroTopo", ["TopoReality"]),
        .executableTarget(
            name: "maestro-topo",
            dependencies: [
                "MaestroTopo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What both test targets use: running the built tool, temporary
        // folders, topologies for tests, and the helpers each split test
        // class shares between its two halves. Only the test targets depend
        // on it, so it uses the modules' public API alone.
        .target(
            name: "TopoTestSupport",
            dependencies: ["TopoSource", "TopoModel", "TopoCheck", "TopoPlan"],
            path: "Tests/TopoTestSupport"
        ),
        // Unit tests, in-process: loader, rules, planner, renderers, bundle
        // building, the file system helpers.
        .testTarget(
            name: "MaestroTopoTests",
            dependencies: [
                "TopoSource", "TopoYAML", "TopoModel", "TopoCheck", "TopoPlan", "TopoRender", "TopoBundle",
                "TopoSystem", "TopoReality", "MaestroTopo", "maestro-topo", "TopoTestSupport",
            ],
            exclude: ["Fixtures"]
        ),
        // End-to-end tests: the built maestro-topo binary (which this target
        // depends on so that it is built first) and the scripts it writes.
        .testTarget(
            name: "MaestroTopoCLITests",
            dependencies: [
                "TopoSource", "TopoYAML", "TopoModel", "TopoCheck", "TopoPlan", "TopoRender", "TopoBundle",
                "TopoSystem", "TopoReality", "MaestroTopo", "maestro-topo", "TopoTestSupport",
            ],
            exclude: ["Golden"]
        ),
    ]
)
