import ArgumentParser
import Foundation

/// Runs the command and maps exits to Dossier's codes: 0 success, 1 validation failed,
/// 2 bad usage or unusable config (argument-parser's own usage code is 64).
@main
enum Main {
    static func main() {
        do {
            var command = try Dossier.parseAsRoot()
            try command.run()
        } catch {
            let code = Dossier.exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((Dossier.fullMessage(for: error) + "\n").utf8))
                exit(2)
            }
            Dossier.exit(withError: error)
        }
    }
}
