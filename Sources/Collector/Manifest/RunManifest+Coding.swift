public import Foundation

extension RunManifest {
    /// The manifest as sorted, pretty-printed JSON with ISO 8601 millisecond dates.
    ///
    /// - Returns: The UTF-8 JSON, ending with a newline.
    /// - Throws: ``ManifestError`` with code `unreadable` if a value cannot be encoded (only a
    ///   non-finite number could cause it, and the manifest has none).
    public func encoded() throws(ManifestError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ManifestTimestamp.format(date))
        }
        do {
            var data = try encoder.encode(self)
            data.append(UInt8(ascii: "\n"))
            return data
        } catch {
            throw ManifestError(.unreadable, message: "cannot encode the manifest of run \(runID): \(error)")
        }
    }

    /// Decodes a manifest from JSON written by ``encoded()``.
    ///
    /// - Parameter data: The JSON.
    /// - Returns: The manifest.
    /// - Throws: ``ManifestError`` with code `invalid`.
    public static func decode(_ data: Data) throws(ManifestError) -> RunManifest {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ManifestTimestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "\"\(text)\" is not an ISO 8601 date"
                )
            }
            return date
        }
        do {
            return try decoder.decode(RunManifest.self, from: data)
        } catch {
            throw ManifestError(.invalid, message: "manifest.json is not a valid manifest: \(error)")
        }
    }

    /// Reads `manifest.json` from a run folder.
    ///
    /// - Parameter folder: The run folder.
    /// - Returns: The manifest.
    /// - Throws: ``ManifestError`` with code `missing` when there is no manifest, `unreadable` when it
    ///   cannot be read, `invalid` when it does not decode or belongs to another run.
    public static func load(from folder: RunFolder) throws(ManifestError) -> RunManifest {
        let url: URL
        do {
            url = try folder.fileURL(RunFolder.manifestFileName)
        } catch {
            throw ManifestError(.unreadable, message: error.message)
        }
        guard FileIO.kind(at: url.path) != .missing else {
            throw ManifestError(
                .missing,
                message: "run \(folder.runID) has no manifest.json (\(folder.url.path)); the run did not finish: "
                    + "resume it or delete the folder"
            )
        }
        let data: Data
        do {
            data = try FileIO.readFile(at: url.path, limit: 256 << 20)
        } catch {
            throw ManifestError(.unreadable, message: error.message + "; check the file's permissions")
        }
        let manifest: RunManifest
        do {
            manifest = try decode(data)
        } catch {
            throw ManifestError(.invalid, message: "run \(folder.runID): \(error.message)")
        }
        guard manifest.runID == folder.runID else {
            throw ManifestError(
                .invalid,
                message: "the manifest in \(folder.url.path) belongs to run \(manifest.runID), not \(folder.runID); "
                    + "the folder was renamed or the manifest copied from another run"
            )
        }
        return manifest
    }

    /// Writes the manifest durably (fsync of file and directory) as `manifest.json`.
    ///
    /// - Parameter folder: The run folder.
    /// - Returns: The manifest file's record.
    /// - Throws: ``ManifestError`` with code `unreadable` when it cannot be written.
    @discardableResult
    public func write(to folder: RunFolder) throws(ManifestError) -> FileRecord {
        let data = try encoded()
        do {
            return try folder.write(data, to: RunFolder.manifestFileName, durable: true)
        } catch {
            throw ManifestError(.unreadable, message: "cannot write the manifest: \(error.message)")
        }
    }
}

/// ISO 8601 UTC timestamps with milliseconds, as every CoinPipe file writes them.
enum ManifestTimestamp {
    /// `2024-05-01T12:00:00.123Z`.
    static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    /// Parses a timestamp with or without fractional seconds.
    static func parse(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt).parse(text) {
            return date
        }
        return try? Date.ISO8601FormatStyle(timeZone: .gmt).parse(text)
    }
}
