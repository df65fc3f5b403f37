fn main() -> anyhow::Result<()> {
    cohort::cli::main()
}
