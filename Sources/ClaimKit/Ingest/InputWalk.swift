import Foundation

/// The files behind the inputs of `claims ingest`, one at a time: each file given, `-`, and every `*.txt`
/// under each folder, in name order within a folder, and a problem for a path that gives none.
///
/// Folders are listed one at a time as the walk reaches them, so an archive of a million files is never
/// held as a million paths: memory stays bounded by the widest folder.
public struct InputWalk: Sequence, IteratorProtocol {
    /// A folder being walked: its entries in name order and how far the walk has come.
    private struct Level {
        var entries: [String]
        var next = 0
    }

    private var roots: [String]
    private var nextRoot = 0
    private var levels: [Level] = []
    /// The folder given as input that is being walked, and whether it has given a text file yet.
    private var root: String?
    private var rootHasText = false

    init(_ paths: [String]) { roots = paths }

    /// The next file's path, or the problem with an input that gave none; nil at the end.
    public mutating func next() -> Result<String, InputProblem>? {
        let fm = FileManager.default
        while true {
            if !levels.isEmpty {
                let level = levels.count - 1
                guard levels[level].next < levels[level].entries.count else {
                    levels.removeLast()
                    continue
                }
                let path = levels[level].entries[levels[level].next]
                levels[level].next += 1
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: path, isDirectory: &isDir) else { continue }
                if isDir.boolValue {
                    if let listing = Self.listing(path) { levels.append(Level(entries: listing)) }
                } else if path.hasSuffix(".txt") {
                    rootHasText = true
                    return .success(path)
                }
                continue
            }
            if let folder = root {
                root = nil
                if !rootHasText {
                    return .failure(
                        InputProblem(path: folder, message: "folder holds no .txt files; claims ingests UTF-8 text files named *.txt"))
                }
            }
            guard nextRoot < roots.count else { return nil }
            let path = roots[nextRoot]
            nextRoot += 1
            if path == "-" { return .success(path) }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                return .failure(InputProblem(path: path, message: "no such file or folder; check the path"))
            }
            guard isDir.boolValue else { return .success(path) }
            guard let listing = Self.listing(path) else {
                return .failure(InputProblem(path: path, message: "cannot read the folder; check its permissions"))
            }
            root = path
            rootHasText = false
            levels = [Level(entries: listing)]
        }
    }

    /// A folder's entries as paths, in name order; nil when it cannot be read.
    private static func listing(_ folder: String) -> [String]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        return names.sorted().map { (folder as NSString).appendingPathComponent($0) }
    }
}
