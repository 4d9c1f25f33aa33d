import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP socket listening on 127.0.0.1 on a free port, to prove that nothing connects.
final class LoopbackListener {
    private let socketDescriptor: Int32
    let port: UInt16

    init() async throws {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.socketDescriptor = socketDescriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketDescriptor, $0, length) }
        }
        listen(socketDescriptor, 8)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketDescriptor, $0, &length) }
        }
        _ = fcntl(socketDescriptor, F_SETFL, O_NONBLOCK)
        port = UInt16(bigEndian: address.sin_port)
    }

    /// How many connections are waiting to be accepted (none, if nobody tried).
    func acceptedConnections() -> Int {
        var count = 0
        while true {
            let connection = accept(socketDescriptor, nil, nil)
            if connection < 0 { return count }
            close(connection)
            count += 1
        }
    }

    deinit { close(socketDescriptor) }
}
