import Foundation
import Store

/// A line chart rendered on the server as inline SVG: a gridded y axis with nice round labels, time labels
/// along the x axis, the series as a path over a soft area, and the high and low marked.
///
/// The SVG has no script and no external references; its colours come from the page's stylesheet.
enum SVGChart {
    struct Point: Sendable, Equatable {
        var time: Int64
        var value: Double
    }

    static let width = 720.0
    static let height = 260.0
    static let left = 76.0
    static let right = 18.0
    static let top = 22.0
    static let bottom = 30.0
    /// Series longer than this are reduced to the low and high of each of `maxPoints / 2` buckets.
    static let maxPoints = 600

    /// The chart of `points` (oldest first).
    ///
    /// - Parameters:
    ///   - id: A page-unique id (for the gradient).
    ///   - title: The accessible title, e.g. "Bitcoin price in USD".
    ///   - points: The series; non-finite values are dropped.
    ///   - format: Formats a marker value.
    ///   - axis: Formats a y-axis value given the step between ticks (so neighbouring labels differ).
    static func render(
        id: String,
        title: String,
        points: [Point],
        format: (Double) -> String,
        axis: ((Double, Double) -> String)? = nil,
        emptyText: String = "No data in this range"
    ) -> String {
        let series = downsample(points.filter { $0.value.isFinite })
        var svg = """
            <svg class="chart" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="\(HTML.escape(title))" \
            preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg"><title>\(HTML.escape(title))</title>
            """
        guard let first = series.first, let last = series.last else {
            svg += frame()
            svg += "<text class=\"chart-empty\" x=\"\(width / 2)\" y=\"\(height / 2)\" text-anchor=\"middle\">"
            svg += "\(HTML.escape(emptyText))</text></svg>"
            return svg
        }
        let values = series.map(\.value)
        var low = values.min() ?? 0
        var high = values.max() ?? 0
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.01
            low -= pad
            high += pad
        }
        // Some air above the high and below the low, for their labels.
        let margin = (high - low) * 0.12
        // Never below zero for a series that is not (prices and market caps).
        let floor = low >= 0 ? max(0, low - margin) : low - margin
        let ticks = niceTicks(low: floor, high: high + margin, count: 4)
        let yMin = ticks.first ?? low
        let yMax = ticks.last ?? high
        let t0 = first.time
        let t1 = last.time == first.time ? first.time + 1 : last.time
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ time: Int64) -> Double {
            left + Double(time - t0) / Double(t1 - t0) * plotWidth
        }
        func y(_ value: Double) -> Double {
            top + (1 - (value - yMin) / (yMax - yMin)) * plotHeight
        }
        let trend = last.value >= first.value ? "up" : "down"

        // Grid and y labels.
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 0
        svg += "<g class=\"chart-grid\">"
        for tick in ticks {
            let ty = fixed(y(tick))
            svg += "<line x1=\"\(fixed(left))\" y1=\"\(ty)\" x2=\"\(fixed(width - right))\" y2=\"\(ty)\"/>"
            svg += "<text class=\"chart-label\" x=\"\(fixed(left - 8))\" y=\"\(ty)\" text-anchor=\"end\" "
            svg += "dominant-baseline=\"middle\">\(HTML.escape(axis?(tick, step) ?? format(tick)))</text>"
        }
        svg += "</g>"
        // X labels.
        let span = t1 - t0
        let labelCount = series.count == 1 ? 1 : 5
        svg += "<g class=\"chart-axis\">"
        for index in 0..<labelCount {
            let time = series.count == 1 ? t0 : t0 + span * Int64(index) / Int64(labelCount - 1)
            let anchor = index == 0 ? "start" : (index == labelCount - 1 ? "end" : "middle")
            svg += "<text class=\"chart-label\" x=\"\(fixed(x(time)))\" y=\"\(fixed(height - 8))\" "
            svg += "text-anchor=\"\(series.count == 1 ? "middle" : anchor)\">\(timeLabel(time, span: span))</text>"
        }
        svg += "</g>"

        if series.count == 1 {
            let cx = fixed(left + plotWidth / 2)
            svg += "<circle class=\"chart-dot \(trend)\" cx=\"\(cx)\" cy=\"\(fixed(y(first.value)))\" r=\"5\"/>"
            svg += "<text class=\"chart-note\" x=\"\(cx)\" y=\"\(fixed(y(first.value) - 14))\" text-anchor=\"middle\">"
            svg += "\(HTML.escape(format(first.value))) · one point so far</text></svg>"
            return svg
        }

        var line = ""
        for (index, point) in series.enumerated() {
            line += (index == 0 ? "M" : " L") + fixed(x(point.time)) + "," + fixed(y(point.value))
        }
        let baseline = fixed(top + plotHeight)
        let area = line + " L\(fixed(x(last.time))),\(baseline) L\(fixed(x(first.time))),\(baseline) Z"
        let gradient = "grad-\(id)"
        svg += """
            <defs><linearGradient id="\(gradient)" x1="0" y1="0" x2="0" y2="1">\
            <stop offset="0" class="stop-\(trend)" stop-opacity="0.28"/>\
            <stop offset="1" class="stop-\(trend)" stop-opacity="0"/></linearGradient></defs>\
            <path class="chart-area" d="\(area)" fill="url(#\(gradient))"/>\
            <path class="chart-line \(trend)" d="\(line)"/>
            """
        // High and low markers.
        if let highIndex = values.indices.max(by: { values[$0] < values[$1] }),
            let lowIndex = values.indices.min(by: { values[$0] < values[$1] }), highIndex != lowIndex
        {
            for (index, label, offset) in [(highIndex, "High", -10.0), (lowIndex, "Low", 18.0)] {
                let point = series[index]
                let px = x(point.time)
                let py = y(point.value)
                let anchor = px > left + plotWidth * 0.75 ? "end" : (px < left + plotWidth * 0.25 ? "start" : "middle")
                let ty = min(max(py + offset, top + 10), top + plotHeight - 4)
                svg += "<circle class=\"chart-mark\" cx=\"\(fixed(px))\" cy=\"\(fixed(py))\" r=\"3.5\"/>"
                svg += "<text class=\"chart-note\" x=\"\(fixed(px))\" y=\"\(fixed(ty))\" text-anchor=\"\(anchor)\">"
                svg += "\(label) \(HTML.escape(format(point.value)))</text>"
            }
        }
        svg +=
            "<circle class=\"chart-dot \(trend)\" cx=\"\(fixed(x(last.time)))\" cy=\"\(fixed(y(last.value)))\" r=\"4\"/>"
        svg += frame()
        svg += "</svg>"
        return svg
    }

    /// A small line of a price series for a table cell (no axes), green when it ends higher than it started;
    /// a dash when there are fewer than two points.
    static func sparkline(_ points: [PricePoint], width: Double = 110, height: Double = 32) -> String {
        var series = points.filter { $0.price.isFinite }
        guard let first = series.first, let last = series.last, series.count > 1, last.time > first.time else {
            return "<span class=\"muted\">\(NumberFormat.missing)</span>"
        }
        if series.count > 60 {
            // Every n-th point, and the last.
            let step = Double(series.count - 1) / 59
            series = (0..<60).map { series[Int((Double($0) * step).rounded())] }
        }
        let low = series.map(\.price).min() ?? first.price
        let high = series.map(\.price).max() ?? first.price
        let span = high > low ? high - low : 1
        let t0 = Double(first.time.value)
        let duration = Double(last.time.value) - t0
        let points = series.map { point in
            let x = (Double(point.time.value) - t0) / duration * (width - 4) + 2
            let y = high > low ? (1 - (point.price - low) / span) * (height - 6) + 3 : height / 2
            return fixed(x) + "," + fixed(y)
        }
        let trend = last.price >= first.price ? "up" : "down"
        return "<svg class=\"spark \(trend)\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" "
            + "height=\"\(Int(height))\" aria-hidden=\"true\"><polyline points=\"\(points.joined(separator: " "))\"/></svg>"
    }

    /// The plot's bottom axis line.
    private static func frame() -> String {
        let y = fixed(height - bottom)
        return
            "<line class=\"chart-baseline\" x1=\"\(fixed(left))\" y1=\"\(y)\" x2=\"\(fixed(width - right))\" y2=\"\(y)\"/>"
    }

    /// Round tick values covering `low...high`, about `count` intervals.
    static func niceTicks(low: Double, high: Double, count: Int) -> [Double] {
        guard high > low, low.isFinite, high.isFinite else { return [low, high] }
        let step = niceStep((high - low) / Double(count))
        let start = (low / step).rounded(.down) * step
        let end = (high / step).rounded(.up) * step
        var ticks: [Double] = []
        var value = start
        while value <= end + step / 2, ticks.count < 20 {
            ticks.append(abs(value) < step / 1e6 ? 0 : value)
            value += step
        }
        return ticks
    }

    private static func niceStep(_ raw: Double) -> Double {
        let exponent = (log10(raw)).rounded(.down)
        let magnitude = pow(10, exponent)
        let fraction = raw / magnitude
        let nice: Double = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        return nice * magnitude
    }

    /// At most ``maxPoints`` points: the low and the high of each bucket, in time order.
    static func downsample(_ points: [Point]) -> [Point] {
        guard points.count > maxPoints else { return points }
        let buckets = maxPoints / 2
        var result: [Point] = []
        result.reserveCapacity(maxPoints + 1)
        for bucket in 0..<buckets {
            let start = bucket * points.count / buckets
            let end = (bucket + 1) * points.count / buckets
            guard start < end else { continue }
            let slice = points[start..<end]
            guard let low = slice.min(by: { $0.value < $1.value }), let high = slice.max(by: { $0.value < $1.value })
            else { continue }
            result.append(contentsOf: low.time <= high.time ? [low, high] : [high, low])
        }
        if let last = points.last, result.last != last { result.append(last) }
        return result
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `09:41:30` within 10 minutes, `09:41` within 12 hours, `Nov 29 09:41` within two days, `Nov 29` within
    /// 400 days, else `Nov 2026`.
    static func timeLabel(_ millis: Int64, span: Int64) -> String {
        let text = EpochMillis(millis).iso8601
        let characters = Array(text)
        let year = String(characters[0..<4])
        let month = Int(String(characters[5..<7])) ?? 1
        let day = Int(String(characters[8..<10])) ?? 1
        let monthName = months[max(0, min(11, month - 1))]
        if span <= 600_000 { return String(characters[11..<19]) }
        if span <= 12 * 3_600_000 { return String(characters[11..<16]) }
        if span <= 2 * 86_400_000 { return "\(monthName) \(day) " + String(characters[11..<16]) }
        if span <= 400 * 86_400_000 { return "\(monthName) \(day)" }
        return "\(monthName) \(year)"
    }

    private static func fixed(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
