// swift-tools-version:6.0
// The Yams peer of `make bench`: what a user would write with Yams and
// Codable instead of maestro-topo. Its own package, so Yams (which bundles
// its own libyaml) never reaches the product's dependency graph.
import PackageDescription

let package = Package(
    name: "YamsPeer",
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .executableTarget(
            name: "yams-peer",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
    ]
)
