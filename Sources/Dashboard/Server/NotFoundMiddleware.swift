import Hummingbird

/// Answers a path no route matches like every other dashboard answer: a 404 page (or a JSON error under
/// `/api/`), with the dashboard's security headers, instead of an empty body.
struct NotFoundMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let message = "nothing is served at this address."
            if request.uri.path.hasPrefix("/api/") {
                return .json(
                    API.encode(API.ErrorBody(error: .init(status: 404, message: message))),
                    status: .notFound
                )
            }
            return .html(ErrorPage.render(status: 404, title: "Not found", message: message), status: .notFound)
        }
    }
}
