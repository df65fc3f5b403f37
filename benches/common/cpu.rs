//! Where the CPU of a benchmark run goes: the server, the load generator,
//! PostgreSQL and the whole machine, read from /proc (Linux).

/// CPU seconds (user + system) used so far, from /proc.
#[derive(Clone, Copy)]
pub struct CpuUse {
    /// The server process given to `now`.
    pub server: f64,
    /// This process.
    pub generator: f64,
    pub postgres: f64,
    /// Every core's busy time: all but idle and I/O wait.
    pub machine: f64,
}

impl CpuUse {
    pub fn now(server_pid: u32) -> CpuUse {
        CpuUse {
            server: process_cpu_seconds(&server_pid.to_string()),
            generator: process_cpu_seconds("self"),
            postgres: postgres_cpu_seconds(),
            machine: machine_busy_seconds(),
        }
    }
}

/// Clock ticks per second in /proc (USER_HZ, 100 on Linux).
const TICKS: f64 = 100.0;

fn process_cpu_seconds(pid: &str) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // After the command name in parentheses: utime and stime are fields 14 and 15.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: f64 = after
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|t| t.parse::<f64>().ok())
        .sum();
    ticks / TICKS
}

/// All processes named `postgres` (the server and its backends); 0 with SQLite.
fn postgres_cpu_seconds() -> f64 {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0.0;
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|pid| pid.bytes().all(|b| b.is_ascii_digit()))
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .is_ok_and(|c| c.trim() == "postgres")
        })
        .map(|pid| process_cpu_seconds(&pid))
        .sum()
}

fn machine_busy_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let ticks: Vec<f64> = stat
        .lines()
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .skip(1)
        .filter_map(|t| t.parse().ok())
        .collect();
    // user nice system idle iowait irq softirq steal …
    let idle = ticks.get(3).copied().unwrap_or(0.0) + ticks.get(4).copied().unwrap_or(0.0);
    (ticks.iter().take(8).sum::<f64>() - idle) / TICKS
}
