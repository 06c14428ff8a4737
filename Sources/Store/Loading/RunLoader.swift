import CMCModels
public import Collector
import Crypto
public import Foundation
public import Logging

/// Loads run folders into a store: CoinPipe's (`manifest.json`, `data.json`, `info.json`, `Images/`) and the
/// original Python script's (`data.json` and `Images/` only).
///
/// ```swift
/// try await withRunStore(.sqlite(path: "raw_data/coinpipe.sqlite"), logger: logger) { store in
///     let report = try await RunLoader.load(folder: runFolder, into: store, logger: logger)
///     print(report.quotesInserted)
/// }
/// ```
///
/// Loading is idempotent: loading a run twice, or two runs that saw the same CMC snapshot, stores each quote
/// once (the unique key is coin, convert currency and CMC `last_updated`).
public enum RunLoader {
    /// Reads a run folder and writes it into `store` in one transaction.
    ///
    /// - Parameters:
    ///   - folder: The run folder (`<out>/<run-id>`).
    ///   - store: The store to write into.
    ///   - logger: Receives one line per load and a warning per problem found in the folder.
    ///   - verification: How deeply the folder is checked against its manifest first (`.contents`, every
    ///     file's SHA-256, unless this process has just written the folder).
    /// - Returns: What the load did.
    /// - Throws: ``StoreError`` when the folder is not a run, is still running, fails verification or cannot be
    ///   read, or when the database fails (nothing of the run is written then).
    public static func load(
        folder: URL,
        into store: some RunStore,
        logger: Logger,
        verification: RunVerifier.Depth = .contents
    ) async throws -> LoadReport {
        let started = ContinuousClock.now
        let run = try prepare(folder: folder, verification: verification)
        var logger = logger
        logger[metadataKey: "run_id"] = "\(run.record.id)"
        for line in run.diagnostics.prefix(20) {
            logger.warning("\(line)")
        }
        if run.diagnostics.count > 20 {
            logger.warning("\(run.diagnostics.count - 20) more problems in this run folder")
        }
        var report = try await store.load(run, logger: logger)
        report.seconds = (ContinuousClock.now - started).seconds
        logger.info(
            "loaded run",
            metadata: [
                "quotes": "\(report.quotesSeen)", "new_quotes": "\(report.quotesInserted)",
                "seconds": "\(String(format: "%.3f", report.seconds))", "store": "\(store.description)",
            ]
        )
        return report
    }

    /// Loads a run folder into the store at `url`, opening and closing it: the one call `collect --store`
    /// makes after a run. With `.none` it does nothing.
    ///
    /// ```swift
    /// let report = try await RunLoader.load(folder: runFolder, into: storeURL, logger: logger)
    /// ```
    ///
    /// - Parameters:
    ///   - folder: The run folder.
    ///   - url: The store, or `.none`.
    ///   - logger: Receives one line per load and a warning per problem found in the folder.
    ///   - verification: How deeply the folder is checked against its manifest first.
    /// - Returns: What the load did, or `nil` for `.none`.
    /// - Throws: What ``withRunStore(_:logger:access:_:)`` throws, and what loading into an open store throws.
    public static func load(
        folder: URL,
        into url: StoreURL,
        logger: Logger,
        verification: RunVerifier.Depth = .contents
    ) async throws -> LoadReport? {
        if case .none = url { return nil }
        return try await withRunStore(url, logger: logger) { store in
            try await load(folder: folder, into: store, logger: logger, verification: verification)
        }
    }

    /// Reads and checks a run folder without touching a store.
    ///
    /// - Parameters:
    ///   - folder: The run folder.
    ///   - verification: How deeply a CoinPipe run folder is checked against its manifest first.
    /// - Returns: The run, ready to load.
    /// - Throws: ``StoreError`` with ``StoreError/Code/notARunFolder`` when the folder has neither
    ///   `manifest.json` nor `data.json`, ``StoreError/Code/runInProgress`` when its manifest says `running`,
    ///   ``StoreError/Code/unreadableRun`` when a file is not the JSON it should be,
    ///   ``StoreError/Code/damagedRun`` when a CoinPipe run folder does not match its manifest (see
    ///   `RunVerifier`): nothing is decoded from such a folder.
    public static func prepare(
        folder: URL,
        verification: RunVerifier.Depth = .contents
    ) throws(StoreError) -> PreparedRun {
        let manifestURL = folder.appending(path: RunFolder.manifestFileName)
        let dataURL = folder.appending(path: RunFolder.dataFileName)
        let fileManager = FileManager.default
        let hasManifest = fileManager.fileExists(atPath: manifestURL.path(percentEncoded: false))
        let hasData = fileManager.fileExists(atPath: dataURL.path(percentEncoded: false))
        guard hasManifest || hasData else {
            throw StoreError(
                .notARunFolder,
                "\(folder.path(percentEncoded: false)) is not a run folder (no manifest.json or data.json)."
            )
        }
        // A CoinPipe run is checked against its manifest before anything of it is decoded (a running one is
        // refused below with its own message).
        let manifest: RunManifestSnapshot? = hasManifest ? try decode(RunManifestSnapshot.self, from: manifestURL) : nil
        if let manifest, manifest.status != "running" { try verify(folder, depth: verification) }
        var diagnostics: [String] = []
        let listings: [Listing]
        if hasData {
            let decoded = try decodeListings(dataURL)
            listings = decoded.items
            diagnostics += decoded.diagnostics.map { "data.json: \($0.description)" }
        } else {
            listings = []
        }
        if let manifest {
            return try coinpipeRun(
                folder: folder,
                manifest: manifest,
                listings: listings,
                diagnostics: diagnostics
            )
        }
        return try originalScriptRun(folder: folder, listings: listings, diagnostics: diagnostics)
    }

    /// The run folders at `paths`: each path that is a run folder, and the run folders directly inside each
    /// path that is not (an output root such as `raw_data/`), oldest first (by the manifest's `started_at`,
    /// else the folder's time), so the first run to see a quote is the one recorded as `first_seen_run`.
    ///
    /// - Parameter paths: Run folders or output roots.
    /// - Returns: The run folders, without duplicates, in the order given (each root's children oldest first).
    /// - Throws: ``StoreError`` with ``StoreError/Code/notARunFolder`` when a path does not exist, or is
    ///   neither a run folder nor a directory holding one.
    public static func runFolders(at paths: [URL]) throws(StoreError) -> [URL] {
        var result: [URL] = []
        var seen = Set<String>()
        func add(_ url: URL) {
            var key = url.standardizedFileURL.path(percentEncoded: false)
            while key.count > 1, key.hasSuffix("/") { key.removeLast() }
            if seen.insert(key).inserted { result.append(URL(fileURLWithPath: key, isDirectory: true)) }
        }
        let fileManager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path.path(percentEncoded: false), isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                throw StoreError(.notARunFolder, "\(path.path(percentEncoded: false)) is not a directory.")
            }
            if isRunFolder(path) {
                add(path)
                continue
            }
            let children =
                (try? fileManager.contentsOfDirectory(at: path, includingPropertiesForKeys: [.isDirectoryKey]))
                ?? []
            let runs = children.filter { !$0.lastPathComponent.hasPrefix(".") && isRunFolder($0) }
                .map { (folder: $0, time: startTime(of: $0)) }
                .sorted { ($0.time, $0.folder.lastPathComponent) < ($1.time, $1.folder.lastPathComponent) }
                .map(\.folder)
            guard !runs.isEmpty else {
                throw StoreError(
                    .notARunFolder,
                    "\(path.path(percentEncoded: false)) is neither a run folder nor a directory of run folders."
                )
            }
            runs.forEach(add)
        }
        return result
    }

    /// Whether `url` is a directory holding `manifest.json` or `data.json`.
    ///
    /// - Parameter url: The directory.
    /// - Returns: `true` for a run folder.
    public static func isRunFolder(_ url: URL) -> Bool {
        [RunFolder.manifestFileName, RunFolder.dataFileName].contains { name in
            FileManager.default.fileExists(atPath: url.appending(path: name).path(percentEncoded: false))
        }
    }

    /// When a run started, cheaply: the manifest's `started_at`, else the folder's modification time.
    private static func startTime(of folder: URL) -> EpochMillis {
        let manifestURL = folder.appending(path: RunFolder.manifestFileName)
        if let data = try? Data(contentsOf: manifestURL),
            let manifest = try? CMCJSON.makeDecoder().decode(RunManifestSnapshot.self, from: data),
            let started = manifest.startedAt.flatMap(EpochMillis.init(iso8601:))
        {
            return started
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: folder.path(percentEncoded: false))
        return (attributes?[.modificationDate] as? Date).map(EpochMillis.init) ?? EpochMillis(0)
    }

    // MARK: - CoinPipe runs

    /// Checks a CoinPipe run folder against its manifest with the same ``RunVerifier`` as `coinpipe verify`:
    /// every listed file present with its size and SHA-256, nothing unlisted, no listed path outside the folder,
    /// and a manifest that belongs to the run the folder is named after.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/damagedRun`` and the verification report when the folder
    ///   fails.
    private static func verify(_ folder: URL, depth: RunVerifier.Depth) throws(StoreError) {
        let path = folder.standardizedFileURL.path(percentEncoded: false)
        let name = folder.lastPathComponent
        guard let runID = RunID(name), runID.description == name else {
            throw StoreError(
                .damagedRun,
                "\(path) holds a manifest.json but is not named by a run id; CoinPipe names each run folder "
                    + "after its manifest's run_id: rename the folder back to it, then load it."
            )
        }
        let runFolder: RunFolder
        do {
            runFolder = try RunFolder.open(root: folder.deletingLastPathComponent(), runID: runID)
        } catch {
            throw StoreError(.unreadableRun, "\(path) cannot be opened as a run folder: \(error.message)")
        }
        let report = RunVerifier.verify(runFolder, depth: depth)
        guard report.isClean else {
            throw StoreError(
                .damagedRun,
                "run folder \(path) does not match its manifest, so nothing of it was loaded; restore the "
                    + "folder (or collect the run again) and check it with `coinpipe verify \(name)`:\n"
                    + report.text
            )
        }
    }

    private static func coinpipeRun(
        folder: URL,
        manifest: RunManifestSnapshot,
        listings: [Listing],
        diagnostics: [String]
    ) throws(StoreError) -> PreparedRun {
        let runID = manifest.runID ?? folder.lastPathComponent
        let status = manifest.status ?? "complete"
        if status == "running" {
            throw StoreError(
                .runInProgress,
                "run \(runID) is still running, or was interrupted (its manifest says 'running'); "
                    + "finish it with `coinpipe collect --resume \(runID)` and load it then."
            )
        }
        var diagnostics = diagnostics
        guard let startedAt = manifest.startedAt.flatMap(EpochMillis.init(iso8601:)) else {
            throw StoreError(
                .unreadableRun,
                "run \(runID): manifest.json has no readable started_at (\(manifest.startedAt ?? "missing"))."
            )
        }
        var record = RunRecord(id: runID, source: RunRecord.coinpipeSource, status: status, startedAt: startedAt)
        record.endedAt = manifest.endedAt.flatMap(EpochMillis.init(iso8601:))
        record.coinpipeVersion = manifest.coinpipeVersion
        record.baseURL = manifest.baseURL
        record.sourceHost = manifest.baseURL.flatMap { URL(string: $0)?.host() }
        record.parametersJSON = manifest.parameters?.jsonText
        record.creditsUsed = manifest.creditsUsed
        record.coins = manifest.counts?.coins ?? listings.count
        record.logosExpected = manifest.counts?.logosExpected
        record.logosDownloaded = manifest.counts?.logosDownloaded
        record.logosCached = manifest.counts?.logosCached
        record.logosFailed = manifest.counts?.logosFailed
        record.diagnostics = manifest.counts?.diagnostics
        record.failures = manifest.failures?.count
        record.folder = folder.standardizedFileURL.path(percentEncoded: false)
        describe(&record, listings: listings)

        let infoURL = folder.appending(path: RunFolder.infoFileName)
        var infos: [CoinInfo] = []
        if FileManager.default.fileExists(atPath: infoURL.path(percentEncoded: false)) {
            let decoded: DecodedMap<CoinInfo> = try decode(DecodedMap<CoinInfo>.self, from: infoURL)
            infos = decoded.allItems
            diagnostics += decoded.diagnostics.map { "info.json: \($0.description)" }
        }
        record.info = manifest.counts?.info ?? infos.count
        let logoSize = manifest.parameters?["logo_size"]?.intValue ?? 64
        let hashes = Dictionary(
            (manifest.files ?? []).compactMap { file in file.sha256.map { (file.path, ($0, file.size)) } },
            uniquingKeysWith: { first, _ in first }
        )
        let logos = try readLogos(folder: folder, runID: runID, size: logoSize, knownHashes: hashes)
        return PreparedRun(record: record, listings: listings, infos: infos, logos: logos, diagnostics: diagnostics)
    }

    // MARK: - Original script runs

    private static func originalScriptRun(
        folder: URL,
        listings: [Listing],
        diagnostics: [String]
    ) throws(StoreError)
        -> PreparedRun
    {
        let runID = folder.lastPathComponent
        let newest = listings.compactMap { $0.lastUpdated.flatMap(EpochMillis.init(iso8601:)) }.max()
        let folderTime =
            (try? FileManager.default.attributesOfItem(atPath: folder.path(percentEncoded: false))[.modificationDate])
            as? Date
        let startedAt = newest ?? folderTime.map(EpochMillis.init) ?? EpochMillis(Date())
        var record = RunRecord(
            id: runID,
            source: RunRecord.originalScriptSource,
            status: "complete",
            startedAt: startedAt
        )
        record.folder = folder.standardizedFileURL.path(percentEncoded: false)
        record.coins = listings.count
        record.info = 0
        describe(&record, listings: listings)
        let logos = try readLogos(folder: folder, runID: runID, size: 64, knownHashes: [:])
        record.logosDownloaded = logos.count
        return PreparedRun(record: record, listings: listings, logos: logos, diagnostics: diagnostics)
    }

    // MARK: - Files

    /// Sets the fields computed from the listings: snapshot time and convert currencies.
    private static func describe(_ record: inout RunRecord, listings: [Listing]) {
        record.snapshotAt = listings.compactMap { $0.lastUpdated.flatMap(EpochMillis.init(iso8601:)) }.max()
        record.converts = Set(listings.flatMap(\.quote.keys)).sorted()
    }

    /// `data.json`: the listings array as CoinPipe writes it, or a whole `{status, data}` response.
    private static func decodeListings(_ url: URL) throws(StoreError) -> DecodedList<Listing> {
        let data = try read(url)
        let firstByte = data.first { !(" \t\r\n" as String).utf8.contains($0) }
        do {
            if firstByte == UInt8(ascii: "{") {
                let envelope = try CMCJSON.makeDecoder().decode(ListingsResponse.self, from: data)
                return envelope.data
            }
            return try CMCJSON.makeDecoder().decode(DecodedList<Listing>.self, from: data)
        } catch {
            throw StoreError(.unreadableRun, "\(url.path(percentEncoded: false)) is not a listings array: \(error)")
        }
    }

    /// A whole listings response saved as `data.json`.
    private struct ListingsResponse: Decodable {
        var data: DecodedList<Listing>
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, from url: URL) throws(StoreError) -> Value {
        let data = try read(url)
        do {
            return try CMCJSON.makeDecoder().decode(type, from: data)
        } catch {
            throw StoreError(.unreadableRun, "\(url.path(percentEncoded: false)) cannot be read: \(error)")
        }
    }

    private static func read(_ url: URL) throws(StoreError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw StoreError(.unreadableRun, "\(url.path(percentEncoded: false)) cannot be read: \(error)")
        }
    }

    /// `Images/<id>.png`, hashed (from the manifest's file list when it matches the size, else computed).
    private static func readLogos(
        folder: URL,
        runID: String,
        size: Int,
        knownHashes: [String: (sha256: String, size: Int?)]
    ) throws(StoreError) -> [LogoFile] {
        let images = folder.appending(path: RunFolder.imagesDirectory)
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: images.path(percentEncoded: false)) else { return [] }
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: images.path(percentEncoded: false))
        } catch {
            throw StoreError(.unreadableRun, "\(images.path(percentEncoded: false)) cannot be listed: \(error)")
        }
        var logos: [LogoFile] = []
        for name in names.sorted() where name.hasSuffix(".png") {
            guard let coinID = Int(name.dropLast(4)) else { continue }
            let relative = "\(RunFolder.imagesDirectory)/\(name)"
            let fileURL = images.appending(path: name)
            let attributes = try? fileManager.attributesOfItem(atPath: fileURL.path(percentEncoded: false))
            let bytes = (attributes?[.size] as? NSNumber)?.intValue ?? 0
            let sha256: String
            if let known = knownHashes[relative], known.size == nil || known.size == bytes {
                sha256 = known.sha256.lowercased()
            } else {
                let data = try read(fileURL)
                sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            }
            logos.append(
                LogoFile(coinID: coinID, size: size, sha256: sha256, bytes: bytes, path: "\(runID)/\(relative)")
            )
        }
        return logos
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
