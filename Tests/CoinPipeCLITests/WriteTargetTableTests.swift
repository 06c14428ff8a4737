import CMCEmulator
import CoinPipeTestSupport
import Crypto
import Foundation
import Testing

/// The destructive-input table for the commands that write files (`collect --out`, `demo --out`,
/// `load --store`, `export --output`): an existing directory, an existing file, a symbolic link to elsewhere,
/// a read-only target, a full disk and a path through `..`. In every case nothing outside the named target is
/// changed or deleted, the message names the problem and the fix, and the exit code is the documented one.
///
/// Read-only and full filesystems are real: a small tmpfs is mounted (read-only, or of a few hundred KiB) where
/// the test may mount one (as root, the CI image); elsewhere those cases are skipped with a note, because a
/// root process ignores file modes and only a mount makes a target truly read-only or full.
@Suite(.serialized) struct WriteTargetTableTests {
    /// A target a case points a command at.
    enum Target: String, CaseIterable, CustomTestStringConvertible {
        case existingDirectory
        case existingFile
        case symlinkToAFileElsewhere
        case readOnly
        case fullDisk
        case pathThroughDotDot

        var testDescription: String { rawValue }
    }

    /// A command that writes into a folder it is given.
    enum FolderCommand: String, CaseIterable, CustomTestStringConvertible {
        case collect
        case demo

        var testDescription: String { rawValue }
    }

    // MARK: - collect --out, demo --out

    @Test(arguments: FolderCommand.allCases, Target.allCases)
    func outputRoots(_ command: FolderCommand, _ target: Target) async throws {
        let world = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: world) }
        let bystander = world.appendingPathComponent("bystander")
        try FileManager.default.createDirectory(at: bystander, withIntermediateDirectories: true)
        try Data("precious\n".utf8).write(to: bystander.appendingPathComponent("file.txt"))

        var out = world.appendingPathComponent("out")
        var mount: TmpfsMount?
        defer { mount?.unmount() }
        var expectedStatus: Int32 = 0
        var expectedMessage: [String] = []
        switch target {
        case .existingDirectory:
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            try Data("mine\n".utf8).write(to: out.appendingPathComponent("notes.txt"))
        case .existingFile:
            try Data("not a folder\n".utf8).write(to: out)
            expectedStatus = 2
            expectedMessage = ["not a directory", "choose"]
        case .symlinkToAFileElsewhere:
            try FileManager.default.createSymbolicLink(
                at: out,
                withDestinationURL: bystander.appendingPathComponent("file.txt")
            )
            expectedStatus = 2
            expectedMessage = ["not a directory", "choose"]
        case .readOnly:
            guard
                let readOnly = TmpfsMount.mounted(world, "ro", size: "1m", readOnly: true, for: "\(command), read-only")
            else { return }
            mount = readOnly
            out = readOnly.url.appendingPathComponent("out")
            expectedStatus = 2
            expectedMessage = ["read-only", "choose a writable output directory"]
        case .fullDisk:
            guard
                let small = TmpfsMount.mounted(
                    world,
                    "full",
                    size: "256k",
                    readOnly: false,
                    for: "\(command), full disk"
                )
            else { return }
            mount = small
            out = small.url.appendingPathComponent("out")
            expectedStatus = 1
            expectedMessage = ["No space left on device", "--resume"]
        case .pathThroughDotDot:
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            out = out.appendingPathComponent("../elsewhere")
        }
        let before = snapshot(world, excluding: target == .fullDisk || target == .readOnly ? [] : ["out", "elsewhere"])
        let result = try await run(command, out: out)
        #expect(result.status == expectedStatus, "\(result.stderr)")
        for text in expectedMessage {
            #expect(result.stderr.lowercased().contains(text.lowercased()), "\(target): \(result.stderr)")
        }
        #expect(!result.stderr.contains("Fatal error"), "\(result.stderr)")
        let after = snapshot(world, excluding: target == .fullDisk || target == .readOnly ? [] : ["out", "elsewhere"])
        switch target {
        case .existingDirectory:
            #expect(after == before)
            #expect(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine\n")
            #expect(runFolders(in: out).count == 1)
        case .pathThroughDotDot:
            #expect(after == before)
            #expect(runFolders(in: world.appendingPathComponent("elsewhere")).count == 1)
            #expect(runFolders(in: world.appendingPathComponent("out")).isEmpty)
        case .fullDisk:
            // Everything outside the output root is untouched; the run stopped inside it.
            #expect(after.filter { !$0.key.hasPrefix("full/") } == before.filter { !$0.key.hasPrefix("full/") })
        default:
            #expect(after == before)
        }
    }

    private func run(_ command: FolderCommand, out: URL) async throws -> CommandResult {
        switch command {
        case .demo:
            return try await runCoinPipe(["demo", "--coins", "300", "--out", out.path])
        case .collect:
            return try await withEmulator(emulator(coins: 300), logger: silentLogger()) { running in
                try await runCoinPipe(
                    [
                        "collect", "--base-url", running.baseURL.absoluteString, "--limit", "all", "--info", "all",
                        "--out", out.path,
                    ],
                    environment: ["CMC_API_KEY": running.apiKey]
                )
            }
        }
    }

    /// A run a full disk stopped is incomplete (verify says so, exit 1); once space is freed, `--resume`
    /// finishes it and it verifies clean.
    @Test func aRunStoppedByAFullDiskIsFinishedByResumeOnceSpaceIsFreed() async throws {
        let world = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: world) }
        guard
            let small = TmpfsMount.mounted(
                world,
                "full",
                size: "256k",
                readOnly: false,
                for: "resume after a full disk"
            )
        else { return }
        defer { small.unmount() }
        let out = small.url.appendingPathComponent("out")
        try await withEmulator(emulator(coins: 300), logger: silentLogger()) { running in
            let arguments = [
                "collect", "--base-url", running.baseURL.absoluteString, "--limit", "all", "--info", "all",
                "--out", out.path,
            ]
            let environment = ["CMC_API_KEY": running.apiKey]
            let stopped = try await runCoinPipe(arguments, environment: environment)
            #expect(stopped.status == 1, "\(stopped.stderr)")
            #expect(stopped.stderr.contains("No space left on device"))
            let runID = try #require(runFolders(in: out).first)
            #expect(stopped.stderr.contains("coinpipe collect --resume \(runID)"), "\(stopped.stderr)")
            let unfinished = try await runCoinPipe(["verify", runID, "--out", out.path])
            #expect(unfinished.status == 1, "\(unfinished.stdout)")

            #expect(small.resize(to: "64m"))
            let resumed = try await runCoinPipe(arguments + ["--resume", runID], environment: environment)
            #expect(resumed.status == 0, "\(resumed.stderr)")
            let verify = try await runCoinPipe(["verify", runID, "--out", out.path])
            #expect(verify.status == 0, "\(verify.stdout)")
            #expect(verify.stdout.contains("clean (status complete)"))
        }
    }

    // MARK: - load --store

    @Test(arguments: [Target.existingDirectory, .existingFile, .symlinkToAFileElsewhere, .readOnly, .fullDisk])
    func storeTargets(_ target: Target) async throws {
        let world = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: world) }
        let out = world.appendingPathComponent("raw_data")
        let demo = try await runCoinPipe(["demo", "--coins", "200", "--out", out.path, "--store", "none"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let bystander = world.appendingPathComponent("bystander.txt")
        try Data("precious\n".utf8).write(to: bystander)

        var store = world.appendingPathComponent("store.sqlite")
        var mount: TmpfsMount?
        defer { mount?.unmount() }
        var expectedStatus: Int32 = 1
        var expectedMessage: [String] = []
        switch target {
        case .existingDirectory:
            try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
            try Data("mine\n".utf8).write(to: store.appendingPathComponent("notes.txt"))
            expectedStatus = 2
            expectedMessage = ["is a directory"]
        case .existingFile:
            try Data("a spreadsheet, not a database\n".utf8).write(to: store)
            expectedStatus = 2
            expectedMessage = ["not a CoinPipe store", "--store"]
        case .symlinkToAFileElsewhere:
            try FileManager.default.createSymbolicLink(at: store, withDestinationURL: bystander)
            expectedStatus = 2
            expectedMessage = ["not a CoinPipe store", "--store"]
        case .readOnly:
            guard
                let readOnly = TmpfsMount.mounted(
                    world,
                    "ro",
                    size: "1m",
                    readOnly: true,
                    for: "load, read-only folder"
                )
            else { return }
            mount = readOnly
            store = readOnly.url.appendingPathComponent("store.sqlite")
            expectedStatus = 2
            expectedMessage = ["read-only", "--store"]
        case .fullDisk:
            guard let small = TmpfsMount.mounted(world, "full", size: "128k", readOnly: false, for: "load, full disk")
            else { return }
            mount = small
            store = small.url.appendingPathComponent("store.sqlite")
            expectedMessage = ["full"]
        case .pathThroughDotDot:
            break
        }
        let before = snapshot(world, excluding: ["full", "ro"])
        let result = try await runCoinPipe(["load", out.path, "--store", "sqlite:" + store.path])
        #expect(result.status == expectedStatus, "\(target): \(result.stderr)")
        for text in expectedMessage {
            #expect(result.stderr.lowercased().contains(text.lowercased()), "\(target): \(result.stderr)")
        }
        #expect(!result.stderr.contains("SQLite error"), "no GRDB internals: \(result.stderr)")
        #expect(snapshot(world, excluding: ["full", "ro"]) == before)
    }

    // MARK: - export --output on a read-only or full filesystem

    @Test(arguments: [Target.readOnly, .fullDisk])
    func exportTargets(_ target: Target) async throws {
        let world = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: world) }
        let out = world.appendingPathComponent("raw_data")
        let demo = try await runCoinPipe(["demo", "--coins", "2000", "--out", out.path])
        #expect(demo.status == 0, "\(demo.stderr)")
        let readOnly = target == .readOnly
        guard let mount = TmpfsMount.mounted(world, "mnt", size: "64k", readOnly: readOnly, for: "export, \(target)")
        else { return }
        defer { mount.unmount() }
        let before = snapshot(world, excluding: ["mnt"])
        let result = try await runCoinPipe([
            "export", "--format", "jsonl", "--output", mount.url.appendingPathComponent("quotes.jsonl").path,
            "--out", out.path,
        ])
        #expect(result.status == (readOnly ? 2 : 1), "\(result.stderr)")
        #expect(
            result.stderr.lowercased().contains(readOnly ? "read-only" : "no space left on device"),
            "\(result.stderr)"
        )
        #expect(snapshot(world, excluding: ["mnt"]) == before)
        // No half-written file or temporary is left on the full filesystem.
        #expect((try? FileManager.default.contentsOfDirectory(atPath: mount.url.path)) ?? [] == [])
    }

    // MARK: - Helpers

    /// Every regular file and symbolic link under `root` (not following links), with its bytes or target.
    private func snapshot(_ root: URL, excluding topLevel: Set<String>) -> [String: String] {
        var entries: [String: String] = [:]
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: root.path) else { return entries }
        while let relative = enumerator.nextObject() as? String {
            if let first = relative.split(separator: "/").first, topLevel.contains(String(first)) { continue }
            let path = root.appendingPathComponent(relative).path
            if let destination = try? manager.destinationOfSymbolicLink(atPath: path) {
                entries[relative] = "-> " + destination
            } else if let type = try? manager.attributesOfItem(atPath: path)[.type] as? FileAttributeType,
                type == .typeRegular
            {
                entries[relative] =
                    manager.contents(atPath: path).map { SHA256.hash(data: $0).description } ?? "unreadable"
            } else {
                entries[relative] = "dir"
            }
        }
        return entries
    }

    private func runFolders(in root: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { UUID(uuidString: $0) != nil }
    }
}

/// A tmpfs mounted for one test (possible as root, as on the CI image), unmounted when the test ends.
struct TmpfsMount {
    let url: URL

    /// Mounts a tmpfs of `size` at `url` (created), read-only if asked; `nil` when this process cannot mount.
    init?(at url: URL, size: String, readOnly: Bool) {
        guard getuid() == 0 else { return nil }
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let options = "size=\(size),mode=0755" + (readOnly ? ",ro" : "")
        guard Self.run("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", url.path]) else { return nil }
        self.url = url
    }

    /// A tmpfs mounted at `world/name`, or `nil` after printing that the case `description` is skipped because
    /// this process cannot mount one.
    static func mounted(
        _ world: URL,
        _ name: String,
        size: String,
        readOnly: Bool,
        for description: String
    )
        -> TmpfsMount?
    {
        guard let mount = TmpfsMount(at: world.appendingPathComponent(name), size: size, readOnly: readOnly) else {
            print("skipped (\(description)): this process cannot mount a tmpfs")
            return nil
        }
        return mount
    }

    /// Gives it a new size (space freed, for the test, by growing the file system).
    func resize(to size: String) -> Bool {
        Self.run("/bin/mount", ["-o", "remount,size=\(size)", url.path])
    }

    /// Unmounts it (lazily, so a file a test still holds open never keeps it mounted).
    func unmount() {
        _ = Self.run("/bin/umount", ["-l", url.path])
    }

    private static func run(_ executable: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
