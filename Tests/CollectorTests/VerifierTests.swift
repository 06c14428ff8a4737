import Collector
import Foundation
import Testing

@Suite struct VerifierTests {
    /// A finished run with three files and a manifest listing them.
    static func finishedRun(in root: URL) throws -> RunFolder {
        let folder = try RunFolder.create(root: root, runID: RunID())
        var manifest = ManifestTests.sample(runID: folder.runID)
        manifest.status = .complete
        manifest.files = [
            try folder.write(Data(#"[{"id":1}]"#.utf8), to: "data.json"),
            try folder.write(Data(#"{"1":{}}"#.utf8), to: "info.json"),
            try folder.write(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2]), to: "Images/1.png"),
        ]
        try manifest.write(to: folder)
        return folder
    }

    @Test func aFinishedRunIsClean() async throws {
        try await ScratchDirectory.with { root in
            let folder = try Self.finishedRun(in: root)
            let report = RunVerifier.verify(folder)
            #expect(report.isClean)
            #expect(report.status == .complete)
            #expect(report.runID == folder.runID)
        }
    }

    @Test func aDeletedFileIsMissing() async throws {
        try await ScratchDirectory.with { root in
            let folder = try Self.finishedRun(in: root)
            try FileManager.default.removeItem(at: folder.url.appending(path: "info.json"))
            let report = RunVerifier.verify(folder)
            #expect(report.missing == ["info.json"])
            #expect(report.torn.isEmpty && report.unexpected.isEmpty)
            #expect(!report.isClean)
        }
    }

    @Test func aChangedFileIsTorn() async throws {
        try await ScratchDirectory.with { root in
            let folder = try Self.finishedRun(in: root)
            // Same size, different bytes: only the hash can tell.
            try Data(#"[{"id":2}]"#.utf8).write(to: folder.url.appending(path: "data.json"))
            // A truncated file: the size tells.
            try Data([0x89, 0x50]).write(to: folder.url.appending(path: "Images/1.png"))
            let report = RunVerifier.verify(folder)
            #expect(report.torn.map(\.path) == ["Images/1.png", "data.json"])
            let data = try #require(report.torn.first { $0.path == "data.json" })
            #expect(data.expected.size == data.actual.size)
            #expect(data.expected.sha256 != data.actual.sha256)
            #expect(report.torn.first?.actual.size == 2)
            #expect(!report.isClean)
        }
    }

    @Test func extraAndLeftoverTemporaryFilesAreUnexpected() async throws {
        try await ScratchDirectory.with { root in
            let folder = try Self.finishedRun(in: root)
            try Data("x".utf8).write(to: folder.url.appending(path: "Images/2.png"))
            try Data("x".utf8).write(to: folder.url.appending(path: "raw/.tmp-1234-listings.json"))
            let report = RunVerifier.verify(folder)
            #expect(report.unexpected == ["Images/2.png", "raw/.tmp-1234-listings.json"])
            #expect(report.missing.isEmpty && report.torn.isEmpty)
            #expect(!report.isClean)
        }
    }

    @Test func aMissingManifestIsReported() async throws {
        try await ScratchDirectory.with { root in
            let folder = try RunFolder.create(root: root, runID: RunID())
            try folder.write(Data("[]".utf8), to: "data.json")
            try Data("x".utf8).write(to: folder.url.appending(path: ".tmp-99-manifest.json"))
            let report = RunVerifier.verify(folder)
            #expect(report.manifestError?.contains("no manifest.json") == true)
            #expect(report.status == nil)
            #expect(report.unexpected == [".tmp-99-manifest.json"])
            #expect(!report.isClean)
        }
    }

    @Test func verifyAllChecksEveryRunAndSkipsTheCache() async throws {
        try await ScratchDirectory.with { root in
            let first = try Self.finishedRun(in: root)
            let second = try Self.finishedRun(in: root)
            try FileManager.default.removeItem(at: second.url.appending(path: "data.json"))
            try FileManager.default.createDirectory(
                at: root.appending(path: ".cache/logos/objects"),
                withIntermediateDirectories: true
            )
            try FileManager.default.createDirectory(
                at: root.appending(path: "notes"),
                withIntermediateDirectories: true
            )
            let reports = RunVerifier.verifyAll(root: root)
            #expect(reports.map(\.runID) == [first.runID, second.runID].sorted { $0.description < $1.description })
            #expect(reports.first { $0.runID == first.runID }?.isClean == true)
            #expect(reports.first { $0.runID == second.runID }?.missing == ["data.json"])
        }
    }
}
