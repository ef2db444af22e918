import Foundation

extension RuleSet {
    /// Loads the bundled rules, then a user's folder over them: `directory` if given, else `CLAIMS_RULES`.
    public static func load(userDirectory: String? = nil, bundled: Bool = true) throws -> RuleSet {
        var folders: [URL] = []
        if bundled { folders.append(try ResourceLocator.rulesDirectory()) }
        let user = userDirectory ?? ProcessInfo.processInfo.environment["CLAIMS_RULES"].flatMap { $0.isEmpty ? nil : $0 }
        if let user {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: user, isDirectory: &isDir), isDir.boolValue else {
                throw ClaimsError(code: .input, message: "rules folder '\(user)' does not exist; check --rules or CLAIMS_RULES")
            }
            folders.append(URL(fileURLWithPath: user))
        }
        return try RuleLoader().load(directories: folders)
    }
}
