import HTTPTypes
import Hummingbird

/// Answers `HEAD` for every route (each is registered for `GET` and `HEAD`) like `GET`, with the same status and headers and no body (RFC 9110 §9.3.2),
/// so `curl -I` and link checkers see what a browser would get.
struct HeadMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let response = try await next(request, context)
        guard request.method == .head else { return response }
        return Response(status: response.status, headers: response.headers, body: ResponseBody())
    }
}
