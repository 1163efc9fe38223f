import Foundation

/// Reads lines from standard input without readline, for pipes and files.
///
/// The prompt is printed once per read, followed by the line as read and a newline, so a
/// scripted session's output reads like the same session typed at a terminal. Ctrl-C (if
/// the terminal sends one) comes back as `.interrupted`.
public final class PlainLineReader: LineReader {
    private let fd: Int32
    private let output: TextOutput
    private let echo: Bool
    private var buffer: [UInt8] = []
    private var atEnd = false
    /// Ignored: there is no Tab completion without a terminal.
    public var completion: CompletionProvider?

    /// Reads from `fd` (standard input by default) and writes prompts to `output`.
    ///
    /// - Parameter echo: whether the line read is written after the prompt.
    public init(fd: Int32 = 0, output: TextOutput = StandardOutput(), echo: Bool = true) {
        self.fd = fd
        self.output = output
        self.echo = echo
        InterruptSignal.install()
    }

    public func readLine(prompt: String, remember: Bool) -> LineInput {
        output.write(prompt)
        let result = nextLine()
        switch result {
        case .line(let line): output.write((echo ? line : "") + "\n")
        case .interrupted: output.write("^C\n")
        case .endOfInput: output.write("\n")
        }
        return result
    }

    private func nextLine() -> LineInput {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var lineBytes = buffer[..<newline]
                buffer.removeSubrange(...newline)
                if lineBytes.last == UInt8(ascii: "\r") { lineBytes = lineBytes.dropLast() }
                return .line(String(decoding: lineBytes, as: UTF8.self))
            }
            if atEnd {
                if buffer.isEmpty { return .endOfInput }
                defer { buffer.removeAll() }
                return .line(String(decoding: buffer, as: UTF8.self))
            }
            if InterruptSignal.take() { return .interrupted }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                atEnd = true
            } else if count == 0 {
                atEnd = true
            } else {
                buffer.append(contentsOf: chunk[..<count])
            }
        }
    }
}
