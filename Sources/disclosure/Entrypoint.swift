import DisclosureCLI

/// Entry point only; every command lives in DisclosureCLI so tests can reach it.
@main
struct Entrypoint {
    static func main() async {
        await DisclosureCommand.main()
    }
}
