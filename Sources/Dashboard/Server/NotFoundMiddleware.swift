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
            return .error(
                .notFound,
                title: "Not found",
                message: "nothing is served at this address.",
                path: request.uri.path
            )
        }
    }
}
