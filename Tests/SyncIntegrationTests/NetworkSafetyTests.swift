import Foundation
import JoinupTestSupport
import Testing

/// What an attacker on the network side tries, against the real binaries: a gzip bomb, a proxy
/// waiting for the token, redirects off the remote, a password in the remote URL, a token or a
/// queued request sent to another remote (issue 12, findings 1, 2, 4, 7, 11, 12).
@Suite(.serialized) struct NetworkSafetyTests {
    static let ospo = "ec-open-source-programme-office"

    /// A folder for one test: `joinup` runs with its data, config, HOME and TMPDIR inside it, and
    /// with no proxy settings unless the test gives some.
    struct Sandbox {
        let folder: TemporaryFolder

        init() throws { folder = try TemporaryFolder() }

        var environment: [String: String] {
            var environment = ["HOME": folder.path("home"), "TMPDIR": folder.path("tmp"), "XDG_CACHE_HOME": folder.path("home/.cache")]
            for name in ["http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY"] {
                environment[name] = ""
            }
            return environment
        }

        /// Runs the built `joinup` off the cooperative pool (see `runBlocking`).
        func joinup(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> CommandResult {
            let all = arguments + ["--data-dir", folder.path("data"), "--config-dir", folder.path("config")]
            let environment = environment.merging(extra) { $1 }
            return try await runBlocking { try runCommand(builtBinary("joinup"), all, environment: environment) }
        }

        /// A state folder for `joinup-remote --state-dir` with the test users (membership API).
        func remoteState() throws -> URL {
            let state = folder.url.appendingPathComponent("remote-state")
            try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
            try membershipUsers.write(to: state.appendingPathComponent("users.json"), atomically: true, encoding: .utf8)
            return state
        }

        /// Every byte of every file under the data and config folders, as text.
        func storedText() throws -> String {
            var text = ""
            for root in ["data", "config"] {
                let base = folder.url.appendingPathComponent(root)
                guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
                for case let name as String in walker {
                    if let data = FileManager.default.contents(atPath: base.appendingPathComponent(name).path) {
                        text += String(decoding: data, as: UTF8.self)
                    }
                }
            }
            return text
        }
    }

    // MARK: - Finding 1: gzip bomb

    @Test func aGzipBombStopsAtTheLimitAndTheSyncStaysUnderAHundredMegabytes() async throws {
        let box = try Sandbox()
        // 1 GB of zeros in about 1 MB of gzip: before, the client inflated it all (1.1 GB of memory per MB sent).
        let remote = try RemoteProcess(data: fixtureFolder, extra: ["--fault", "gzip-bomb=1GB,path=feed.xml"], folder: box.folder)
        defer { remote.server.stop() }
        // Peak memory of the child, from the kernel's own count (python's getrusage of its children).
        let measure = """
            import resource, subprocess, sys
            code = subprocess.run(sys.argv[1:]).returncode
            print("maxrss_kb", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)
            sys.exit(code)
            """
        let arguments = ["python3", "-c", measure, builtBinary("joinup"), "sync", "--remote", remote.base, "--collection", Self.ospo,
                         "--data-dir", box.folder.path("data"), "--config-dir", box.folder.path("config")]
        let environment = box.environment
        let result = try await runBlocking { try runCommand("/usr/bin/env", arguments, environment: environment) }
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("inflates more than 100-fold"), "\(result.stderr)")
        let line = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("maxrss_kb") })
        let kilobytes = try #require(Int(line.split(separator: " ")[1]))
        #expect(kilobytes < 100 * 1024, "peak memory \(kilobytes / 1024) MB while refusing a gzip bomb")
        #expect(remote.requests().contains { $0.contains("feed.xml") })
    }

    // MARK: - Finding 2: the token and proxies

    /// A proxy on loopback that logs every byte it is sent (up to the end of the headers) and answers 502.
    func loggingProxy(_ box: Sandbox) throws -> (ServerProcess, log: String) {
        let log = box.folder.path("proxy.log")
        let script = """
            import socket, sys, threading
            log = open(sys.argv[1], "ab", buffering=0)
            server = socket.socket(); server.bind(("127.0.0.1", 0)); server.listen(16)
            print("http://127.0.0.1:%d" % server.getsockname()[1], flush=True)
            def serve(conn):
                conn.settimeout(3)
                data = b""
                try:
                    while b"\\r\\n\\r\\n" not in data and len(data) < 65536:
                        chunk = conn.recv(4096)
                        if not chunk: break
                        data += chunk
                except OSError:
                    pass
                log.write(data + b"\\n--\\n")
                try: conn.sendall(b"HTTP/1.1 502 Bad Gateway\\r\\nContent-Length: 0\\r\\nConnection: close\\r\\n\\r\\n")
                except OSError: pass
                conn.close()
            while True:
                conn, _ = server.accept()
                threading.Thread(target=serve, args=(conn,), daemon=True).start()
            """
        let path = box.folder.path("proxy.py")
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        return (try ServerProcess(executable: "/usr/bin/env", arguments: ["python3", path, log], folder: box.folder), log)
    }

    @Test func noTokenLeavesThroughAProxyAndLoopbackIsReachedDirectly() async throws {
        let box = try Sandbox()
        let state = try box.remoteState()
        let remote = try RemoteProcess(data: fixtureFolder, extra: ["--state-dir", state.path], folder: box.folder)
        defer { remote.server.stop() }
        let (proxy, log) = try loggingProxy(box)
        defer { proxy.stop() }
        let proxied = ["http_proxy": proxy.base, "https_proxy": proxy.base, "all_proxy": proxy.base, "ALL_PROXY": proxy.base]

        #expect(try await box.joinup(["sync", "--remote", remote.base], environment: proxied).status == 0)
        try "t-ana\n".write(toFile: box.folder.path("token"), atomically: true, encoding: .utf8)
        let login = try await box.joinup(["login", "--token-file", box.folder.path("token"), "--remote", remote.base], environment: proxied)
        #expect(login.status == 0, "\(login.stderr)")
        let join = try await box.joinup(["join", Self.ospo, "--yes", "--remote", remote.base], environment: proxied)
        #expect(join.status == 0, "\(join.stderr)")
        let check = try await box.joinup(["whoami", "--check", "--remote", remote.base], environment: proxied)
        #expect(check.stdout.contains("Signed in as Ana"), "\(check.stdout)\(check.stderr)")
        #expect(try String(contentsOfFile: log, encoding: .utf8).isEmpty, "the proxy was used for a loopback remote")
        #expect(remote.requests().contains { $0.hasPrefix("POST /collection/\(Self.ospo)/join") })

        // The same proxy is used for a remote elsewhere (so the check above can fail); over https the
        // token would travel inside the tunnel: the proxy sees CONNECT and never an Authorization header.
        try "t-far\n".write(toFile: box.folder.path("token2"), atomically: true, encoding: .utf8)
        let far = "https://joinup.invalid"
        _ = try await box.joinup(["login", "--token-file", box.folder.path("token2"), "--remote", far], environment: proxied)
        _ = try await box.joinup(["whoami", "--check", "--remote", far], environment: proxied)
        _ = try await box.joinup(["sync", "--remote", "http://joinup.invalid", "--collection", "x"], environment: proxied)
        let seen = try String(contentsOfFile: log, encoding: .utf8)
        #expect(seen.contains("CONNECT joinup.invalid:443"), "\(seen)")
        #expect(seen.contains("CONNECT joinup.invalid:80"), "\(seen)")
        #expect(!seen.lowercased().contains("authorization"), "\(seen)")
        #expect(!seen.contains("t-far") && !seen.contains("t-ana"))
    }

    @Test func aTokenGoesOnlyToTheOriginThatIssuedItAndRequestsOnlyToTheirCollectionsRemote() async throws {
        let box = try Sandbox()
        let state = try box.remoteState()
        let home = try RemoteProcess(data: fixtureFolder, extra: ["--state-dir", state.path], folder: box.folder)
        defer { home.server.stop() }
        let elsewhere = try RemoteProcess(data: fixtureFolder, extra: ["--state-dir", state.path], folder: box.folder)
        defer { elsewhere.server.stop() }

        #expect(try await box.joinup(["sync", "--remote", home.base, "--collection", Self.ospo]).status == 0)
        try "t-ana\n".write(toFile: box.folder.path("token"), atomically: true, encoding: .utf8)
        #expect(try await box.joinup(["login", "--token-file", box.folder.path("token"), "--remote", home.base]).status == 0)

        // JOINUP_REMOTE (or --remote, or config.toml) pointing elsewhere gets neither the token nor the request.
        let redirected = try await box.joinup(["join", Self.ospo, "--yes"], environment: ["JOINUP_REMOTE": elsewhere.base])
        #expect(redirected.status == 3, "\(redirected.stdout)\(redirected.stderr)")
        #expect(redirected.stderr.contains("joinup: not signed in"), "\(redirected.stderr)")
        #expect(!elsewhere.requests().contains { $0.hasPrefix("POST") || $0.contains("/user") })
        let whoami = try await box.joinup(["whoami", "--check", "--remote", elsewhere.base])
        #expect(whoami.status == 1 && whoami.stdout.contains("Not signed in"), "\(whoami.stdout)")

        // Signed in there too, the request still waits for the remote its collection came from.
        #expect(try await box.joinup(["login", "--token-file", box.folder.path("token"), "--remote", elsewhere.base]).status == 0)
        let stillWaiting = try await box.joinup(["outbox", "--retry", "--remote", elsewhere.base])
        #expect(stillWaiting.status == 3, "\(stillWaiting.stdout)\(stillWaiting.stderr)")
        #expect(stillWaiting.stdout.contains("was synced from \(home.base)"), "\(stillWaiting.stdout)")
        #expect(!elsewhere.requests().contains { $0.hasPrefix("POST") })
        // Back at its own remote it is delivered.
        let delivered = try await box.joinup(["outbox", "--retry", "--remote", home.base])
        #expect(delivered.status == 0, "\(delivered.stdout)\(delivered.stderr)")
        #expect(home.requests().contains { $0.hasPrefix("POST /collection/\(Self.ospo)/join") })
    }

    @Test func aConfigFileOthersCanWriteIsNotUsed() async throws {
        let box = try Sandbox()
        let config = box.folder.path("config")
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        let file = config + "/config.toml"
        try "remote = \"http://127.0.0.1:9\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        chmod(config, 0o700)
        chmod(file, 0o666)
        let check = try await box.joinup(["config", "--check"])
        #expect(check.status == 1)
        #expect((check.stdout + check.stderr).contains("can be changed by others (mode 666)"), "\(check.stdout)\(check.stderr)")
        let sync = try await box.joinup(["sync"])
        #expect(sync.stderr.contains("no remote") || sync.stderr.contains("--remote"), "the file's remote was used: \(sync.stderr)")
        chmod(file, 0o600)
        #expect(try await box.joinup(["config", "--check"]).status == 0)
    }

    // MARK: - Finding 4: redirects

    @Test func feedRedirectsOffTheRemoteAreRefusedAndNamed() async throws {
        let box = try Sandbox()
        let other = try RemoteProcess(data: fixtureFolder, folder: box.folder)
        defer { other.server.stop() }
        for target in ["http://169.254.169.254/latest/meta-data/", other.base + "/collection/\(Self.ospo)/feed.xml"] {
            let remote = try RemoteProcess(data: fixtureFolder, extra: ["--fault", "redirect=\(target),path=feed.xml"], folder: box.folder)
            defer { remote.server.stop() }
            let sync = try await box.joinup(["sync", "--remote", remote.base, "--collection", Self.ospo])
            #expect(sync.status == 1)
            #expect(sync.stderr.contains("redirected to \(target)"), "\(sync.stderr)")
            #expect(sync.stderr.contains("outside \(remote.base)"), "\(sync.stderr)")
        }
        #expect(!other.requests().contains { $0.contains("feed.xml") }, "the redirect to another port was followed")

        // Within the remote a redirect is followed.
        let moved = try RemoteProcess(data: fixtureFolder, extra: ["--fault", "redirect=/collection/\(Self.ospo)/feed.xml?moved,path=feed.xml,first=1"],
                                      folder: box.folder)
        defer { moved.server.stop() }
        let followed = try await box.joinup(["sync", "--remote", moved.base, "--collection", Self.ospo])
        #expect(followed.status == 0, "\(followed.stderr)")
        #expect(moved.requests().contains { $0.contains("feed.xml?moved") })
    }

    @Test func aLinkLocalRemoteIsNeverContacted() async throws {
        let box = try Sandbox()
        let sync = try await box.joinup(["sync", "--remote", "http://169.254.169.254", "--collection", "x", "--timeout", "2"])
        #expect(sync.status == 1)
        #expect(sync.stderr.contains("refusing to contact 169.254.169.254"), "\(sync.stderr)")
    }

    // MARK: - Finding 11: redirects of signed-in requests

    @Test func aRedirectedJoinStaysQueuedAndARedirectedLoginStoresNothing() async throws {
        let box = try Sandbox()
        let state = try box.remoteState()
        let remote = try RemoteProcess(data: fixtureFolder, extra: ["--state-dir", state.path, "--fault", "redirect=http://127.0.0.1:9/elsewhere,path=/join",
                                                                   "--fault", "redirect=http://127.0.0.1:9/user,path=/user"],
                                       folder: box.folder)
        defer { remote.server.stop() }
        #expect(try await box.joinup(["sync", "--remote", remote.base, "--collection", Self.ospo]).status == 0)
        try "t-ana\n".write(toFile: box.folder.path("token"), atomically: true, encoding: .utf8)
        let login = try await box.joinup(["login", "--token-file", box.folder.path("token"), "--remote", remote.base])
        #expect(login.status == 1, "\(login.stdout)\(login.stderr)")
        #expect(login.stderr.contains("redirected the sign-in check to http://127.0.0.1:9/user"), "\(login.stderr)")
        #expect(!FileManager.default.fileExists(atPath: box.folder.path("config/credentials")))

        // Stored by hand (as a login before the redirect appeared would have): the join is kept, with the reason.
        let store = box.folder.path("config")
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        _ = FileManager.default.createFile(atPath: store + "/credentials",
                                           contents: Data(#"{"accounts":[{"origin":"\#(remote.base)","token":"t-ana"}]}"#.utf8),
                                           attributes: [.posixPermissions: 0o600])
        let join = try await box.joinup(["join", Self.ospo, "--yes", "--remote", remote.base])
        #expect(join.status == 3, "\(join.stdout)\(join.stderr)")
        #expect(join.stderr.contains("redirected the request to http://127.0.0.1:9/elsewhere"), "\(join.stderr)")
        let outbox = try await box.joinup(["outbox"]).stdout
        #expect(outbox.contains("join\t\(Self.ospo)"), "\(outbox)")
    }

    // MARK: - Finding 7: a password in the remote URL

    @Test func aPasswordInTheRemoteURLIsNeverStoredNorPrinted() async throws {
        let box = try Sandbox()
        let remote = try RemoteProcess(data: fixtureFolder, folder: box.folder)
        defer { remote.server.stop() }
        let withPassword = remote.base.replacingOccurrences(of: "http://", with: "http://alice:s3cr3t-pw@")
        let sync = try await box.joinup(["sync", "--remote", withPassword])
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(sync.stderr.contains("user name and password in the remote URL are ignored"))
        let dead = try await box.joinup(["sync", "--remote", "http://alice:s3cr3t-pw@127.0.0.1:9", "--collection", Self.ospo])
        #expect(dead.status == 1)
        let aboutRun = try await box.joinup(["about", "--collection", Self.ospo, "--json"])
        #expect(aboutRun.status == 0, "\(aboutRun.stderr)")
        let about = aboutRun.stdout
        #expect(about.contains("\"pageURL\":\"\(remote.base)/collection/\(Self.ospo)\""), "\(about)")
        for output in [sync.stdout, sync.stderr, dead.stdout, dead.stderr, try box.storedText(), about] {
            #expect(!output.contains("s3cr3t-pw") && !output.contains("alice"), "\(output.prefix(300))")
        }
        #expect(!remote.requests().isEmpty)
    }

    // MARK: - Finding 12: no scratch folder in TMPDIR or HOME

    @Test func aSyncWritesNothingOutsideItsDataFolder() async throws {
        let box = try Sandbox()
        for name in ["home", "tmp"] {
            try FileManager.default.createDirectory(atPath: box.folder.path(name), withIntermediateDirectories: true)
        }
        let remote = try RemoteProcess(data: fixtureFolder, folder: box.folder)
        defer { remote.server.stop() }
        #expect(try await box.joinup(["sync", "--remote", remote.base]).status == 0)
        // Before, Foundation's networking made `$TMPDIR/joinup-foundation-UID` (used even when another user made it 0777).
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.folder.path("tmp")) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.folder.path("home")) == [])
    }
}
