public import Foundation

/// Checks run folders against their manifests: every listed file present with its size and SHA-256,
/// and nothing else there.
///
/// Files are hashed by streaming 64 KiB at a time, one after another, so memory stays flat whatever the
/// folder holds.
///
/// ```swift
/// for report in RunVerifier.verifyAll(root: outputRoot) where !report.isClean {
///     logger.error("run \(report.runID) is damaged", metadata: ["missing": "\(report.missing.count)"])
/// }
/// ```
public enum RunVerifier {
    /// How deeply each listed file is checked.
    public enum Depth: Sendable, Hashable {
        /// Size and SHA-256 of every file: what `coinpipe verify` and `coinpipe load` do.
        case contents
        /// Size only (a file whose size differs is then hashed for the report). For a folder this process has
        /// just written and hashed, such as a run `collect` loads into its store at once; every other check
        /// (nothing missing or unlisted, no path outside the folder, the manifest's run id) is the same.
        case sizes
    }

    /// Verifies one run folder.
    ///
    /// - Parameters:
    ///   - folder: The run folder.
    ///   - depth: How deeply each file is checked.
    /// - Returns: The report; it never throws (a problem reading the manifest is
    ///   ``VerificationReport/manifestError``).
    public static func verify(_ folder: RunFolder, depth: Depth = .contents) -> VerificationReport {
        var report = VerificationReport(runID: folder.runID, folder: folder.url)
        let present: [String]
        do {
            present = try folder.listFiles()
        } catch {
            report.manifestError = "cannot list the run folder: \(error.message)"
            return report
        }
        let leftovers = present.filter(isTemporary)
        let manifest: RunManifest
        do {
            manifest = try RunManifest.load(from: folder)
        } catch {
            report.manifestError = error.description
            report.unexpected = leftovers
            return report
        }
        report.status = manifest.status
        var presentSet = Set(present)
        presentSet.remove(RunFolder.manifestFileName)
        var listed = Set<String>()
        var invalidPaths: [String] = []
        for expected in manifest.files.sorted(by: { $0.path < $1.path }) {
            // The manifest cannot list itself; an entry for it is ignored, as is a repeated path.
            guard expected.path != RunFolder.manifestFileName, listed.insert(expected.path).inserted else { continue }
            guard presentSet.remove(expected.path) != nil else {
                report.missing.append(expected.path)
                if (try? RunFolder.validate(expected.path)) == nil { invalidPaths.append(expected.path) }
                continue
            }
            do {
                if depth == .sizes, try folder.size(of: expected.path) == expected.size { continue }
                let actual = try folder.record(for: expected.path)
                if actual.size != expected.size || actual.sha256 != expected.sha256.lowercased() {
                    report.torn.append(.init(path: expected.path, expected: expected, actual: actual))
                }
            } catch {
                // Present in the listing but unreadable (a symbolic link out, a special file): it is not
                // the file the manifest promised.
                report.missing.append(expected.path)
            }
        }
        report.unexpected = presentSet.sorted()
        if !invalidPaths.isEmpty {
            report.manifestError = "the manifest lists invalid paths: \(invalidPaths.joined(separator: ", "))"
        }
        return report
    }

    /// Verifies every run folder under an output root.
    ///
    /// Only subfolders named by a lowercase canonical ``RunID`` are checked; `.cache` and anything else
    /// are skipped.
    ///
    /// - Parameter root: The output root.
    /// - Returns: One report per run folder, sorted by run id; empty when the root cannot be listed.
    public static func verifyAll(root: URL) -> [VerificationReport] {
        let rootPath = root.standardizedFileURL.path
        guard let names = try? FileIO.contents(ofDirectory: rootPath) else { return [] }
        var reports: [VerificationReport] = []
        for name in names.sorted() {
            guard let runID = RunID(name), runID.description == name else { continue }
            guard FileIO.kind(at: rootPath + "/" + name) == .directory else { continue }
            do {
                reports.append(verify(try RunFolder.open(root: root, runID: runID)))
            } catch {
                reports.append(
                    VerificationReport(
                        runID: runID,
                        folder: root.appending(path: name, directoryHint: .isDirectory),
                        manifestError: error.description
                    )
                )
            }
        }
        return reports
    }

    private static func isTemporary(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasPrefix(RunFolder.temporaryPrefix)
    }
}
