import Foundation

/// Finds the bundled `Rules/` and `Migrations/` folders wherever the binary runs from.
///
/// SwiftPM resource bundles trap when missing, so claims looks for the folders itself: `CLAIMS_HOME`
/// first, then the folders above the executable (a `swift build` tree lives inside the checkout), then
/// the checkout this library was compiled from.
public enum ResourceLocator {
    /// The folder holding `Rules/` and `Migrations/`.
    public static func home() throws(ClaimsError) -> URL {
        var tried: [String] = []
        if let env = ProcessInfo.processInfo.environment["CLAIMS_HOME"], !env.isEmpty {
            let url = URL(fileURLWithPath: env)
            if isHome(url) { return url }
            throw ClaimsError(
                code: .resources,
                message: "CLAIMS_HOME='\(env)' does not hold Rules/ and Migrations/; unset it or point it at a claims checkout")
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var candidates: [URL] = []
        var dir = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir)
            dir = dir.deletingLastPathComponent()
        }
        // #filePath is Sources/ClaimKit/ResourceLocator.swift in the checkout that built this library.
        candidates.append(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent())
        for candidate in candidates {
            if isHome(candidate) { return candidate.standardizedFileURL }
            tried.append(candidate.path)
        }
        throw ClaimsError(
            code: .resources,
            message: "cannot find the bundled Rules/ and Migrations/ folders (looked in \(tried.joined(separator: ", "))); "
                + "set CLAIMS_HOME to the claims checkout")
    }

    /// The bundled rules folder.
    public static func rulesDirectory() throws(ClaimsError) -> URL { try home().appendingPathComponent("Rules") }

    /// The migrations folder.
    public static func migrationsDirectory() throws(ClaimsError) -> URL {
        try home().appendingPathComponent("Migrations")
    }

    static func isHome(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        let fm = FileManager.default
        return fm.fileExists(atPath: url.appendingPathComponent("Rules").path, isDirectory: &isDir) && isDir.boolValue
            && fm.fileExists(atPath: url.appendingPathComponent("Migrations").path, isDirectory: &isDir)
            && isDir.boolValue
    }
}
