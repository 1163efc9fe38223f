import Foundation
import Testing

@testable import App

@Suite struct XDGDirectoriesTests {
    @Test func eachDirectoryFollowsItsVariableOrFallsBack() {
        let set = XDGDirectories(environment: [
            "HOME": "/home/k", "XDG_DATA_HOME": "/data", "XDG_STATE_HOME": "/state", "XDG_CONFIG_HOME": "/config",
        ])
        #expect(set.userDecks == "/data/recall/decks")
        #expect(set.defaultStore == "/data/recall/progress.sqlite")
        #expect(set.history == "/state/recall/history")
        #expect(set.config == "/config/recall")
        let unset = XDGDirectories(environment: ["HOME": "/home/k"])
        #expect(unset.userDecks == "/home/k/.local/share/recall/decks")
        #expect(unset.defaultStore == "/home/k/.local/share/recall/progress.sqlite")
        #expect(unset.history == "/home/k/.local/state/recall/history")
        #expect(unset.config == "/home/k/.config/recall")
    }

    @Test func relativeValuesAreIgnoredAsTheSpecSays() {
        let relative = XDGDirectories(environment: [
            "HOME": "/home/k", "XDG_DATA_HOME": "data", "XDG_STATE_HOME": "", "XDG_CONFIG_HOME": "./c",
        ])
        #expect(relative.dataHome == "/home/k/.local/share")
        #expect(relative.stateHome == "/home/k/.local/state")
        #expect(relative.configHome == "/home/k/.config")
    }

    @Test func theCommandsUseIt() {
        let context = CommandContext(
            console: .standard(historyPath: nil),
            xdg: XDGDirectories(environment: ["HOME": "/home/k", "XDG_DATA_HOME": "/data"]))
        #expect(context.searchDirectories.user == "/data/recall/decks")
        if (ProcessInfo.processInfo.environment["RECALL_STORE"] ?? "").isEmpty {
            #expect(context.storePath == "/data/recall/progress.sqlite")
        }
        #expect(context.noDecksMessage == "no decks found: put deck files in /data/recall/decks or pass --decks DIR")
    }
}
