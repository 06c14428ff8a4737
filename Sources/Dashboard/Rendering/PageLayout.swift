/// The frame around every page: head, sticky header with navigation and search, footer.
enum PageLayout {
    enum Section {
        case market
        case runs
        case none
    }

    /// A whole page. `title` and `search` are escaped here; `body` must already be safe HTML.
    static func page(title: String, section: Section, search: String? = nil, body: String) -> String {
        func navClass(_ item: Section) -> String { item == section ? " class=\"active\" aria-current=\"page\"" : "" }
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>\(HTML.escape(title)) · CoinPipe</title>
            <link rel="stylesheet" href="/assets/dashboard.css">
            </head>
            <body>
            <header class="top">
            <div class="bar">
            <a class="brand" href="/"><svg class="brand-mark" viewBox="0 0 24 24" aria-hidden="true">\
            <rect x="2" y="2" width="20" height="20" rx="6"/><path d="M7 15l3-4 3 2 4-6"/></svg>CoinPipe</a>
            <nav><a href="/"\(navClass(.market))>Market</a><a href="/runs"\(navClass(.runs))>Runs</a>\
            <a href="/api/latest">API</a></nav>
            <form class="search" action="/" method="get" role="search">\
            <input type="search" name="q" placeholder="Search coins…" aria-label="Search by name or symbol" \
            value="\(HTML.escape(search ?? ""))" maxlength="100"></form>
            </div>
            </header>
            <main>
            \(body)
            </main>
            <footer><span>CoinPipe dashboard · read-only view of the store</span>\
            <span>Data: CoinMarketCap Pro API runs collected by CoinPipe</span></footer>
            </body>
            </html>
            """
    }

    /// The stylesheet served at `/assets/dashboard.css`.
    static let stylesheet = """
        :root {
          --bg: #f5f6f8; --card: #ffffff; --text: #0f172a; --muted: #64748b; --faint: #94a3b8;
          --border: #e5e7eb; --row: #f8fafc; --accent: #2563eb; --accent-soft: #eff4ff;
          --up: #059669; --up-soft: #e7f7f0; --down: #dc2626; --down-soft: #fdecec;
          --warn: #b45309; --warn-soft: #fff7e6; --radius: 14px;
          --shadow: 0 1px 2px rgba(15, 23, 42, .04), 0 4px 16px rgba(15, 23, 42, .05);
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--bg); color: var(--text); line-height: 1.5;
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        a { color: var(--accent); text-decoration: none; }
        a:hover { text-decoration: underline; }
        .top { position: sticky; top: 0; z-index: 10; background: rgba(255, 255, 255, .92);
          backdrop-filter: saturate(180%) blur(10px); border-bottom: 1px solid var(--border); }
        .bar { max-width: 1320px; margin: 0 auto; padding: 10px 24px; display: flex; align-items: center; gap: 28px; }
        .brand { display: flex; align-items: center; gap: 9px; font-weight: 700; font-size: 17px; color: var(--text);
          letter-spacing: -.01em; }
        .brand:hover { text-decoration: none; }
        .brand-mark { width: 26px; height: 26px; }
        .brand-mark rect { fill: var(--text); }
        .brand-mark path { fill: none; stroke: #34d399; stroke-width: 2.2; stroke-linecap: round; stroke-linejoin: round; }
        nav { display: flex; gap: 4px; }
        nav a { color: var(--muted); padding: 6px 12px; border-radius: 8px; font-weight: 500; }
        nav a:hover { background: var(--row); color: var(--text); text-decoration: none; }
        nav a.active { color: var(--text); background: #eef0f3; }
        .search { margin-left: auto; }
        .search input { width: 260px; padding: 8px 12px 8px 34px; border: 1px solid var(--border); border-radius: 10px;
          background: var(--row) url("/assets/search.svg") no-repeat 11px center / 15px; font: inherit; color: var(--text); }
        .search input:focus { outline: 2px solid #bfdbfe; border-color: #93c5fd; background-color: #fff; }
        main { max-width: 1320px; margin: 0 auto; padding: 28px 24px 48px; }
        footer { max-width: 1320px; margin: 0 auto; padding: 20px 24px 36px; color: var(--faint); font-size: 13px;
          display: flex; justify-content: space-between; gap: 16px; flex-wrap: wrap; border-top: 1px solid var(--border); }
        h1 { font-size: 28px; line-height: 1.2; margin: 0; letter-spacing: -.02em; }
        h2 { font-size: 17px; margin: 0 0 14px; letter-spacing: -.01em; }
        .hero { display: flex; align-items: flex-end; justify-content: space-between; gap: 16px; flex-wrap: wrap;
          margin-bottom: 20px; }
        .sub { color: var(--muted); margin-top: 6px; }
        .sub strong { color: var(--text); font-weight: 600; }
        .pills { display: flex; gap: 6px; flex-wrap: wrap; }
        .pill { display: inline-block; padding: 5px 12px; border-radius: 999px; border: 1px solid var(--border);
          background: var(--card); color: var(--muted); font-size: 13px; font-weight: 600; }
        .pill:hover { text-decoration: none; color: var(--text); border-color: #cbd5e1; }
        .pill.active { background: var(--text); border-color: var(--text); color: #fff; }
        .cards { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 14px; margin-bottom: 22px; }
        .card { background: var(--card); border: 1px solid var(--border); border-radius: var(--radius);
          box-shadow: var(--shadow); padding: 16px 18px; }
        .card .label { color: var(--muted); font-size: 12.5px; font-weight: 600; text-transform: uppercase;
          letter-spacing: .04em; }
        .card .value { font-size: 22px; font-weight: 700; margin-top: 4px; font-variant-numeric: tabular-nums;
          letter-spacing: -.01em; }
        .card .note { color: var(--faint); font-size: 13px; }
        .panel { background: var(--card); border: 1px solid var(--border); border-radius: var(--radius);
          box-shadow: var(--shadow); }
        .panel-head { display: flex; align-items: center; justify-content: space-between; gap: 12px;
          padding: 14px 18px; border-bottom: 1px solid var(--border); flex-wrap: wrap; }
        .panel-head h2 { margin: 0; }
        .table-wrap { overflow-x: auto; }
        table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
        th, td { padding: 11px 14px; text-align: right; white-space: nowrap; }
        th { position: sticky; top: 0; background: var(--card); color: var(--muted); font-size: 12.5px; font-weight: 600;
          text-transform: uppercase; letter-spacing: .03em; border-bottom: 1px solid var(--border); }
        th a { color: inherit; }
        th a:hover { color: var(--text); text-decoration: none; }
        th.sorted a { color: var(--text); }
        td { border-bottom: 1px solid #f1f3f6; }
        tbody tr:hover td { background: var(--row); }
        tbody tr:last-child td { border-bottom: 0; }
        .left { text-align: left; }
        .rank { color: var(--muted); width: 56px; }
        .coin { display: flex; align-items: center; gap: 11px; min-width: 220px; }
        .coin img { width: 26px; height: 26px; border-radius: 50%; flex: none; background: #eef0f3; }
        .coin .name { color: var(--text); font-weight: 600; max-width: 260px; overflow: hidden; text-overflow: ellipsis; }
        .coin .sym { color: var(--muted); font-size: 13px; }
        .num { font-weight: 500; }
        .up { color: var(--up); }
        .down { color: var(--down); }
        .flat, .muted { color: var(--muted); }
        .change { font-weight: 600; }
        table.compact th, table.compact td { padding: 10px 9px; }
        .spark-col { width: 130px; }
        .spark { display: block; margin-left: auto; }
        .spark polyline { fill: none; stroke-width: 1.6; stroke-linejoin: round; stroke-linecap: round; }
        .spark.up polyline { stroke: var(--up); }
        .spark.down polyline { stroke: var(--down); }
        .empty { padding: 48px 18px; text-align: center; color: var(--muted); }
        .pager { display: flex; align-items: center; justify-content: space-between; gap: 12px; padding: 14px 18px;
          border-top: 1px solid var(--border); color: var(--muted); font-size: 14px; flex-wrap: wrap; }
        .pager .pages { display: flex; gap: 6px; flex-wrap: wrap; }
        .pager a, .pager span.current { padding: 5px 11px; border-radius: 8px; border: 1px solid var(--border);
          color: var(--text); font-weight: 500; background: var(--card); }
        .pager a:hover { text-decoration: none; border-color: #cbd5e1; }
        .pager span.current { background: var(--text); color: #fff; border-color: var(--text); }
        .pager span.disabled { padding: 5px 11px; color: var(--faint); }
        .crumbs { color: var(--muted); font-size: 14px; margin-bottom: 14px; }
        .coin-head { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
        .coin-head img { width: 52px; height: 52px; border-radius: 50%; background: #eef0f3; }
        .chip { display: inline-block; padding: 3px 10px; border-radius: 999px; background: #eef0f3; color: #334155;
          font-size: 12.5px; font-weight: 600; margin: 0 6px 6px 0; white-space: nowrap; }
        .chip-rank { background: var(--text); color: #fff; }
        .price-line { display: flex; align-items: baseline; gap: 14px; margin: 16px 0 22px; flex-wrap: wrap; }
        .price-big { font-size: 38px; font-weight: 750; letter-spacing: -.02em; font-variant-numeric: tabular-nums; }
        .badge { display: inline-block; padding: 4px 10px; border-radius: 8px; font-weight: 700; font-size: 14px;
          font-variant-numeric: tabular-nums; }
        .badge.up { background: var(--up-soft); }
        .badge.down { background: var(--down-soft); }
        .badge.flat { background: #eef0f3; }
        .layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 360px); gap: 18px; align-items: start; }
        .stack { display: grid; gap: 18px; min-width: 0; }
        .stack > * { min-width: 0; }
        .chart-card { padding: 16px 18px 10px; }
        .chart-card .panel-title { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; }
        .chart { width: 100%; height: auto; display: block; margin-top: 6px; }
        .chart-grid line { stroke: #eef0f3; stroke-width: 1; }
        .chart-baseline { stroke: #cbd5e1; stroke-width: 1; }
        .chart-label { fill: var(--faint); font-size: 11.5px; font-variant-numeric: tabular-nums; }
        .chart-note { fill: #334155; font-size: 11.5px; font-weight: 600; font-variant-numeric: tabular-nums;
          paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; }
        .chart-empty { fill: var(--muted); font-size: 14px; }
        .chart-line { fill: none; stroke-width: 2.2; stroke-linejoin: round; stroke-linecap: round; }
        .chart-line.up { stroke: var(--up); }
        .chart-line.down { stroke: var(--down); }
        .stop-up { stop-color: var(--up); }
        .stop-down { stop-color: var(--down); }
        .chart-mark { fill: #fff; stroke: #334155; stroke-width: 1.5; }
        .chart-dot.up { fill: var(--up); }
        .chart-dot.down { fill: var(--down); }
        .stats { display: grid; grid-template-columns: 1fr auto; gap: 0; margin: 0; }
        .stats dt, .stats dd { padding: 9px 0; border-bottom: 1px solid #f1f3f6; margin: 0; }
        .stats dt { color: var(--muted); }
        .stats dd { text-align: right; font-weight: 600; font-variant-numeric: tabular-nums; min-width: 0;
          overflow-wrap: anywhere; }
        .stats dd.mono { max-width: 220px; font-weight: 500; }
        .stats dt:last-of-type, .stats dd:last-of-type { border-bottom: 0; }
        .section { padding: 16px 18px; }
        .prose { color: #334155; overflow-wrap: anywhere; }
        .prose p { margin: 0 0 10px; }
        .links { list-style: none; padding: 0; margin: 0; display: grid; gap: 8px; }
        .links li { display: flex; justify-content: space-between; gap: 12px; min-width: 0; }
        .links .kind { color: var(--muted); flex: none; }
        .links a, .links .unlinked, .links .mono { overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
          min-width: 0; }
        .unlinked { color: var(--muted); }
        .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px;
          overflow-wrap: anywhere; }
        .notice { background: var(--warn-soft); border: 1px solid #fde3b5; color: var(--warn); border-radius: 12px;
          padding: 12px 14px; margin-bottom: 18px; }
        .notice ul { margin: 8px 0 0; padding-left: 18px; }
        .status { display: inline-block; padding: 3px 10px; border-radius: 999px; font-size: 12.5px; font-weight: 700; }
        .status.complete { background: var(--up-soft); color: var(--up); }
        .status.partial { background: var(--warn-soft); color: var(--warn); }
        .status.failed { background: var(--down-soft); color: var(--down); }
        .status.running { background: var(--accent-soft); color: var(--accent); }
        .error-box { max-width: 560px; margin: 40px auto; text-align: center; padding: 36px; }
        .error-box .code { font-size: 52px; font-weight: 800; color: var(--faint); letter-spacing: -.03em; }
        @media (max-width: 1100px) {
          .layout { grid-template-columns: 1fr; }
          .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
        }
        @media (max-width: 760px) {
          .bar { gap: 12px; padding: 10px 14px; flex-wrap: wrap; }
          .search { margin-left: 0; width: 100%; }
          .search input { width: 100%; }
          main { padding: 18px 12px 36px; }
          .hide-sm { display: none; }
          th, td { padding: 9px 8px; }
          .price-big { font-size: 30px; }
        }
        """

    /// The search icon of the search field, served at `/assets/search.svg`.
    static let searchIcon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#94a3b8" stroke-width="2.4" \
        stroke-linecap="round"><circle cx="11" cy="11" r="7"/><path d="M20 20l-3.5-3.5"/></svg>
        """
}
