import CMCClient
import Foundation
import Synchronization

/// A live progress bar per stage on a terminal (stderr), redrawn at most ten times a second. Stages that
/// run at the same time (metadata and logos overlap) get a line each, redrawn in place.
///
/// ```
/// info      [██████████████████████████] 9000/9000 100%  8120/s
/// logos     [██████████████░░░░░░░░░░░░] 4812/9000  53%  612/s  2 failed
/// ```
public final class TerminalProgress: CollectProgress {
    private struct Bar {
        var stage: CollectStage
        var total: Int?
        var done = 0
        var failed = 0
        var started = ContinuousClock.now
    }

    private struct State {
        /// The stages in progress, in the order they started.
        var bars: [Bar] = []
        /// Lines drawn by the last redraw (the cursor sits on the last one).
        var drawnLines = 0
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
        let text = state.withLock { state -> String in
            state.bars.removeAll { $0.stage == stage }
            state.bars.append(Bar(stage: stage, total: total))
            return redraw(&state, finishing: nil)
        }
        write(text)
    }

    public func advanced(_ stage: CollectStage, by count: Int, failed: Int) {
        let text = state.withLock { state -> String? in
            guard let index = state.bars.firstIndex(where: { $0.stage == stage }) else { return nil }
            state.bars[index].done += count
            state.bars[index].failed += failed
            let now = ContinuousClock.now
            let complete = state.bars[index].done == state.bars[index].total
            guard now - state.lastDraw >= .milliseconds(100) || complete else { return nil }
            state.lastDraw = now
            return redraw(&state, finishing: nil)
        }
        if let text { write(text) }
    }

    public func finished(_ stage: CollectStage, summary: String) {
        let text = state.withLock { state -> String in
            redraw(&state, finishing: (stage, summary))
        }
        write(text)
    }

    /// Moves to the first drawn line and draws every bar again; a finishing stage is drawn first, with its
    /// summary under it, and leaves the live block (those lines stay on the screen).
    private func redraw(_ state: inout State, finishing: (stage: CollectStage, summary: String)?) -> String {
        var text = state.drawnLines > 1 ? "\u{1B}[\(state.drawnLines - 1)A\r" : "\r"
        var lines: [String] = []
        if let finishing, let index = state.bars.firstIndex(where: { $0.stage == finishing.stage }) {
            let bar = state.bars.remove(at: index)
            lines.append(render(bar))
            lines.append("  \(finishing.stage.rawValue): \(finishing.summary)")
        } else if let finishing {
            lines.append("  \(finishing.stage.rawValue): \(finishing.summary)")
        }
        let permanent = lines.count
        lines += state.bars.map(render)
        text += lines.map { "\u{1B}[2K" + $0 }.joined(separator: "\n")
        if permanent > 0, state.bars.isEmpty { text += "\n" }
        state.drawnLines = state.bars.isEmpty ? 0 : lines.count - permanent
        // Lines that a shorter block no longer covers are cleared by the next redraw's line clears.
        return text
    }

    private func render(_ bar: Bar) -> String {
        let name = bar.stage.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
        let elapsed = (ContinuousClock.now - bar.started).seconds
        let rate = elapsed > 0.2 ? String(format: "  %.0f/s", Double(bar.done) / elapsed) : ""
        let failed = bar.failed > 0 ? "  \(bar.failed) failed" : ""
        guard let total = bar.total, total > 0 else {
            return "\(name) \(bar.done)\(rate)\(failed)"
        }
        let fraction = min(1, Double(bar.done) / Double(total))
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bars = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        return "\(name) [\(bars)] \(bar.done)/\(total) \(String(format: "%3.0f%%", fraction * 100))\(rate)\(failed)"
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
