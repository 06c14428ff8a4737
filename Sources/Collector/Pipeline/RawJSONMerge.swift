import CMCModels
import Foundation

/// Builds `data.json` and `info.json` from API bodies byte for byte, so every number keeps exactly the
/// text the API sent (no `Double` round trip).
enum RawJSONMerge {
    /// The `data` arrays of listing pages, concatenated in page order; an id already seen on an earlier
    /// page is left out (it is reported by the reconciliation).
    ///
    /// - Returns: the merged array and the number of elements in it.
    static func mergeDataArrays(_ bodies: [Data]) throws(RawJSONError) -> (json: Data, count: Int) {
        var output: [UInt8] = [UInt8(ascii: "[")]
        var seen = Set<Int>()
        var count = 0
        for body in bodies {
            let bytes = [UInt8](body)
            guard let data = try RawJSON.valueRangeIfPresent(ofTopLevelKey: "data", in: bytes) else { continue }
            for element in try RawJSON.elementRanges(ofArrayAt: data, in: bytes) {
                if let id = elementID(bytes[element]), !seen.insert(id).inserted { continue }
                if count > 0 { output.append(UInt8(ascii: ",")) }
                output.append(contentsOf: bytes[element])
                count += 1
            }
        }
        output.append(UInt8(ascii: "]"))
        return (Data(output), count)
    }

    /// The `data` objects of info batches, merged into one object; a key already present is kept once.
    ///
    /// - Returns: the merged object and the number of members in it.
    static func mergeDataObjects(_ bodies: [Data]) throws(RawJSONError) -> (json: Data, count: Int) {
        var output: [UInt8] = [UInt8(ascii: "{")]
        var seen = Set<String>()
        for body in bodies {
            let bytes = [UInt8](body)
            guard let data = try RawJSON.valueRangeIfPresent(ofTopLevelKey: "data", in: bytes) else { continue }
            for member in try RawJSON.memberRanges(ofObjectAt: data, in: bytes) where seen.insert(member.key).inserted {
                if seen.count > 1 { output.append(UInt8(ascii: ",")) }
                output.append(contentsOf: jsonString(member.key))
                output.append(UInt8(ascii: ":"))
                output.append(contentsOf: bytes[member.value])
            }
        }
        output.append(UInt8(ascii: "}"))
        return (Data(output), seen.count)
    }

    /// The integer `id` of one array element, read without decoding the rest.
    static func elementID(_ element: ArraySlice<UInt8>) -> Int? {
        guard let range = try? RawJSON.valueRangeIfPresent(ofTopLevelKey: "id", in: element) else { return nil }
        let start = element.startIndex + range.lowerBound
        let end = element.startIndex + range.upperBound
        var text = String(decoding: element[start..<end], as: UTF8.self)
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
        return Int(text)
    }

    private static func jsonString(_ text: String) -> [UInt8] {
        var output: [UInt8] = [UInt8(ascii: "\"")]
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += Array("\\\"".utf8)
            case "\\": output += Array("\\\\".utf8)
            case _ where scalar.value < 0x20: output += Array(String(format: "\\u%04x", scalar.value).utf8)
            default: output += Array(String(scalar).utf8)
            }
        }
        output.append(UInt8(ascii: "\""))
        return output
    }
}
