import CMCEmulator
import Testing

@Suite struct CompressionTests {
    @Test func gzipWhenAcceptedPlainOtherwise() async throws {
        try await withEmulatorAndClient { _, http in
            let path = "/v1/cryptocurrency/listings/latest?limit=50"
            let gzipped = try await http.get(path, headers: [("Accept-Encoding", "deflate, gzip")])
            #expect(gzipped.header("Content-Encoding") == "gzip")
            #expect(gzipped.header("Vary") == "origin,accept-encoding")
            #expect(gzipped.body.prefix(2) == [0x1F, 0x8B])
            let plain = try await http.get(path)
            #expect(plain.header("Content-Encoding") == nil)
            #expect(plain.body.first == UInt8(ascii: "{"))
            #expect(gzipped.body.count < plain.body.count / 3)
            #expect(try gzipped.json().objects("data")?.count == 50)
            let refused = try await http.get(path, headers: [("Accept-Encoding", "gzip;q=0, identity")])
            #expect(refused.header("Content-Encoding") == nil)
            let errors = try await http.get(
                "/v1/cryptocurrency/listings/latest?limit=0",
                headers: [("Accept-Encoding", "gzip")]
            )
            #expect(errors.header("Content-Encoding") == "gzip")
            #expect(try errors.json().status.int("error_code") == 400)
        }
    }
}
