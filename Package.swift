// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "claims",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ClaimKit", targets: ["ClaimKit"]),
        .executable(name: "claims", targets: ["claims"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2", path: "Sources/CPCRE2", pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(
            name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
        .target(
            name: "ClaimKit",
            dependencies: ["CPCRE2", "CSQLite", "Yams"]),
        .executableTarget(
            name: "claims",
            dependencies: ["ClaimKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "ClaimKitTests", dependencies: ["ClaimKit"]),
        .testTarget(name: "claimsTests", dependencies: ["ClaimKit"]),
    ]
)
