import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An IPv4 or IPv6 address, and the ranges a logo download must never reach.
enum IPAddress: Hashable, Sendable, CustomStringConvertible {
    /// IPv4, host byte order.
    case v4(UInt32)
    /// IPv6, 16 bytes in network order.
    case v6([UInt8])

    /// Parses a numeric address in its standard text form (`inet_pton`), with or without IPv6 brackets.
    init?(literal text: String) {
        var host = text
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            self = .v4(UInt32(bigEndian: v4.s_addr))
            return
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            self = .v6(withUnsafeBytes(of: &v6) { Array($0) })
            return
        }
        return nil
    }

    var description: String {
        switch self {
        case .v4(let value):
            return "\(value >> 24).\((value >> 16) & 0xff).\((value >> 8) & 0xff).\(value & 0xff)"
        case .v6(let bytes):
            var address = in6_addr()
            withUnsafeMutableBytes(of: &address) { raw in
                for (index, byte) in bytes.prefix(16).enumerated() { raw[index] = byte }
            }
            var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            guard inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count)) != nil else { return "?" }
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    /// The embedded IPv4 address of an IPv4-mapped (`::ffff:a.b.c.d`) or NAT64 (`64:ff9b::a.b.c.d`)
    /// IPv6 address.
    private var embeddedV4: UInt32? {
        guard case .v6(let bytes) = self, bytes.count == 16 else { return nil }
        let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff
        let nat64 = bytes[0..<12].elementsEqual([0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0])
        guard mapped || nat64 else { return nil }
        return bytes[12..<16].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Whether this is a loopback address (127.0.0.0/8, ::1, or IPv4-mapped loopback).
    var isLoopback: Bool {
        switch self {
        case .v4(let value):
            return value >> 24 == 127
        case .v6(let bytes):
            if let v4 = embeddedV4 { return IPAddress.v4(v4).isLoopback }
            return bytes.count == 16 && bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] == 1
        }
    }

    /// Why a download must not connect here, or `nil` for an ordinary public address.
    ///
    /// Loopback is refused too; the caller allows it for the exact API host only.
    var refusal: String? {
        switch self {
        case .v4(let value):
            return Self.refusal(v4: value)
        case .v6(let bytes):
            if let v4 = embeddedV4 { return Self.refusal(v4: v4) }
            guard bytes.count == 16 else { return "a malformed IPv6 address" }
            if bytes.allSatisfy({ $0 == 0 }) { return "the unspecified address" }
            if isLoopback { return "a loopback address" }
            if bytes[0..<12].allSatisfy({ $0 == 0 }) { return "an IPv4-compatible address (deprecated)" }
            if bytes[0] == 0xff { return "a multicast address (ff00::/8)" }
            if bytes[0] == 0xfe, bytes[1] & 0xc0 == 0x80 { return "a link-local address (fe80::/10)" }
            if bytes[0] == 0xfe, bytes[1] & 0xc0 == 0xc0 { return "a site-local address (fec0::/10)" }
            if bytes[0] & 0xfe == 0xfc { return "a private (unique local) address (fc00::/7)" }
            if bytes[0] == 0x20, bytes[1] == 0x01, bytes[2] == 0x0d, bytes[3] == 0xb8 {
                return "a documentation address (2001:db8::/32)"
            }
            return nil
        }
    }

    private static func refusal(v4 value: UInt32) -> String? {
        func inRange(_ base: UInt32, _ prefix: UInt32) -> Bool {
            let mask: UInt32 = prefix == 0 ? 0 : ~UInt32(0) << (32 - prefix)
            return value & mask == base & mask
        }
        if value == 0xA9FE_A9FE { return "the cloud metadata address (169.254.169.254)" }
        if inRange(0x0000_0000, 8) { return "a \"this network\" address (0.0.0.0/8)" }
        if inRange(0x0A00_0000, 8) { return "a private address (10.0.0.0/8)" }
        if inRange(0x6440_0000, 10) { return "a carrier-grade NAT address (100.64.0.0/10)" }
        if inRange(0x7F00_0000, 8) { return "a loopback address (127.0.0.0/8)" }
        if inRange(0xA9FE_0000, 16) { return "a link-local address (169.254.0.0/16)" }
        if inRange(0xAC10_0000, 12) { return "a private address (172.16.0.0/12)" }
        if inRange(0xC000_0000, 24) { return "an IETF protocol address (192.0.0.0/24)" }
        if inRange(0xC0A8_0000, 16) { return "a private address (192.168.0.0/16)" }
        if inRange(0xC612_0000, 15) { return "a benchmarking address (198.18.0.0/15)" }
        if inRange(0xE000_0000, 4) { return "a multicast address (224.0.0.0/4)" }
        if inRange(0xF000_0000, 4) { return "a reserved or broadcast address (240.0.0.0/4)" }
        return nil
    }
}
