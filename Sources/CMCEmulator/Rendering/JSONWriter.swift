/// A hand-written JSON byte writer: fast enough for 5000-coin pages, with JavaScript's escaping and
/// number formatting (CMC's servers answer through `JSON.stringify`).
///
/// Callers write punctuation and keys themselves (`raw`), which keeps the hot paths free of bookkeeping.
struct JSONWriter {
    private(set) var bytes: [UInt8]

    init(capacity: Int = 4096) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends ASCII text verbatim (punctuation and keys).
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends bytes verbatim.
    mutating func raw(bytes more: [UInt8]) {
        bytes.append(contentsOf: more)
    }

    /// Appends a quoted, escaped string.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
                appendEscape(byte)
                start = index + 1
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends a quoted string, or `null`.
    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// Appends a quoted string known to need no escaping (ISO timestamps, ids).
    mutating func plainString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: value.utf8)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func null() {
        raw("null")
    }

    mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    mutating func int(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            appendUnsigned(value.magnitude)
        } else {
            appendUnsigned(UInt(value))
        }
    }

    mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    /// Appends a number the way JavaScript prints it: integers without a fraction, shortest round-trip
    /// digits, exponent form only below 1e-6 or from 1e21 on, `null` for non-finite values.
    mutating func number(_ value: Double) {
        guard value.isFinite else { return null() }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            if value == 0 {
                bytes.append(UInt8(ascii: "0"))
            } else {
                int(Int(value))
            }
            return
        }
        appendJavaScriptNumber(value)
    }

    mutating func number(_ value: Double?) {
        if let value { number(value) } else { null() }
    }

    /// Appends a JSON array of strings.
    mutating func stringArray(_ values: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    // MARK: - Private

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            bytes.append(Self.hex[Int(byte >> 4)])
            bytes.append(Self.hex[Int(byte & 0xF)])
        }
    }

    private mutating func appendUnsigned(_ value: UInt) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { scratch in
            var position = scratch.count
            var remaining = value
            while remaining > 0 {
                position -= 1
                scratch[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            }
            bytes.append(contentsOf: scratch[position...])
        }
    }

    /// Re-lays Swift's shortest round-trip digits (`description`) out in JavaScript's `Number#toString` form.
    private mutating func appendJavaScriptNumber(_ value: Double) {
        var text = value.description
        // Fast path: without an exponent Swift's shortest form is already JavaScript's, but for a ".0" tail.
        let done = text.withUTF8 { utf8 -> Bool in
            guard !utf8.contains(UInt8(ascii: "e")) else { return false }
            var count = utf8.count
            if count > 2, utf8[count - 2] == UInt8(ascii: "."), utf8[count - 1] == UInt8(ascii: "0") { count -= 2 }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[0..<count]))
            return true
        }
        if done { return }
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        var exponent = 0
        var pointPosition: Int?
        var sawExponent = false
        var exponentSign = 1
        var negative = false
        for byte in text.utf8 {
            if sawExponent {
                if byte == UInt8(ascii: "-") {
                    exponentSign = -1
                } else if byte != UInt8(ascii: "+") {
                    exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "."): pointPosition = digits.count
            case UInt8(ascii: "e"), UInt8(ascii: "E"): sawExponent = true
            default: digits.append(byte)
            }
        }
        exponent *= exponentSign
        // value = 0.d1d2…dk × 10^n with n the position of the decimal point after the first digit.
        var n = (pointPosition ?? digits.count) + exponent
        while digits.count > 1, digits.first == UInt8(ascii: "0") {
            digits.removeFirst()
            n -= 1
        }
        while digits.count > 1, digits.last == UInt8(ascii: "0") { digits.removeLast() }
        let k = digits.count
        if negative { bytes.append(UInt8(ascii: "-")) }
        if k <= n, n <= 21 {
            bytes.append(contentsOf: digits)
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: n - k))
        } else if 0 < n, n <= 21 {
            bytes.append(contentsOf: digits[0..<n])
            bytes.append(UInt8(ascii: "."))
            bytes.append(contentsOf: digits[n...])
        } else if -6 < n, n <= 0 {
            bytes.append(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: ".")])
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -n))
            bytes.append(contentsOf: digits)
        } else {
            bytes.append(digits[0])
            if k > 1 {
                bytes.append(UInt8(ascii: "."))
                bytes.append(contentsOf: digits[1...])
            }
            bytes.append(UInt8(ascii: "e"))
            let e = n - 1
            bytes.append(e < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            appendUnsigned(UInt(abs(e)))
        }
    }
}
