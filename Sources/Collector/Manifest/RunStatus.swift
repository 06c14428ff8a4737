/// Where a run stands, as its manifest records it.
public enum RunStatus: String, Codable, Sendable, Hashable, CaseIterable {
    /// The run started and has not finished (or was interrupted before writing its final manifest).
    case running
    /// Everything asked for was collected.
    case complete
    /// The run finished, but some items (logos, info batches) failed; see the manifest's `failures`.
    case partial
    /// The run could not collect its essential data (the listings).
    case failed
}
