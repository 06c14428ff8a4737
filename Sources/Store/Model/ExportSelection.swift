/// Which quotes `export` streams.
public enum ExportSelection: Sendable, Hashable, CustomStringConvertible {
    /// Every quote the run saw (including the ones an earlier run stored first).
    case run(String)
    /// Every quote whose `last_updated` is inside the range.
    case range(TimeRange)

    public var description: String {
        switch self {
        case .run(let id): "run \(id)"
        case .range(let range): range.description
        }
    }
}
