extension VerificationReport {
    /// A few lines for people: the verdict, then every problem with its path (for an unfinished run, whose
    /// manifest lists only what it had saved, the files written since are counted rather than listed).
    public var text: String {
        let verdict = isUnfinished ? "UNFINISHED" : isClean ? "clean" : "PROBLEMS"
        var lines = ["run \(runID): " + verdict + (status.map { " (status \($0.rawValue))" } ?? "")]
        if let manifestError { lines.append("  manifest: \(manifestError)") }
        if isUnfinished {
            lines.append(
                "  incomplete: the manifest says running: the run is still collecting, or it stopped before it "
                    + "finished (killed, a full disk); if no collect is running, finish it with "
                    + "`coinpipe collect --resume \(runID)`"
            )
        }
        for path in missing { lines.append("  missing     \(path)") }
        for file in torn {
            lines.append(
                "  torn        \(file.path) (expected \(file.expected.size) bytes sha256 \(file.expected.sha256.prefix(12))…, found \(file.actual.size) bytes sha256 \(file.actual.sha256.prefix(12))…)"
            )
        }
        if isUnfinished, !unexpected.isEmpty {
            lines.append("  unlisted    \(unexpected.count) files written since the manifest was last saved")
        } else {
            for path in unexpected { lines.append("  unexpected  \(path)") }
        }
        return lines.joined(separator: "\n")
    }
}
