// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "maestro-topo",
    products: [
        .executable(name: "maestro-topo", targets: ["maestro-topo"]),
        .library(name: "MaestroTopo", targets: ["MaestroTopo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
        .target(
            name: "MaestroTopo",
            dependencies: ["CYAML", "CSystem"],
            // Release builds skip the runtime exclusivity checks: measured at
            // several percent of `validate` (docs/performance.md); debug
            // builds, and so the tests, keep them.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .executableTarget(
            name: "maestro-topo",
            dependencies: [
                "MaestroTopo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "MaestroTopoTests",
            dependencies: ["MaestroTopo", "maestro-topo"],
            exclude: ["Golden", "Fixtures"]
        ),
    ]
)
