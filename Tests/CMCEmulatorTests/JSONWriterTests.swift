import Foundation
import Testing

@testable import CMCEmulator

@Suite struct JSONWriterTests {
    private func number(_ value: Double) -> String {
        var writer = JSONWriter()
        writer.number(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func numbersPrintLikeJavaScript() {
        #expect(number(21_000_000) == "21000000")
        #expect(number(0) == "0")
        #expect(number(-3) == "-3")
        #expect(number(19_694_012.5) == "19694012.5")
        #expect(number(38_012.174_760_160_29) == "38012.17476016029")
        #expect(number(0.001234) == "0.001234")
        #expect(number(0.000_001) == "0.000001")
        #expect(number(1.5e-7) == "1.5e-7")
        #expect(number(2.2930062090958172e-7) == "2.2930062090958172e-7")
        #expect(number(1e21) == "1e+21")
        #expect(number(1.2345e16) == "12345000000000000")
        #expect(number(589_262_400_811_617.5) == "589262400811617.5")
        #expect(number(-0.5) == "-0.5")
        #expect(number(.nan) == "null")
        for value in [0.1, 1 / 3.0, 123_456.789, 9.87e-9, 4.2e20, 7e-7] {
            #expect(Double(number(value)) == value, "round trip of \(value)")
        }
    }

    @Test func stringsAreEscapedLikeJSONStringify() {
        var writer = JSONWriter()
        writer.string("a\"b\\c\nd\te\u{1}f</script>ü🚀\u{2028}")
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(text == "\"a\\\"b\\\\c\\nd\\te\\u0001f</script>ü🚀\u{2028}\"")
        let parsed = try? JSONSerialization.jsonObject(with: Data(writer.bytes), options: .fragmentsAllowed) as? String
        #expect(parsed == "a\"b\\c\nd\te\u{1}f</script>ü🚀\u{2028}")
    }

    @Test func timestampsAndHTTPDates() {
        #expect(Timestamp.iso8601(milliseconds: 1_714_564_803_512) == "2024-05-01T12:00:03.512Z")
        #expect(Timestamp.iso8601(milliseconds: 0) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.httpDate(seconds: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(Timestamp.parseHTTPDate("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(Timestamp.parseHTTPDate("yesterday") == nil)
    }

    @Test func universeIsAPureFunctionOfItsInputs() {
        let a = UniverseBuilder(seed: 9, count: 400, includeHostileText: true).build()
        let b = UniverseBuilder(seed: 9, count: 400, includeHostileText: true).build()
        #expect(a.coins.map(\.id) == b.coins.map(\.id))
        #expect(a.coins.map(\.name) == b.coins.map(\.name))
        #expect(a.coins.map(\.description) == b.coins.map(\.description))
        #expect(Set(a.coins.map(\.id)).count == 400)
        #expect(Set(a.coins.map(\.slug)).count == 400)
        #expect(a.coins.enumerated().allSatisfy { $0.element.rank == $0.offset + 1 })
        let maxSupplyNull = Double(a.coins.filter { $0.maxSupply == nil }.count) / 400
        #expect(maxSupplyNull > 0.3 && maxSupplyNull < 0.5)
        #expect(a.coins.allSatisfy { $0.basePrice >= 1e-9 && $0.basePrice <= 1e5 })
        #expect(a.coins.contains { $0.circulatingSupply != $0.circulatingSupply.rounded() })
        #expect(a.coins.contains { $0.circulatingSupply > 0 && $0.circulatingSupply == $0.circulatingSupply.rounded() })
        let other = UniverseBuilder(seed: 10, count: 400, includeHostileText: true).build()
        #expect(other.coins.map(\.id) != a.coins.map(\.id))
        let tiny = UniverseBuilder(seed: 9, count: 5, includeHostileText: true).build()
        #expect(tiny.coins.map(\.id) == [1, 1027, 825, 1839, 5426])
    }
}
