import CMCEmulator
import CoinPipeTestSupport
import Foundation
import Testing

/// File-writing commands given hostile targets: nothing outside the named target is ever changed or deleted.
@Suite(.serialized) struct DestructiveInputTests {
    /// A store with 60 quotes, collected by `coinpipe collect` from the emulator into `out`.
    private func collectedRoot() async throws -> URL {
        let out = try temporaryDirectory().appendingPathComponent("raw_data")
        try await withEmulator(emulator(coins: 60), logger: silentLogger()) { running in
            let result = try await runCoinPipe(
                [
                    "collect", "--base-url", running.baseURL.absoluteString, "--limit", "all", "--info", "none",
                    "--out", out.path,
                ],
                environment: ["CMC_API_KEY": running.apiKey]
            )
            #expect(result.status == 0, "\(result.stderr)")
        }
        return out
    }

    /// Every regular file under `root` with its bytes.
    private func snapshot(_ root: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            let path = root.appendingPathComponent(relative).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: path)
            }
        }
        return files
    }

    @Test func exportRefusesAnExistingDirectoryAndDeletesNothing() async throws {
        let out = try await collectedRoot()
        let victim = out.deletingLastPathComponent().appendingPathComponent("victim")
        try FileManager.default.createDirectory(
            at: victim.appendingPathComponent("sub"),
            withIntermediateDirectories: true
        )
        try Data("important\n".utf8).write(to: victim.appendingPathComponent("sub/file.txt"))
        let before = snapshot(out.deletingLastPathComponent())
        for target in [victim.path, out.path, out.path + "/"] {
            for format in ["csv", "jsonl"] {
                let result = try await runCoinPipe([
                    "export", "--format", format, "--output", target, "--out", out.path,
                ])
                #expect(result.status == 2, "\(target): \(result.stderr)")
                #expect(result.stderr.contains("is a directory"), "\(result.stderr)")
                #expect(!result.stderr.contains("exported"))
            }
        }
        #expect(snapshot(out.deletingLastPathComponent()) == before)
    }

    @Test func exportReplacesAFileAtomicallyAndASymlinkNotItsTarget() async throws {
        let out = try await collectedRoot()
        let parent = out.deletingLastPathComponent()
        let existing = parent.appendingPathComponent("quotes.csv")
        try Data("old\n".utf8).write(to: existing)
        let result = try await runCoinPipe(["export", "--output", existing.path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOf: existing, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 61)
        // No temporary file is left beside it.
        let names = try FileManager.default.contentsOfDirectory(atPath: parent.path)
        #expect(!names.contains { $0.hasSuffix(".partial") }, "\(names)")

        // A symbolic link to a file elsewhere: the link is replaced, the file it pointed to is untouched.
        let elsewhere = try temporaryDirectory().appendingPathComponent("keep.txt")
        try Data("keep me\n".utf8).write(to: elsewhere)
        let link = parent.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: elsewhere)
        let linked = try await runCoinPipe(["export", "--output", link.path, "--out", out.path])
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect(try String(contentsOf: elsewhere, encoding: .utf8) == "keep me\n")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) == nil)
    }

    @Test func exportIntoAMissingOrUnwritableFolderIsAClearError() async throws {
        let out = try await collectedRoot()
        let missing = out.deletingLastPathComponent().appendingPathComponent("nope/quotes.csv")
        let result = try await runCoinPipe(["export", "--output", missing.path, "--out", out.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("does not exist"), "\(result.stderr)")
        // A path through `..` names its target like any other: it is written there and nowhere else.
        let dotted = out.appendingPathComponent("../dotted.csv").path
        // The store is part of the comparison: export opens it read-only, so no byte of it changes and no `-wal`
        // or `-shm` appears.
        let before = snapshot(out)
        let written = try await runCoinPipe(["export", "--output", dotted, "--out", out.path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(
            FileManager.default.fileExists(
                atPath: out.deletingLastPathComponent().appendingPathComponent("dotted.csv").path
            )
        )
        #expect(snapshot(out) == before)
    }
}
