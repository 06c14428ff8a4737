import Testing

@testable import coinpipe

/// `--json` output never stands in an empty object for a value it could not encode.
@Suite struct JSONOutputTests {
    private struct Figures: Encodable {
        var seconds: Double
    }

    @Test func aValueThatCannotBeEncodedFailsLoudly() throws {
        #expect(try JSONOutput.render(Figures(seconds: 1.5)) == #"{"seconds":1.5}"#)
        #expect(throws: JSONOutputError.self) { try JSONOutput.render(Figures(seconds: .nan)) }
    }
}
