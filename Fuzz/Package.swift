// swift-tools-version:6.0
import PackageDescription

// libFuzzer harness for the loader, the rules, the planner and the renderers.
// A separate package, so the main package never builds with the fuzzer
// sanitizer. Build and run it with `make fuzz` from the repository root.
let package = Package(
    name: "maestro-topo-fuzz",
    dependencies: [
        .package(name: "maestro-topo", path: ".."),
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver with its C signature.
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "maestro-topo-fuzz",
            dependencies: [
                "CFuzzerDriver",
                .product(name: "MaestroTopoCore", package: "maestro-topo"),
            ]
        ),
    ]
)
