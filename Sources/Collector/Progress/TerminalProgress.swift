import CMCClient
import Foundation
import Synchronization

/// A live progress bar per stage on a terminal (stderr), redrawn at most ten times a second.
///
/// ```
/// logos     [██████████████░░░░░░░░░░░░]  4 812/9 000   53%  612/s  2 failed
/// ```
public final class TerminalProgress: CollectProgress {
    private struct State {
        var stage: CollectStage?
        var total: Int?
        var done = 0
        var failed = 0
        var started = ContinuousClock.now
        var lastDraw = ContinuousClock.now - .seconds(1)
    }

    private let state = Mutex(State())
    private let width: Int
    private let write: @Sendable (String) -> Void

    /// Creates a bar that writes to stderr, or to `write` (for tests).
    public init(width: Int = 28, write: (@Sendable (String) -> Void)? = nil) {
        self.width = width
        self.write = write ?? { text in FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// Whether stderr is an interactive terminal (and `TERM` is not `dumb`).
    public static var standardErrorIsTerminal: Bool {
        isatty(2) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    public func started(_ stage: CollectStage, total: Int?) {
        let line = state.withLock { state -> String in
            state = State(stage: stage, total: total)
            return render(state)
        }
        write("\r\u{1B}[2K" + line)
    }

    public func advanced(_ stage: CollectStage, by count: Int, failed: Int) {
        let line = state.withLock { state -> String? in
            guard state.stage == stage else { return nil }
            state.done += count
            state.failed += failed
            let now = ContinuousClock.now
            guard now - state.lastDraw >= .milliseconds(100) || state.done == state.total else { return nil }
            state.lastDraw = now
            return render(state)
        }
        if let line { write("\r\u{1B}[2K" + line) }
    }

    public func finished(_ stage: CollectStage, summary: String) {
        let line = state.withLock { state -> String in
            let bar = render(state)
            state.stage = nil
            return bar
        }
        write("\r\u{1B}[2K" + line + "\n" + "  \(stage.rawValue): \(summary)\n")
    }

    private func render(_ state: State) -> String {
        let name = (state.stage?.rawValue ?? "").padding(toLength: 9, withPad: " ", startingAt: 0)
        let elapsed = (ContinuousClock.now - state.started).seconds
        let rate = elapsed > 0.2 ? String(format: "  %.0f/s", Double(state.done) / elapsed) : ""
        let failed = state.failed > 0 ? "  \(state.failed) failed" : ""
        guard let total = state.total, total > 0 else {
            return "\(name) \(state.done)\(rate)\(failed)"
        }
        let fraction = min(1, Double(state.done) / Double(total))
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        return "\(name) [\(bar)] \(state.done)/\(total) \(String(format: "%3.0f%%", fraction * 100))\(rate)\(failed)"
    }
}

/// Progress as plain log-style lines, for logs and pipes: one line when a stage starts and ends, and
/// one every `every` units.
public final class LineProgress: CollectProgress {
    private struct State {
        var done: [CollectStage: Int] = [:]
        var totals: [CollectStage: Int] = [:]
        var nextReport: [CollectStage: Int] = [:]
    }

    private let state = Mutex(State())
    private let every: Int
    private let write: @Sendable (String) -> Void

    /// Creates line progress writing to stderr, or to `write`.
    public init(every: Int = 1000, write: (@Sendable (String) -> Void)? = nil) {
        self.every = max(1, every)
        self.write = write ?? { text in FileHandle.standardError.write(Data((text + "\n").utf8)) }
    }

    public func started(_ stage: CollectStage, total: Int?) {
        state.withLock {
            $0.done[stage] = 0
            $0.totals[stage] = total
            $0.nextReport[stage] = every
        }
        write("\(stage.rawValue): started" + (total.map { ", \($0) expected" } ?? ""))
    }

    public func advanced(_ stage: CollectStage, by count: Int, failed: Int) {
        let line = state.withLock { state -> String? in
            let done = state.done[stage, default: 0] + count
            state.done[stage] = done
            guard done >= state.nextReport[stage, default: every] else { return nil }
            state.nextReport[stage] = done + every
            return "\(stage.rawValue): \(done)" + (state.totals[stage].map { "/\($0)" } ?? "")
        }
        if let line { write(line) }
    }

    public func finished(_ stage: CollectStage, summary: String) {
        write("\(stage.rawValue): \(summary)")
    }
}
