// swift-tools-version:6.0
// libFuzzer harnesses for ClaimKit. A separate package so the main build never sees -sanitize=fuzzer.
// Build and run with scripts/fuzz.sh (see README.md, "Fuzzing").
import PackageDescription

let package = Package(
    name: "claims-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "claims", path: "..")
    ],
    targets: [
        // Declares LLVMFuzzerRunDriver, which each harness's main calls (see shim.h).
        .systemLibrary(name: "CLibFuzzer", path: "Sources/CLibFuzzer"),
        // Shared invariant checks and resource lookup for both harnesses.
        .target(
            name: "FuzzSupport",
            dependencies: ["CLibFuzzer", .product(name: "ClaimKit", package: "claims")]),
        // Each harness defines LLVMFuzzerTestOneInput and an @main that hands it to libFuzzer's driver.
        .executableTarget(
            name: "FuzzExtract",
            dependencies: ["FuzzSupport", .product(name: "ClaimKit", package: "claims")]),
        .executableTarget(
            name: "FuzzRules",
            dependencies: ["FuzzSupport", .product(name: "ClaimKit", package: "claims")]),
    ]
)
