import CoinPipeTestSupport
import Collector
import Foundation
import Testing

@testable import Store

/// `load` checks a CoinPipe run folder against its manifest (the same checks as `coinpipe verify`) before it
/// decodes or inserts anything, and refuses a folder that fails.
@Suite struct DamagedRunLoadTests {
    /// How a test damages a genuine run folder.
    enum Damage: String, CaseIterable, CustomTestStringConvertible {
        case editedPrice
        case missingData
        case unlistedFile
        case manifestOfAnotherRun
        case pathOutsideTheFolder
        case absolutePath
        case renamedFolder

        var testDescription: String { rawValue }
    }

    /// Every damage at full depth; at `.sizes` (what `collect` uses for the folder it has just written), every
    /// damage but a same-size edit, which only hashing finds.
    static let cases: [(Damage, RunVerifier.Depth)] = Damage.allCases.flatMap { damage in
        damage == .editedPrice ? [(damage, .contents)] : [(damage, .contents), (damage, .sizes)]
    }

    @Test(arguments: cases)
    func aDamagedFolderIsRefusedAndNothingOfItIsStored(_ damage: Damage, _ depth: RunVerifier.Depth) async throws {
        try await withTemporaryDirectory { root in
            let coins = StoreScenarios.threeCoins(time: StoreScenarios.t1)
            var folder = try RunFolderFixture.writeCoinPipeRun(
                root: root,
                runID: "damaged",
                startedAt: StoreScenarios.t1,
                coins: coins
            )
            let data = folder.appending(path: "data.json")
            let manifestURL = folder.appending(path: "manifest.json")
            var expectedInReport: String
            switch damage {
            case .editedPrice:
                let text = try String(contentsOf: data, encoding: .utf8)
                try Data(text.replacingOccurrences(of: "57512.4417", with: "57512.4418").utf8).write(to: data)
                expectedInReport = "torn        data.json"
            case .missingData:
                try FileManager.default.removeItem(at: data)
                expectedInReport = "missing     data.json"
            case .unlistedFile:
                try Data("x".utf8).write(to: folder.appending(path: "notes.txt"))
                expectedInReport = "unexpected  notes.txt"
            case .manifestOfAnotherRun:
                let other = RunFolderFixture.runID("another")
                let text = try String(contentsOf: manifestURL, encoding: .utf8)
                try Data(text.replacingOccurrences(of: folder.lastPathComponent, with: other).utf8).write(
                    to: manifestURL
                )
                expectedInReport = "belongs to run \(other)"
            case .pathOutsideTheFolder, .absolutePath:
                let path = damage == .absolutePath ? "/etc/passwd" : "../../canary.txt"
                try Data("canary".utf8).write(to: root.appending(path: "canary.txt"))
                var manifest = try #require(
                    try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any]
                )
                var files = manifest["files"] as? [[String: Any]] ?? []
                files.append(["path": path, "size": 6, "sha256": String(repeating: "0", count: 64)])
                manifest["files"] = files
                try JSONSerialization.data(withJSONObject: manifest).write(to: manifestURL)
                expectedInReport = "invalid paths: \(path)"
            case .renamedFolder:
                let renamed = root.appending(path: "run-x")
                try FileManager.default.moveItem(at: folder, to: renamed)
                folder = renamed
                expectedInReport = "not named by a run id"
            }

            let storePath = root.appending(path: "coinpipe.sqlite").path(percentEncoded: false)
            let store = try await SQLiteRunStore(path: storePath)
            await #expect {
                _ = try await RunLoader.load(folder: folder, into: store, logger: testLogger, verification: depth)
            } throws: { error in
                guard let error = error as? StoreError, error.code == .damagedRun else { return false }
                return error.message.contains(expectedInReport)
            }
            #expect(try await store.runs(limit: nil).isEmpty)
            #expect(try await store.latest(convert: "USD", top: 10).isEmpty)
        }
    }

    /// Loading the edited copy first must not make the genuine run's prices lose to it later.
    @Test func theGenuineRunLoadedAfterARefusedCopyStoresTheGenuinePrice() async throws {
        try await withTemporaryDirectory { root in
            let folder = try RunFolderFixture.writeCoinPipeRun(
                root: root,
                runID: "genuine",
                startedAt: StoreScenarios.t1,
                coins: StoreScenarios.threeCoins(time: StoreScenarios.t1)
            )
            let data = folder.appending(path: "data.json")
            let genuine = try Data(contentsOf: data)
            let text = try #require(String(data: genuine, encoding: .utf8))
            try Data(text.replacingOccurrences(of: "57512.4417", with: "1.5").utf8).write(to: data)
            let store = try await SQLiteRunStore(path: root.appending(path: "s.sqlite").path(percentEncoded: false))
            await #expect(throws: StoreError.self) {
                _ = try await RunLoader.load(folder: folder, into: store, logger: testLogger)
            }
            try genuine.write(to: data)
            let report = try await RunLoader.load(folder: folder, into: store, logger: testLogger)
            #expect(report.quotesInserted == 3)
            let bitcoin = try #require(try await store.latest(convert: "USD", top: 1).first)
            #expect(bitcoin.price == 57512.4417)
        }
    }
}
