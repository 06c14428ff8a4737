/// The page of a refused request (400, 404) or a store failure (500).
enum ErrorPage {
    static func render(status: Int, title: String, message: String) -> String {
        let body = """
            <section class="panel error-box"><div class="code">\(status)</div><h1>\(HTML.escape(title))</h1>\
            <p class="sub">\(HTML.escape(message))</p><p><a href="/">Back to the market</a></p></section>
            """
        return PageLayout.page(title: title, section: .none, body: body)
    }
}
