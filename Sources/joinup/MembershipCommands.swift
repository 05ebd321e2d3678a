import ArgumentParser
import Foundation
import JoinupCache
import JoinupModel
import JoinupSync

/// Options shared by `joinup join` and `joinup leave`.
struct MembershipOptions: ParsableArguments {
    @Argument(help: "The collection, by alias or URI (it must be in the cache: `joinup sync` first).")
    var collection: String

    @Flag(help: "Do not ask for confirmation (for scripts; without it joinup asks on a terminal and refuses without one).")
    var yes = false

    @Option(help: ArgumentHelp("Remote to send to (default: $JOINUP_REMOTE, else remote in config.toml).", valueName: "url"))
    var remote: String?

    @Option(help: "Seconds to wait for an answer before giving up (the request then stays queued).")
    var timeout: Int = 15

    @OptionGroup var readonly: ReadonlyOption
    @OptionGroup var options: PathOptions
}

/// `joinup join ALIAS`.
struct Join: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Join a collection (queued durably, then sent). Exit: 0 done, 3 queued, 4 refused, 5 read-only, 6 unknown collection, 2 usage, 1 error.")

    @OptionGroup var membership: MembershipOptions

    func run() async throws { try await MembershipRun(options: membership, kind: .join).run() }
}

/// `joinup leave ALIAS`.
struct Leave: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leave",
        abstract: "Leave a collection (queued durably, then sent). Exit: 0 done, 3 queued, 4 refused, 5 read-only, 6 unknown collection, 2 usage, 1 error.")

    @OptionGroup var membership: MembershipOptions

    func run() async throws { try await MembershipRun(options: membership, kind: .leave).run() }
}

/// The wiring of join/leave: confirm, queue, deliver, report (the rules live in JoinupSync/JoinupModel).
private struct MembershipRun {
    var options: MembershipOptions
    var kind: MembershipActionKind

    func run() async throws {
        let paths = options.options.paths
        let config = ConfigFile.load(paths)
        if options.readonly.isReadonly(config: config) {
            report(readonlyText)
            throw JoinupExit.readonly
        }
        let opened = try OpenedCache.open(options.options, collection: nil)
        guard let collection = try opened.cache.collection(named: options.collection) else {
            report(CacheError.unknownCollection(options.collection).description)
            throw JoinupExit.notFound
        }
        let about = try opened.cache.about(collectionURI: collection.uri)
        let title = TerminalText.line(collection.title)
        if let layout = RemoteSetting.resolve(flag: options.remote, config: config, quiet: true).flatMap(RemoteLayout.init(base:)),
           layout.isJoinupItself {
            // Nothing to queue: Joinup takes joins only on its web page.
            let outcome = MembershipOutcome.noJoinAPI(pageURL: layout.collectionPage(collection.alias))
            report(MembershipWording.message(for: outcome, title: title))
            throw JoinupExit.refused
        }
        if !options.yes {
            guard isatty(STDIN_FILENO) == 1 else {
                report("no terminal to confirm on: pass --yes to \(kind.rawValue) without asking")
                throw JoinupExit.usage
            }
            let question = kind == .join ? MembershipWording.joinQuestion(title: title, isClosed: about.isClosed)
                                         : MembershipWording.leaveQuestion(title: title)
            FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
            guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased().trimmingCharacters(in: .whitespaces)) else {
                print("Cancelled.")
                return
            }
        }
        let action = try opened.cache.enqueue(MembershipRequest(collectionAlias: collection.alias, collectionURI: collection.uri,
                                                               collectionTitle: collection.title, kind: kind))
        let remote = RemoteSetting.resolve(flag: options.remote, config: config)
        let credentials: Credentials?
        do {
            credentials = try CredentialStore(folder: paths.configDirectory).load(for: remote)
        } catch {
            report("\(error.description); the request stays queued")
            throw JoinupExit.queued
        }
        let delivery = OutboxDelivery(cache: opened.cache, client: HTTPClient(limits: HTTPClientLimits(requestTimeout: options.timeout)),
                                      remote: remote, credentials: credentials)
        let results = await delivery.deliver()
        guard let result = results.first(where: { $0.action.id == action.id }) else {
            let blocking = results.last.map { " (\($0.message))" } ?? ""
            report("\(kind == .join ? "Join" : "Leave") queued behind earlier requests\(blocking); see `joinup outbox`")
            throw JoinupExit.queued
        }
        switch result.outcome {
        case .joined, .joinPending, .left, .withdrawn:
            print(TerminalText.line(result.message))
        case .notSignedIn, .queued:
            report(result.message)
            throw JoinupExit.queued
        case .blocked, .ownerCannotLeave, .refused, .noJoinAPI:
            report(result.message)
            throw JoinupExit.refused
        }
    }
}

/// `joinup outbox`: what waits to be sent; retry or cancel.
struct Outbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "List queued join/leave requests; --retry sends them now, --cancel ID drops one.",
        discussion: "Exit: 0 (with --retry: everything delivered), 3 some still queued, 6 no such ID, 5 read-only.")

    @Flag(help: "Send every queued request now, ignoring the backoff.")
    var retry = false

    @Option(help: ArgumentHelp("Drop the queued request with this ID without sending it.", valueName: "id"))
    var cancel: Int64?

    @Option(help: ArgumentHelp("Remote to send to (default: $JOINUP_REMOTE, else remote in config.toml).", valueName: "url"))
    var remote: String?

    @OptionGroup var readonly: ReadonlyOption
    @OptionGroup var options: PathOptions

    func validate() throws {
        if retry && cancel != nil { throw ValidationError("Give --retry or --cancel, not both.") }
    }

    func run() async throws {
        let paths = options.paths
        try paths.createDataDirectory()
        let cache = try CacheDatabase(path: paths.cacheFile)
        if let cancel {
            guard let dropped = try cache.cancelPendingAction(id: cancel) else {
                report("no queued request with ID \(cancel)")
                throw JoinupExit.notFound
            }
            print("Cancelled \(dropped.kind.rawValue) \(TerminalText.line(dropped.collectionAlias)) (ID \(dropped.id)); nothing was sent.")
            return
        }
        if retry {
            let config = ConfigFile.load(paths)
            if readonly.isReadonly(config: config) {
                report(readonlyText)
                throw JoinupExit.readonly
            }
            let remote = RemoteSetting.resolve(flag: remote, config: config)
            let credentials = try? CredentialStore(folder: paths.configDirectory).load(for: remote)
            let delivery = OutboxDelivery(cache: cache, remote: remote, credentials: credentials)
            for result in await delivery.deliver(all: true) {
                print("\(result.action.id)\t\(result.action.kind.rawValue)\t\(TerminalText.line(result.action.collectionAlias))\t\(TerminalText.line(result.message))")
            }
            if try !cache.pendingActions().isEmpty { throw JoinupExit.queued }
            return
        }
        let waiting = try cache.pendingActions()
        if waiting.isEmpty { print("The outbox is empty.") }
        for action in waiting {
            let next = ISO8601DateFormatter().string(from: action.nextAttempt)
            let error = action.lastError.map { TerminalText.line($0) } ?? ""
            print("\(action.id)\t\(action.kind.rawValue)\t\(TerminalText.line(action.collectionAlias))\tattempts \(action.attempts)\tnext \(next)\t\(error)")
        }
    }
}

private let readonlyText = "read-only mode (--readonly or readonly = true in config.toml): nothing that changes the remote is sent"

/// A message on stderr in joinup's style, with network text made one safe line.
private func report(_ message: String) {
    CLIMessage.error(TerminalText.line(message))
}
