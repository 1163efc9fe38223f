// swift-tools-version: 6.0
// recall: a terminal study-guide quiz and flashcard engine.
// Copyright (C) 2026 the recall authors. GPL-3.0-or-later (see LICENSE).

import PackageDescription

let package = Package(
    name: "recall",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "recall", targets: ["recall"]),
        .executable(name: "recall-bench", targets: ["RecallBench"]),
        .executable(name: "recall-fuzz", targets: ["RecallFuzz"]),
    ],
    dependencies: [
        // Command-line parsing with tested, exact usage errors and --help on every command.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // SQLite access with migrations, WAL and typed records (the Progress store).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Reading and writing the zip archives of Anki packages (.apkg, .colpkg), entry by
        // entry with their declared sizes, so that import can refuse zip bombs.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Pure spaced-repetition scheduling: FSRS-6 and SM-2. No I/O, no threads.
        .target(name: "Scheduling"),
        // The replay engine: review histories (CSV) replayed through a scheduler, on two threads.
        .target(name: "Replay", dependencies: ["Scheduling"]),
        // Deck model, JSON loading, validation with precise positions, discovery. No terminal, no database.
        .target(name: "Decks"),
        // Study sessions, quizzes and answer checking as a state machine. No terminal, no database.
        .target(name: "Study", dependencies: ["Scheduling", "Decks"]),
        // Fits FSRS-6 parameters to a review history, as fsrs-rs does. Pure and deterministic.
        .target(name: "Optimizer", dependencies: ["Scheduling"]),
        // The SQLite progress store. Never prints.
        .target(
            name: "Progress",
            dependencies: [
                "Scheduling", "Decks", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // Drafts a deck from a plot, character and theme summary. Pure: text in, deck out.
        .target(name: "Drafting", dependencies: ["Decks"]),
        // Study on several machines: journals in a replicated folder, merged by replaying histories.
        .target(
            name: "DeviceSync",
            dependencies: [
                "Scheduling", "Decks", "Progress", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // GNU readline, as a system library.
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // Zstandard, as a system library: current Anki packages compress their collection,
        // media map and media with it.
        .systemLibrary(
            name: "CZstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        // zlib, as a system library: the export deflates its package at a fast level, which
        // ZIPFoundation does not offer.
        .systemLibrary(
            name: "CZlibDeflate",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Anki packages in and out: reads .apkg/.colpkg (all three collection variants) and
        // Anki's text export into decks and progress; writes decks and progress as .apkg.
        .target(
            name: "Anki",
            dependencies: [
                "Scheduling", "Decks", "Progress", "CZstd", "CZlibDeflate",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Line editing over readline, styled output, sanitising, wrapping, charts.
        .target(name: "Terminal", dependencies: ["CReadline", "Decks"]),
        // The program: every command (one ParsableCommand each, run as `recall X` and at the
        // prompt alike), the prompt, study sessions, quizzes, stats screens. Wires Study and
        // Progress to the terminal.
        .target(
            name: "App",
            dependencies: [
                "Scheduling", "Replay", "Decks", "Study", "Progress", "DeviceSync", "Terminal", "Anki", "Drafting",
                "Optimizer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The executable: one @main file that calls into App.
        .executableTarget(name: "recall", dependencies: ["App"]),
        // libFuzzer targets (`make fuzz`; see Fuzz/README.md): the parsers and checkers that
        // take untrusted input. A new target is one file in Fuzz/Targets and one line in
        // FuzzTarget+All.swift.
        .target(
            name: "FuzzTargets", dependencies: ["Decks", "Study", "Replay", "Scheduling", "DeviceSync", "Anki"],
            path: "Fuzz/Targets"),
        // The fuzzing executable: libFuzzer's main when built with -DFUZZING, else a runner
        // of saved inputs (`recall-fuzz TARGET FILE…`).
        .executableTarget(name: "RecallFuzz", dependencies: ["FuzzTargets"], path: "Fuzz/Driver"),
        // Release-mode benchmarks (run with `make bench`).
        .executableTarget(
            name: "RecallBench",
            dependencies: [
                "Scheduling", "Replay", "Progress", "Decks", "Drafting", "Optimizer", "DeviceSync",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Benchmarks/RecallBench"
        ),
        .testTarget(name: "SchedulingTests", dependencies: ["Scheduling"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "OptimizerTests", dependencies: ["Optimizer", "Scheduling", "Replay"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReplayTests", dependencies: ["Replay", "Scheduling"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DecksTests", dependencies: ["Decks"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StudyTests", dependencies: ["Study"]),
        .testTarget(name: "DraftingTests", dependencies: ["Drafting", "Decks"], exclude: ["Samples"]),
        .testTarget(
            name: "ProgressTests", dependencies: ["Progress", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "AnkiTests",
            dependencies: [
                "Anki", "Decks", "Progress", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets"]),
        .testTarget(
            name: "DeviceSyncTests",
            dependencies: ["DeviceSync", "Progress", "Scheduling", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "AppTests",
            dependencies: ["App", "Progress", "Optimizer", "Scheduling", .product(name: "GRDB", package: "GRDB.swift")]),
        // End-to-end tests: run the built `recall` binary, through pipes and a pseudo-terminal.
        .testTarget(
            name: "EndToEndTests", dependencies: ["recall", "Progress", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
