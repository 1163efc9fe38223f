import Foundation
import Testing

/// `recall replay` run as a user would, through the built binary.
struct ReplayCommandTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func replay(_ csv: String, _ options: [String] = [], file name: String = "history.csv") throws -> Run {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "recall-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("history.csv")
        try Data(csv.utf8).write(to: file)
        let process = Process()
        process.executableURL = RecallBinary.url
        process.currentDirectoryURL = directory
        process.arguments = ["replay", name] + options
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static let history = """
        card_id,review_rating,review_time,review_duration
        7,3,2024-01-01T00:00:00+00:00,1000
        9,1,2024-01-01T00:00:30.25+00:00,2000
        7,3,2024-01-01T00:10:00+00:00,1000
        9,3,2024-01-01T00:01:30.25+00:00,900
        7,2,2024-01-05T10:00:00+02:00,800
        9,4,2024-01-01T00:11:30.25+00:00,700

        """

    /// Issue 16 F11: a 200 MB file without a line end took 63 s and 767 MB to be refused.
    @Test func aFileWithoutLineEndsIsRefusedAtOnce() throws {
        let run = try Self.replay(String(repeating: "a", count: 32 << 20))
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("history.csv:1: error: the header line is longer than 64 KiB"))
    }

    @Test func printsWhatPyFSRSPrints() throws {
        let run = try Self.replay(Self.history)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        // Benchmarks/replay_pyfsrs.py (py-fsrs 6.3.2) on the same file.
        #expect(
            run.stdout == """
                card_id,review_time,rating,state,step,stability,difficulty,due
                7,2024-01-01T00:00:00+00:00,3,learning,1,2.306500,2.118104,2024-01-01T00:10:00Z
                9,2024-01-01T00:00:30.25+00:00,1,learning,0,0.212000,6.413300,2024-01-01T00:01:30Z
                7,2024-01-01T00:10:00+00:00,3,review,,2.306500,2.111214,2024-01-03T00:10:00Z
                9,2024-01-01T00:01:30.25+00:00,3,learning,1,0.246689,6.402115,2024-01-01T00:11:30Z
                7,2024-01-05T10:00:00+02:00,2,review,,10.654848,4.748285,2024-01-16T08:00:00Z
                9,2024-01-01T00:11:30.25+00:00,4,review,,0.488921,5.185098,2024-01-02T00:11:30Z

                """)
    }

    @Test func optionsChangeTheScheduler() throws {
        let run = try Self.replay(
            Self.history,
            [
                "--learning-steps", "30s", "--relearning-steps", "", "--retention", "0.8", "--maximum-interval", "20",
            ])
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                card_id,review_time,rating,state,step,stability,difficulty,due
                7,2024-01-01T00:00:00+00:00,3,review,,2.306500,2.118104,2024-01-09T00:00:00Z
                9,2024-01-01T00:00:30.25+00:00,1,learning,0,0.212000,6.413300,2024-01-01T00:01:00Z
                7,2024-01-01T00:10:00+00:00,3,review,,2.306500,2.111214,2024-01-09T00:10:00Z
                9,2024-01-01T00:01:30.25+00:00,3,review,,0.246689,6.402115,2024-01-02T00:01:30Z
                7,2024-01-05T10:00:00+02:00,2,review,,10.654848,4.748285,2024-01-25T08:00:00Z
                9,2024-01-01T00:11:30.25+00:00,4,review,,0.488921,5.185098,2024-01-03T00:11:30Z

                """)
    }

    @Test func sm2PrintsIntervalsAndEase() throws {
        let run = try Self.replay(Self.history, ["--scheduler", "sm2"])
        #expect(run.status == 0)
        #expect(
            run.stdout.split(separator: "\n").last
                == "9,2024-01-01T00:11:30.25+00:00,4,review,,4.000000,2.500000,2024-01-05T00:11:30Z")
    }

    @Test func aMalformedRowFailsWithItsLineAndPrintsNoRows() throws {
        let run = try Self.replay(Self.history + "9,5,2024-01-02T00:00:00Z,1\n")
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == "history.csv:8: error: rating \"5\" is not 1 to 4\n")
    }

    @Test func anEmptyFileFails() throws {
        let run = try Self.replay("", [])
        #expect(run.status == 1)
        #expect(
            run.stderr
                == "history.csv:1: error: the file is empty; expected a header naming card_id, review_time and rating\n"
        )
    }

    @Test func aFileThatCannotBeReadFails() throws {
        let run = try Self.replay(Self.history, file: "missing.csv")
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == "error: cannot read missing.csv: No such file or directory\n")
    }

    @Test func aDashReadsStandardInput() throws {
        let process = Process()
        process.executableURL = RecallBinary.url
        process.arguments = ["replay", "-"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("card_id,review_time,rating\nk,2024-01-01T00:00:00Z,4\n".utf8))
        try input.fileHandleForWriting.close()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(
            stdout == ReplayCommandTests.header
                + "k,2024-01-01T00:00:00Z,4,review,,8.295600,1.000000,2024-01-09T00:00:00Z\n")
    }

    static let header = "card_id,review_time,rating,state,step,stability,difficulty,due\n"

    static let usageErrors: [([String], String)] = [
        (["--scheduler", "anki"], "the value 'anki' is invalid for '--scheduler <name>': expected fsrs or sm2"),
        (
            ["--learning-steps", "1m,10x"],
            "invalid step \"10x\": expected a whole number and a unit s, m, h or d (like 10m)"
        ),
        (["--parameters", "0.1,0.2"], "FSRS parameters must be 21 numbers (or 19 or 17, which are migrated), got 2"),
        (
            ["--retention", "high"],
            "the value 'high' is invalid for '--retention <r>': expected a number from 0.7 to 0.99, such as 0.9 or 90%"
        ),
        (
            ["--retention", "0.5"],
            "the value '0.5' is invalid for '--retention <r>': expected a number from 0.7 to 0.99, such as 0.9 or 90%"
        ),
        (
            ["--retention", "0.6999"],
            "the value '0.6999' is invalid for '--retention <r>': expected a number from 0.7 to 0.99, such as 0.9 or 90%"
        ),
        (
            ["--desired-retention", "0x1.8p-1"],
            "the value '0x1.8p-1' is invalid for '--desired-retention': expected a number from 0.7 to 0.99, such as 0.9 or 90%"
        ),
        (["--maximum-interval", "0"], "maximum interval 0 must be at least 1 day"),
    ]

    @Test(arguments: usageErrors)
    func invalidOptionsAreUsageErrors(options: [String], message: String) throws {
        let run = try Self.replay(Self.history, options)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("error: \(message)\nusage: recall replay <file> "))
        #expect(run.stderr.split(separator: "\n").count == 2)
    }
}
