import Store

/// `/runs`: every stored run, newest first, with its status, counts, credits, failures and manifest.
enum RunsPage {
    static func render(runs: [StoredRun], manifests: [String: String], limit: Int) -> String {
        var body = "<section class=\"hero\"><div><h1>Runs</h1><div class=\"sub\">"
        body +=
            "The \(runs.count == limit ? "newest \(limit)" : "\(runs.count)") run\(runs.count == 1 ? "" : "s") in the store"
        if let newest = runs.first {
            body += " · newest started <strong>\(NumberFormat.time(newest.startedAt))</strong>"
        }
        body += "</div></div></section>"
        let complete = runs.filter { $0.status == "complete" }.count
        let credits = runs.compactMap(\.creditsUsed).reduce(0, +)
        let failures = runs.compactMap(\.failures).reduce(0, +)
        body += "<section class=\"cards\">"
        body += card("Runs", NumberFormat.count(runs.count), "\(NumberFormat.count(complete)) complete")
        body += card("Credits used", NumberFormat.count(credits), "over these runs")
        body += card("Failures", NumberFormat.count(failures), "requests or stages that failed")
        body += card(
            "Quotes stored",
            NumberFormat.count(runs.map(\.quotesNew).reduce(0, +)),
            "new rows these runs added"
        )
        body += "</section>"

        body += "<section class=\"panel\"><div class=\"panel-head\"><h2>History</h2>"
        body += "<a href=\"/api/runs\">JSON</a></div>"
        guard !runs.isEmpty else {
            return PageLayout.page(
                title: "Runs",
                section: .runs,
                body: body + "<div class=\"empty\">No runs are loaded yet.</div></section>"
            )
        }
        body += "<div class=\"table-wrap\"><table class=\"compact\"><thead><tr>"
        for (label, cssClass) in [
            ("Started", "left"), ("Run", "left"), ("Status", "left"), ("Duration", ""), ("Coins", ""),
            ("Info", "hide-sm"), ("Logos", "hide-sm"), ("Credits", ""), ("Failures", ""), ("Diagnostics", "hide-sm"),
            ("New / seen quotes", "hide-sm"), ("Source", "left hide-sm"),
        ] {
            body += "<th class=\"\(cssClass)\" scope=\"col\">\(label)</th>"
        }
        body += "</tr></thead><tbody>"
        for run in runs {
            let status = ["complete", "partial", "failed", "running"].contains(run.status) ? run.status : "other"
            body += "<tr><td class=\"left\">\(NumberFormat.time(run.startedAt))</td><td class=\"left mono\">"
            let shortID = HTML.escape(String(run.id.prefix(8)))
            if let manifest = manifests[run.id] {
                body += "<a href=\"\(HTML.escape(manifest))\" title=\"\(HTML.escape(run.id))\">\(shortID)…</a>"
            } else {
                body += "<span title=\"\(HTML.escape(run.id))\">\(shortID)…</span>"
            }
            body += "</td><td class=\"left\"><span class=\"status \(status)\">\(HTML.escape(run.status))</span></td>"
            body += "<td>\(NumberFormat.duration(from: run.startedAt, to: run.endedAt))</td>"
            body += "<td>\(NumberFormat.count(run.coins))</td>"
            body += "<td class=\"hide-sm\">\(NumberFormat.count(run.info))</td>"
            var logos = NumberFormat.count(run.logos)
            if let failed = run.logosFailed, failed > 0 { logos += " <span class=\"down\">(\(failed) failed)</span>" }
            body += "<td class=\"hide-sm\">\(logos)</td>"
            body += "<td>\(NumberFormat.count(run.creditsUsed))</td>"
            let failureClass = (run.failures ?? 0) > 0 ? "down" : "muted"
            body += "<td class=\"\(failureClass)\">\(NumberFormat.count(run.failures))</td>"
            body += "<td class=\"hide-sm\">\(NumberFormat.count(run.diagnostics))</td>"
            body +=
                "<td class=\"hide-sm\">\(NumberFormat.count(run.quotesNew)) / \(NumberFormat.count(run.quotesSeen))</td>"
            body += "<td class=\"left hide-sm muted\">\(HTML.escape(run.sourceHost ?? run.source))</td></tr>"
        }
        body += "</tbody></table></div></section>"
        return PageLayout.page(title: "Runs", section: .runs, body: body)
    }

    private static func card(_ label: String, _ value: String, _ note: String) -> String {
        "<div class=\"card\"><div class=\"label\">\(label)</div><div class=\"value\">\(value)</div>"
            + "<div class=\"note\">\(note)</div></div>"
    }
}
