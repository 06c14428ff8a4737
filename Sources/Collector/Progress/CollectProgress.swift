/// The stages of a collection run.
public enum CollectStage: String, Sendable, Hashable, CaseIterable {
    /// Fetching the listing pages.
    case listings
    /// Fetching metadata in batches.
    case info
    /// Downloading logos.
    case logos
}

/// Receives progress as a run goes. Implementations must be cheap: calls come from hot paths.
public protocol CollectProgress: Sendable {
    /// A stage starts; `total` units are expected when known.
    func started(_ stage: CollectStage, total: Int?)
    /// `count` more units of the stage are done (`failed` of them unsuccessfully).
    func advanced(_ stage: CollectStage, by count: Int, failed: Int)
    /// The stage is over; `summary` is one line for people.
    func finished(_ stage: CollectStage, summary: String)
}

/// Progress that goes nowhere.
public struct SilentProgress: CollectProgress {
    /// Creates it.
    public init() {}
    public func started(_ stage: CollectStage, total: Int?) {}
    public func advanced(_ stage: CollectStage, by count: Int, failed: Int) {}
    public func finished(_ stage: CollectStage, summary: String) {}
}
