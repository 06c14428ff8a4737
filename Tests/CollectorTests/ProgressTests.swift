import Collector
import Foundation
import Synchronization
import Testing

/// The progress renderers, with their output captured.
@Suite struct ProgressTests {
    final class Capture: Sendable {
        let chunks = Mutex<[String]>([])
        var write: @Sendable (String) -> Void { { text in self.chunks.withLock { $0.append(text) } } }
        var all: String { chunks.withLock { $0.joined() } }
        var last: String { chunks.withLock { $0.last ?? "" } }
    }

    /// Metadata and logos overlap: each gets its own line, redrawn in place, and a finished stage's bar and
    /// summary stay above the live one.
    @Test func overlappingStagesGetALineEach() throws {
        let capture = Capture()
        let progress = TerminalProgress(width: 10, write: capture.write)
        progress.started(.info, total: 4)
        progress.started(.logos, total: 4)
        #expect(capture.last.hasPrefix("\r\u{1B}[2K"))
        #expect(capture.last.contains("info      [░░░░░░░░░░] 0/4"))
        #expect(capture.last.contains("logos     [░░░░░░░░░░] 0/4"))
        // Two live lines now: the next redraw first moves up one line.
        progress.advanced(.info, by: 4, failed: 0)  // complete: drawn at once
        #expect(capture.last.hasPrefix("\u{1B}[1A\r"))
        #expect(capture.last.contains("info      [██████████] 4/4 100%"))
        progress.finished(.info, summary: "4 of 4 coins")
        let finish = capture.last
        #expect(finish.hasPrefix("\u{1B}[1A\r"))
        let infoLine = try #require(finish.range(of: "  info: 4 of 4 coins"))
        let logosLine = try #require(finish.range(of: "logos     ["))
        #expect(infoLine.lowerBound < logosLine.lowerBound)
        // Only the logos line is live now: the next redraw stays on its line.
        progress.advanced(.logos, by: 4, failed: 1)
        #expect(capture.last.hasPrefix("\r\u{1B}[2K"))
        #expect(capture.last.contains("4/4 100%") && capture.last.contains("1 failed"))
        progress.finished(.logos, summary: "3 downloaded, 0 from cache, 1 failed")
        #expect(capture.last.hasSuffix("  logos: 3 downloaded, 0 from cache, 1 failed\n"))
    }

    /// Line progress reports each stage on its own, even when they overlap.
    @Test func lineProgressKeepsStagesApart() {
        let capture = Capture()
        let progress = LineProgress(every: 2, write: capture.write)
        progress.started(.info, total: 4)
        progress.started(.logos, total: 4)
        progress.advanced(.logos, by: 2, failed: 0)
        progress.advanced(.info, by: 1, failed: 0)
        progress.advanced(.info, by: 1, failed: 0)
        #expect(
            capture.chunks.withLock { $0 } == [
                "info: started, 4 expected", "logos: started, 4 expected", "logos: 2/4", "info: 2/4",
            ]
        )
    }
}
