fn main() {
    // Errors are for people: the message and its causes, no backtrace.
    if let Err(e) = cohort::cli::main(cohort::web::serve) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
