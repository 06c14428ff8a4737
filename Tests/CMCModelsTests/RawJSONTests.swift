import CMCModels
import Foundation
import Testing

/// The raw scanner: exact byte ranges, escapes, numbers, truncation and malformed input.
@Suite struct RawJSONTests {
    // MARK: - Fixtures

    @Test(arguments: Fixture.names)
    func dataValueOfEachFixtureRoundTrips(name: String) throws {
        let bytes = try Fixture.bytes(name)
        #expect(RawJSON.isComplete(bytes))
        guard Fixture.all[name] != .error else {
            #expect(try RawJSON.valueRangeIfPresent(ofTopLevelKey: "data", in: bytes) == nil)
            #expect(throws: RawJSONError.self) {
                try RawJSON.valueRange(ofTopLevelKey: "data", in: bytes)
            }
            return
        }
        let range = try RawJSON.valueRange(ofTopLevelKey: "data", in: bytes)
        let slice = Array(bytes[range])
        #expect(RawJSON.isComplete(slice))
        #expect(slice.first == UInt8(ascii: "[") || slice.first == UInt8(ascii: "{"))
        #expect(slice.last == UInt8(ascii: "]") || slice.last == UInt8(ascii: "}"))

        // Independent check: Foundation's parser sees the same value in the slice as under "data".
        let whole = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? NSDictionary)
        let data = try #require(whole["data"] as? NSObject)
        let fromSlice = try #require(try JSONSerialization.jsonObject(with: Data(slice)) as? NSObject)
        #expect(data.isEqual(fromSlice))

        // Splicing the slice back between the untouched prefix and suffix gives the same body.
        let spliced = Array(bytes[..<range.lowerBound]) + slice + Array(bytes[range.upperBound...])
        #expect(spliced == bytes)

        // `status` is a sibling, not part of the data slice.
        let status = try RawJSON.valueRange(ofTopLevelKey: "status", in: bytes)
        #expect(status.upperBound <= range.lowerBound || status.lowerBound >= range.upperBound)
    }

    @Test(arguments: Fixture.names(of: .listings))
    func elementRangesMatchTheDecodedItems(name: String) throws {
        let bytes = try Fixture.bytes(name)
        let items = try #require(try Fixture.listings(name).data).items
        let range = try RawJSON.valueRange(ofTopLevelKey: "data", in: bytes)
        let elements = try RawJSON.elementRanges(ofArrayAt: range, in: bytes)
        #expect(elements.count == items.count)
        for (element, item) in zip(elements, items) {
            let decoded = try CMCJSON.makeDecoder().decode(Listing.self, from: Data(bytes[element]))
            #expect(decoded == item)
        }
    }

    @Test(arguments: Fixture.names(of: .info) + Fixture.names(of: .quotes))
    func memberRangesMatchTheDecodedMap(name: String) throws {
        let bytes = try Fixture.bytes(name)
        let range = try RawJSON.valueRange(ofTopLevelKey: "data", in: bytes)
        let members = try RawJSON.memberRanges(ofObjectAt: range, in: bytes)
        let keys: [String]
        if Fixture.all[name] == .info {
            keys = try #require(try Fixture.info(name).data).orderedKeys
        } else {
            keys = try #require(try Fixture.quotes(name).data).orderedKeys
        }
        #expect(members.map(\.key).sorted() == keys.sorted())
        for member in members {
            #expect(RawJSON.isComplete(bytes[member.value]))
        }
    }

    // MARK: - Exact numbers and strings

    @Test func numbersComeBackByteIdentical() throws {
        let numbers = [
            "57512.4417", "1e-9", "21000000", "0.1000000000000000055511151231257827", "-0.0", "1E+300",
            "4.031332411725151E10", "0", "-12", "123456789012345678901234567890",
        ]
        let body = Array(#"{"status": {}, "data": [ \#(numbers.joined(separator: " ,\n ")) ] }"#.utf8)
        let range = try RawJSON.valueRange(ofTopLevelKey: "data", in: body)
        let elements = try RawJSON.elementRanges(ofArrayAt: range, in: body)
        #expect(elements.map { String(decoding: body[$0], as: UTF8.self) } == numbers)
    }

    @Test func numbersInsideObjectsComeBackByteIdentical() throws {
        let body = Array(#"{"data":{"price":0.1000000000000000055511151231257827,"supply":21000000,"tiny":1e-9}}"#.utf8)
        let range = try RawJSON.valueRange(ofTopLevelKey: "data", in: body)
        let members = try RawJSON.memberRanges(ofObjectAt: range, in: body)
        let texts = members.map { "\($0.key)=\(String(decoding: body[$0.value], as: UTF8.self))" }
        #expect(texts == ["price=0.1000000000000000055511151231257827", "supply=21000000", "tiny=1e-9"])
    }

    @Test func stringsWithEscapesAndBracketsAreSkippedCorrectly() throws {
        let json = #"""
            {"k\"ey": "a\"b\\c]d}e\u00e9 [{", "data": {"x]": "}", "n\u00e9": [1, "]", {"}": "\\"}],
             "\ud83d\ude00": "\/", "": null}, "after": true}
            """#
        let bytes = Array(json.utf8)
        #expect(RawJSON.isComplete(bytes))
        let quoted = try RawJSON.valueRange(ofTopLevelKey: #"k"ey"#, in: bytes)
        #expect(String(decoding: bytes[quoted], as: UTF8.self) == #""a\"b\\c]d}e\u00e9 [{""#)
        let data = try RawJSON.valueRange(ofTopLevelKey: "data", in: bytes)
        let members = try RawJSON.memberRanges(ofObjectAt: data, in: bytes)
        #expect(members.map(\.key) == ["x]", "né", "😀", ""])
        let texts = members.map { String(decoding: bytes[$0.value], as: UTF8.self) }
        #expect(texts == [#""}""#, #"[1, "]", {"}": "\\"}]"#, #""\/""#, "null"])
        let array = try RawJSON.elementRanges(ofArrayAt: members[1].value, in: bytes)
        #expect(array.map { String(decoding: bytes[$0], as: UTF8.self) } == ["1", #""]""#, #"{"}": "\\"}"#])
        let after = try RawJSON.valueRange(ofTopLevelKey: "after", in: bytes)
        #expect(String(decoding: bytes[after], as: UTF8.self) == "true")
    }

    @Test func keysAreComparedAfterUnescaping() throws {
        let bytes = Array(#"{"d\u0061ta": [1]}"#.utf8)
        let range = try RawJSON.valueRange(ofTopLevelKey: "data", in: bytes)
        #expect(String(decoding: bytes[range], as: UTF8.self) == "[1]")
    }

    // MARK: - Completeness and errors

    @Test(arguments: Fixture.names)
    func fixtureCutInHalfIsIncomplete(name: String) throws {
        let bytes = try Fixture.bytes(name)
        let half = Array(bytes[..<(bytes.count / 2)])
        #expect(!RawJSON.isComplete(half))
        let error = try #require(throws: RawJSONError.self) {
            try RawJSON.validate(half)
        }
        #expect(error.offset == half.count)
        #expect(error.message.contains("end of input"))
        #expect(throws: RawJSONError.self) {
            try RawJSON.valueRangeIfPresent(ofTopLevelKey: "data", in: half)
        }
    }

    @Test func everyProperPrefixOfSmallBodiesIsIncomplete() throws {
        for name in ["error_1001.all-about-apikey.2022-04-17", "key_info.sem4.2024-02-21"] {
            let bytes = try Fixture.bytes(name)
            let end = try #require(bytes.lastIndex(of: UInt8(ascii: "}")))
            for length in 0...end {
                #expect(!RawJSON.isComplete(bytes[..<length]), "\(name) cut at \(length)")
            }
            #expect(RawJSON.isComplete(bytes[...end]))
        }
    }

    @Test func whitespacePaddedBodyIsComplete() throws {
        let body = try Fixture.bytes("quotes_v2_by_id.dzhegash.2022-06-16")
        let padded = Array(" \n\t\r ".utf8) + body + Array("\r\n  \n".utf8)
        #expect(RawJSON.isComplete(padded))
        let range = try RawJSON.valueRange(ofTopLevelKey: "data", in: padded)
        let original = try RawJSON.valueRange(ofTopLevelKey: "data", in: body)
        #expect(padded[range] == body[original])
    }

    @Test(arguments: [
        (#"{"a":01}"#, 6),
        (#"{"a":1.}"#, 7),
        (#"{"a":-}"#, 6),
        (#"{"a":1e}"#, 7),
        (#"{"a":tru}"#, 8),
        (#"{"a":"\x"}"#, 7),
        (#"{"a":"\u12G4"}"#, 10),
        ("{\"a\":\"line\nbreak\"}", 10),
        (#"[1,]"#, 3),
        (#"{"a" 1}"#, 5),
        (#"{"a":1,}"#, 7),
        (#"{a:1}"#, 1),
        (#"{} {}"#, 3),
        (#""#, 0),
        (#"   "#, 3),
        (#"[1 2]"#, 3),
    ])
    func malformedInputIsRejectedAtTheRightOffset(json: String, offset: Int) throws {
        let bytes = Array(json.utf8)
        #expect(!RawJSON.isComplete(bytes))
        let error = try #require(throws: RawJSONError.self) {
            try RawJSON.validate(bytes)
        }
        #expect(error.offset == offset, "\(json): \(error)")
        #expect(error.description.hasPrefix("invalid JSON at byte \(offset): "))
    }

    @Test func scalarsAndEmptyContainersAreComplete() {
        for json in ["0", "-1.5e+3", #""x""#, "true", "false", "null", "[]", "{}", " [ ] ", #"{"a":{}}"#] {
            #expect(RawJSON.isComplete(Array(json.utf8)), "\(json)")
        }
    }

    @Test func nestingIsLimited() throws {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        let error = try #require(throws: RawJSONError.self) {
            try RawJSON.validate(Array(deep.utf8))
        }
        #expect(error.message.contains("nesting deeper than 256"))
        #expect(error.offset == 256)
        let fine = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect(RawJSON.isComplete(Array(fine.utf8)))
    }

    @Test func topLevelKeyErrors() throws {
        let duplicate = Array(#"{"data": 1, "data": 2}"#.utf8)
        let duplicateError = try #require(throws: RawJSONError.self) {
            try RawJSON.valueRange(ofTopLevelKey: "data", in: duplicate)
        }
        #expect(duplicateError.offset == 12)
        #expect(throws: RawJSONError.self) {
            try RawJSON.valueRange(ofTopLevelKey: "data", in: Array("[1, 2]".utf8))
        }
        let missing = try #require(throws: RawJSONError.self) {
            try RawJSON.valueRange(ofTopLevelKey: "data", in: Array(#"{"status": {}}"#.utf8))
        }
        #expect(missing.offset == 13)
        #expect(missing.message.contains(#"no key "data""#))
    }

    @Test func rangeArgumentsAreChecked() throws {
        let bytes = Array(#"{"data": {"a": [1]}, "list": [1, 2]}"#.utf8)
        let object = try RawJSON.valueRange(ofTopLevelKey: "data", in: bytes)
        let list = try RawJSON.valueRange(ofTopLevelKey: "list", in: bytes)
        #expect(throws: RawJSONError.self) {
            try RawJSON.elementRanges(ofArrayAt: object, in: bytes)
        }
        #expect(throws: RawJSONError.self) {
            try RawJSON.memberRanges(ofObjectAt: list, in: bytes)
        }
        #expect(throws: RawJSONError.self) {
            try RawJSON.elementRanges(ofArrayAt: list.lowerBound..<(bytes.count + 5), in: bytes)
        }
        // A range that cuts the array short, or runs past it, is not "exactly one array".
        #expect(throws: RawJSONError.self) {
            try RawJSON.elementRanges(ofArrayAt: list.lowerBound..<(list.upperBound - 1), in: bytes)
        }
        #expect(throws: RawJSONError.self) {
            try RawJSON.elementRanges(ofArrayAt: list.lowerBound..<bytes.count, in: bytes)
        }
        // Whitespace around the value inside the range is fine.
        let padded = (list.lowerBound - 1)..<list.upperBound
        #expect(try RawJSON.elementRanges(ofArrayAt: padded, in: bytes).count == 2)
    }

    // MARK: - Collection kinds and size

    @Test func dataSlicesAndNonContiguousCollectionsGiveTheSameRanges() throws {
        let bytes = try Fixture.bytes("listings_latest.glartir.2020-06-30")
        let expected = try RawJSON.valueRange(ofTopLevelKey: "data", in: bytes)
        #expect(try RawJSON.valueRange(ofTopLevelKey: "data", in: Data(bytes)) == expected)
        #expect(try RawJSON.valueRange(ofTopLevelKey: "data", in: bytes[...]) == expected)
        let lazy = (0..<bytes.count).lazy.map { bytes[$0] }
        #expect(try RawJSON.valueRange(ofTopLevelKey: "data", in: lazy) == expected)
        // Offsets count from the start of the collection, even for a slice that does not start at 0.
        let shifted = Array(" ".utf8) + bytes
        let slice = shifted[1...]
        #expect(try RawJSON.valueRange(ofTopLevelKey: "data", in: slice) == expected)
    }

    @Test func fiveThousandItemPageIsSplitExactly() throws {
        let source = try Fixture.bytes("listings_latest.openbb.2022-01-29")
        let sourceRange = try RawJSON.valueRange(ofTopLevelKey: "data", in: source)
        let sourceElements = try RawJSON.elementRanges(ofArrayAt: sourceRange, in: source)
        var body = Array(#"{"status":{"error_code":0,"total_count":9281},"data":["#.utf8)
        var expected: [[UInt8]] = []
        for copy in 0..<50 {
            for element in sourceElements {
                if copy > 0 || !expected.isEmpty {
                    body.append(UInt8(ascii: ","))
                }
                body.append(contentsOf: source[element])
                expected.append(Array(source[element]))
            }
        }
        body.append(contentsOf: Array("]}".utf8))
        #expect(body.count > 2_400_000)
        let range = try RawJSON.valueRange(ofTopLevelKey: "data", in: body)
        let elements = try RawJSON.elementRanges(ofArrayAt: range, in: body)
        #expect(elements.count == 5000)
        #expect(elements.map { Array(body[$0]) } == expected)
    }
}
