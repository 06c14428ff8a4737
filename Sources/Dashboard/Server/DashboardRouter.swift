import Collector
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Store

/// The dashboard's routes: HTML pages, the JSON API, logos, manifests and the stylesheet. Every handler only
/// reads.
struct DashboardRouter: Sendable {
    let data: DashboardData

    /// The methods every route answers; the value of `Allow` on a 405.
    static let allowedMethods = "GET, HEAD"

    /// The methods that change state, which a read-only route refuses with a 405 (RFC 9110 §15.5.6).
    private static let refusedMethods: [HTTPRequest.Method] = [.post, .put, .patch, .delete]

    /// Registers a read-only route for `GET` and `HEAD` (``HeadMiddleware`` drops the body of a `HEAD` answer);
    /// `POST`, `PUT`, `PATCH` and `DELETE` on it answer 405 with an `Allow` header.
    private static func route<Output: ResponseGenerator>(
        _ router: Router<BasicRequestContext>,
        _ path: RouterPath,
        use handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> Output
    ) {
        router.get(path, use: handler)
        router.head(path, use: handler)
        for method in refusedMethods {
            router.on(path, method: method) { request, _ in methodNotAllowed(request) }
        }
    }

    /// A 405 answer, with `Allow`: a JSON error under `/api/`, an error page elsewhere.
    private static func methodNotAllowed(_ request: Request) -> Response {
        var response = Response.error(
            .methodNotAllowed,
            title: "Method not allowed",
            message: "this address only answers \(allowedMethods).",
            path: request.uri.path
        )
        response.headers[.allow] = allowedMethods
        return response
    }

    /// A CMC id written as plain decimal digits: no sign, no leading zero, no fraction, no exponent, and
    /// small enough for an `Int`. `nil` for anything else (which the routes refuse with a 400).
    static func plainID(_ text: String?) -> Int? {
        guard let text, let first = text.utf8.first, first != UInt8(ascii: "0"),
            text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let id = Int(text)
        else { return nil }
        return id
    }

    /// The router with every route.
    func build() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: HeadMiddleware())
        router.add(middleware: NotFoundMiddleware())
        Self.route(router, "/") { request, context in
            await html(context) { try await latest(request) }
        }
        Self.route(router, "/coins/{id}") { request, context in
            await html(context) { try await coin(request, context) }
        }
        Self.route(router, "/runs") { request, context in
            await html(context) { try await runs(request) }
        }
        Self.route(router, "/runs/{id}/manifest.json") { _, context in
            await json(context) { try manifest(context) }
        }
        Self.route(router, "/logos/{id}.png") { _, context in
            await logo(context)
        }
        Self.route(router, "/assets/dashboard.css") { _, _ in
            Response.bytes(
                Data(PageLayout.stylesheet.utf8),
                contentType: "text/css; charset=utf-8",
                cacheControl: "public, max-age=300"
            )
        }
        Self.route(router, "/assets/search.svg") { _, _ in
            Response.bytes(
                Data(PageLayout.searchIcon.utf8),
                contentType: "image/svg+xml",
                cacheControl: "public, max-age=86400"
            )
        }
        Self.route(router, "/api/latest") { request, context in
            await json(context) { try await apiLatest(request) }
        }
        Self.route(router, "/api/coins/{id}") { request, context in
            await json(context) { try await apiCoin(request, context) }
        }
        Self.route(router, "/api/coins/{id}/history") { request, context in
            await json(context) { try await apiHistory(request, context) }
        }
        Self.route(router, "/api/runs") { request, context in
            await json(context) { try await apiRuns(request) }
        }
        return router
    }

    // MARK: - Pages

    private func latest(_ request: Request) async throws -> Response {
        let parameters = QueryParameters(request.uri.query)
        let query = try LatestQuery(parameters, defaultPageSize: data.configuration.pageSize)
        let snapshot = try await data.latest(convert: query.convert)
        let ids = query.page(of: snapshot.rows).rows.map(\.coinID)
        let sparklines = try await data.sparklines(coinIDs: ids, convert: snapshot.convert, anchor: snapshot.snapshotAt)
        let page = LatestPage.render(
            snapshot: snapshot,
            query: query,
            requestedConvert: query.convert,
            defaultPageSize: data.configuration.pageSize,
            sparklines: sparklines
        )
        return .html(page)
    }

    private func coin(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let id = try coinID(context)
        let parameters = QueryParameters(request.uri.query)
        let range = try HistoryRange(parameters)
        let requested = try parameters.convert()
        let detail = try await data.coin(id: id, convert: requested)
        let history = try await data.history(id: id, convert: detail.convert, range: range)
        return .html(CoinPage.render(detail: detail, history: history.rows, range: range, requestedConvert: requested))
    }

    private func runs(_ request: Request) async throws -> Response {
        let limit = try QueryParameters(request.uri.query).integer("limit", in: 1...10_000, default: 200)
        let runs = try await data.store.runs(limit: limit)
        return .html(RunsPage.render(runs: runs, manifests: manifestLinks(runs), limit: limit))
    }

    // MARK: - API

    private func apiLatest(_ request: Request) async throws -> Response {
        let query = try LatestQuery(QueryParameters(request.uri.query), defaultPageSize: data.configuration.pageSize)
        let snapshot = try await data.latest(convert: query.convert)
        let page = query.page(of: snapshot.rows)
        let body = API.Latest(
            convert: snapshot.convert,
            converts: snapshot.converts,
            snapshotAt: Nullable(snapshot.snapshotAt?.iso8601),
            sort: query.sort.rawValue,
            dir: query.ascending ? "asc" : "desc",
            q: Nullable(query.search),
            page: query.page,
            perPage: query.perPage,
            pages: page.pages,
            total: page.total,
            items: page.rows.map(API.LatestItem.init)
        )
        return .json(API.encode(body))
    }

    private func apiCoin(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let id = try coinID(context)
        let requested = try QueryParameters(request.uri.query).convert()
        let detail = try await data.coin(id: id, convert: requested)
        let body = API.Coin(
            id: id,
            name: Nullable(detail.coin.name),
            symbol: Nullable(detail.coin.symbol),
            slug: Nullable(detail.coin.slug),
            convert: detail.convert,
            logo: "/logos/\(id).png",
            quote: Nullable(detail.quote.map(API.Quote.init)),
            metadata: Nullable(detail.metadata.map(API.Metadata.init)),
            sameSymbol: detail.sameSymbol.map(API.Candidate.init)
        )
        return .json(API.encode(body))
    }

    private func apiHistory(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let id = try coinID(context)
        let parameters = QueryParameters(request.uri.query)
        let range = try HistoryRange(parameters)
        let (convert, _) = try await data.resolveConvert(try parameters.convert())
        guard try await !data.store.coins(matching: .id(id), convert: convert).isEmpty else {
            throw DashboardError.notFound("no stored coin has the id \(id).")
        }
        let history = try await data.history(id: id, convert: convert, range: range)
        let body = API.History(
            id: id,
            convert: convert,
            range: range.rawValue,
            from: Nullable(history.from?.iso8601),
            count: history.rows.count,
            points: history.rows.map(API.Point.init)
        )
        return .json(API.encode(body))
    }

    private func apiRuns(_ request: Request) async throws -> Response {
        let limit = try QueryParameters(request.uri.query).integer("limit", in: 1...10_000, default: 200)
        let runs = try await data.store.runs(limit: limit)
        let links = manifestLinks(runs)
        return .json(API.encode(API.Runs(runs: runs.map { API.Run($0, manifest: links[$0.id]) })))
    }

    // MARK: - Files

    private func manifest(_ context: BasicRequestContext) throws -> Response {
        let text = context.parameters.get("id") ?? ""
        guard RunID(text) != nil else {
            throw DashboardError.badRequest("a run id is a UUID.")
        }
        guard let url = data.manifestURL(runID: text),
            let bytes = FileManager.default.contents(atPath: url.path(percentEncoded: false))
        else {
            throw DashboardError.notFound("no manifest for run \(text) under the output root.")
        }
        return .bytes(bytes, contentType: "application/json; charset=utf-8", cacheControl: "no-cache")
    }

    private func logo(_ context: BasicRequestContext) async -> Response {
        guard let id = Self.plainID(context.parameters.get("id")) else {
            return .json(errorBody(.badRequest, "a logo is /logos/<coin id>.png"), status: .badRequest)
        }
        do {
            if let found = try await data.logo(coinID: id) {
                return .bytes(found.data, contentType: found.contentType, cacheControl: "public, max-age=3600")
            }
        } catch {
            context.logger.warning("cannot look up a logo", metadata: ["coin_id": "\(id)", "error": "\(error)"])
        }
        return .bytes(PlaceholderLogo.png, contentType: "image/png", cacheControl: "public, max-age=300")
    }

    // MARK: - Helpers

    /// The `{id}` path parameter as a positive CMC id.
    private func coinID(_ context: BasicRequestContext) throws -> Int {
        guard let id = Self.plainID(context.parameters.get("id")) else {
            throw DashboardError.badRequest("a coin id is a positive integer, in plain digits.")
        }
        return id
    }

    /// Manifest links of the runs whose folders (under the output root) hold one.
    private func manifestLinks(_ runs: [StoredRun]) -> [String: String] {
        var links: [String: String] = [:]
        for run in runs {
            if let canonical = RunID(run.id)?.description, data.manifestURL(runID: run.id) != nil {
                links[run.id] = "/runs/\(canonical)/manifest.json"
            }
        }
        return links
    }

    private func errorBody(_ status: HTTPResponse.Status, _ message: String) -> Data {
        API.encode(API.ErrorBody(error: .init(status: status.code, message: message)))
    }

    /// Runs an HTML handler: a refused request becomes an error page with its status, a store failure a 500.
    private func html(
        _ context: BasicRequestContext,
        _ body: () async throws -> Response
    ) async -> Response {
        do {
            return try await body()
        } catch let error as DashboardError {
            let title = error.status == .notFound ? "Not found" : "Bad request"
            return .html(
                ErrorPage.render(status: error.status.code, title: title, message: error.message),
                status: error.status
            )
        } catch {
            context.logger.error("a page failed", metadata: ["error": "\(error)"])
            return .html(
                ErrorPage.render(
                    status: 500,
                    title: "Store error",
                    message: "The store could not be read; see the server log."
                ),
                status: .internalServerError
            )
        }
    }

    /// Runs a JSON handler: errors become `{"error": {"status", "message"}}` with their status.
    private func json(
        _ context: BasicRequestContext,
        _ body: () async throws -> Response
    ) async -> Response {
        do {
            return try await body()
        } catch let error as DashboardError {
            return .json(errorBody(error.status, error.message), status: error.status)
        } catch {
            context.logger.error("an API call failed", metadata: ["error": "\(error)"])
            return .json(
                errorBody(.internalServerError, "the store could not be read; see the server log."),
                status: .internalServerError
            )
        }
    }
}
