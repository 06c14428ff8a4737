import Collector
import Crypto
import Foundation
import Testing

/// A fresh directory under the system temporary directory, removed when the body ends.
enum ScratchDirectory {
    static func with<T>(_ body: (URL) async throws -> T) async throws -> T {
        let url = FileManager.default.temporaryDirectory
            .appending(path: "coinpipe-collector-\(UUID().uuidString.lowercased())", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await body(url)
    }

    /// Every regular file and symbolic link below `root`, as paths relative to it.
    static func allFiles(under root: URL) -> [String] {
        let base = root.standardizedFileURL.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isDirectory),
                isDirectory.boolValue
            {
                continue
            }
            files.append(relative)
        }
        return files.sorted()
    }

    static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

@Suite struct RunFolderTests {
    @Test func createMakesTheLayoutAndRefusesAnExistingRun() async throws {
        try await ScratchDirectory.with { root in
            let output = root.appending(path: "out/nested")
            let id = RunID()
            let folder = try RunFolder.create(root: output, runID: id)
            #expect(folder.url.lastPathComponent == id.description)
            var isDirectory: ObjCBool = false
            #expect(
                FileManager.default.fileExists(
                    atPath: folder.url.appending(path: "Images").path,
                    isDirectory: &isDirectory
                )
            )
            #expect(isDirectory.boolValue)
            #expect(FileManager.default.fileExists(atPath: folder.url.appending(path: "raw").path))
            let error = #expect(throws: RunFolderError.self) { try RunFolder.create(root: output, runID: id) }
            #expect(error?.code == .alreadyExists)
            #expect(error?.message.contains(id.description) == true)
            let reopened = try RunFolder.open(root: output, runID: id)
            #expect(reopened.runID == id)
        }
    }

    @Test func openRefusesAMissingRun() async throws {
        try await ScratchDirectory.with { root in
            let error = #expect(throws: RunFolderError.self) { try RunFolder.open(root: root, runID: RunID()) }
            #expect(error?.code == .notFound)
        }
    }

    @Test func writeIsAtomicAndRecordsSizeAndHash() async throws {
        try await ScratchDirectory.with { root in
            let folder = try RunFolder.create(root: root, runID: RunID())
            let first = Data("first version".utf8)
            let record = try folder.write(first, to: "data.json")
            #expect(
                record == FileRecord(path: "data.json", size: first.count, sha256: ScratchDirectory.sha256Hex(first))
            )
            let second = Data(repeating: 0x41, count: 200_000)
            let replaced = try folder.write(second, to: "data.json")
            #expect(try Data(contentsOf: folder.url.appending(path: "data.json")) == second)
            #expect(replaced.sha256 == ScratchDirectory.sha256Hex(second))
            #expect(try folder.record(for: "data.json") == replaced)
            #expect(try folder.listFiles() == ["data.json"])
        }
    }

    @Test func concurrentWritersLeaveOneWholeVersion() async throws {
        try await ScratchDirectory.with { root in
            let folder = try RunFolder.create(root: root, runID: RunID())
            let versions = (0..<8).map { Data(repeating: UInt8($0), count: 300_000 + $0) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for version in versions {
                    group.addTask { try folder.write(version, to: "Images/1.png") }
                }
                try await group.waitForAll()
            }
            let final = try Data(contentsOf: folder.url.appending(path: "Images/1.png"))
            #expect(versions.contains(final))
            #expect(try folder.listFiles() == ["Images/1.png"])
        }
    }

    @Test(arguments: [
        "../x", "/abs", "Images/../../x", "", "a//b", "a/./b", "Images/", "Images/x y.png", "Images/é.png",
        "Images/x\\y.png", "..", ".", "Images/1.png?x=1",
    ])
    func invalidPathsAreRefused(path: String) async throws {
        try await ScratchDirectory.with { root in
            let folder = try RunFolder.create(root: root, runID: RunID())
            let error = #expect(throws: RunFolderError.self) { try folder.write(Data("x".utf8), to: path) }
            #expect(error?.code == .invalidPath)
            #expect(error?.message.contains("A-Z a-z 0-9") == true)
            #expect(throws: RunFolderError.self) { try folder.fileURL(path) }
            #expect(throws: RunFolderError.self) { try folder.record(for: path) }
            #expect(ScratchDirectory.allFiles(under: root).isEmpty)
        }
    }

    @Test func symbolicLinksOutOfTheFolderAreRefused() async throws {
        try await ScratchDirectory.with { root in
            let output = root.appending(path: "out")
            let outside = root.appending(path: "outside")
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            let secret = outside.appending(path: "secret.txt")
            try Data("secret".utf8).write(to: secret)
            let folder = try RunFolder.create(root: output, runID: RunID())
            try FileManager.default.createSymbolicLink(
                at: folder.url.appending(path: "Images/evil"),
                withDestinationURL: outside
            )
            try FileManager.default.createSymbolicLink(
                at: folder.url.appending(path: "data.json"),
                withDestinationURL: secret
            )

            let write = #expect(throws: RunFolderError.self) {
                try folder.write(Data("x".utf8), to: "Images/evil/x.png")
            }
            #expect(write?.code == .outsideRunFolder)
            let url = #expect(throws: RunFolderError.self) { try folder.fileURL("Images/evil/x.png") }
            #expect(url?.code == .outsideRunFolder)
            let record = #expect(throws: RunFolderError.self) { try folder.record(for: "data.json") }
            #expect(record?.code == .outsideRunFolder)
            #expect(ScratchDirectory.allFiles(under: outside) == ["secret.txt"])
            #expect(try Data(contentsOf: secret) == Data("secret".utf8))
        }
    }

    @Test func durableWriteProducesTheFileWithoutLeftovers() async throws {
        try await ScratchDirectory.with { root in
            let folder = try RunFolder.create(root: root, runID: RunID())
            let data = Data(#"{"run":"manifest"}"#.utf8)
            let record = try folder.write(data, to: "manifest.json", durable: true)
            #expect(record.size == data.count)
            #expect(try Data(contentsOf: folder.url.appending(path: "manifest.json")) == data)
            #expect(try folder.listFiles() == ["manifest.json"])
        }
    }

    @Test func nestedPathsCreateDirectoriesInside() async throws {
        try await ScratchDirectory.with { root in
            let folder = try RunFolder.create(root: root, runID: RunID())
            try folder.write(Data("{}".utf8), to: "raw/info/batch-1.json")
            #expect(try folder.listFiles() == ["raw/info/batch-1.json"])
            #expect(try folder.fileURL("raw/info/batch-1.json").path.hasSuffix("/raw/info/batch-1.json"))
        }
    }

    @Test func copyInAndRecordStreamLargeFiles() async throws {
        try await ScratchDirectory.with { root in
            let folder = try RunFolder.create(root: root.appending(path: "out"), runID: RunID())
            var big = Data(count: 3 << 20)
            for index in stride(from: 0, to: big.count, by: 4096) {
                big[index] = UInt8(truncatingIfNeeded: index / 4096)
            }
            let source = root.appending(path: "source.bin")
            try big.write(to: source)
            let copied = try folder.copyIn(from: source, to: "raw/big.bin")
            #expect(copied == FileRecord(path: "raw/big.bin", size: big.count, sha256: ScratchDirectory.sha256Hex(big)))
            #expect(try folder.record(for: "raw/big.bin") == copied)
            let missing = #expect(throws: RunFolderError.self) {
                try folder.copyIn(from: root.appending(path: "nope"), to: "raw/x.bin")
            }
            #expect(missing?.code == .notFound)
        }
    }

    @Test func linkInSharesAnImmutableFileAndRecordsIt() async throws {
        try await ScratchDirectory.with { root in
            let folder = try RunFolder.create(root: root.appending(path: "out"), runID: RunID())
            let object = root.appending(path: "out/.cache/logos/objects/abc")
            try FileManager.default.createDirectory(
                at: object.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            let body = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 42])
            try body.write(to: object)
            let record = try folder.linkIn(from: object, to: "Images/7.png")
            #expect(
                record == FileRecord(path: "Images/7.png", size: body.count, sha256: ScratchDirectory.sha256Hex(body))
            )
            let attributes = try FileManager.default.attributesOfItem(
                atPath: folder.url.appending(path: "Images/7.png").path
            )
            #expect(attributes[.referenceCount] as? Int == 2, "a hard link, not a copy")
            // Replacing the run's file (as every write does) leaves the cache object alone.
            try folder.write(Data("other".utf8), to: "Images/7.png")
            #expect(try Data(contentsOf: object) == body)
            #expect(try folder.listFiles() == ["Images/7.png"])
            let escape = #expect(throws: RunFolderError.self) { try folder.linkIn(from: object, to: "../7.png") }
            #expect(escape?.code == .invalidPath)
        }
    }

    @Test func runIDsAreCanonicalLowercaseUUIDs() {
        let id = RunID()
        #expect(id.description.count == 36)
        #expect(id.description == id.description.lowercased())
        #expect(Array(id.description)[14] == "4")
        #expect(RunID("3F2B8C1E-9A4D-4E6F-8B2A-1C3D5E7F9A0B")?.description == "3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b")
        for bad in [
            "", "not-a-uuid", "{3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b}", "3f2b8c1e9a4d4e6f8b2a1c3d5e7f9a0b",
            "3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0", "3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0g", ".cache",
        ] {
            #expect(RunID(bad) == nil, "\(bad)")
        }
    }
}
