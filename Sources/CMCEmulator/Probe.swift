import Hummingbird
import NIOCore

func probe() -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "application/json"
    let n = HTTPFields.Element.Name("X-CMC_PRO_API_KEY")
    _ = n
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "x")))
}
