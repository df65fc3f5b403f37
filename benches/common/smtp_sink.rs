//! A mail server for the benchmarks: a real SMTP conversation over loopback
//! that counts the messages it accepts and keeps none of them (a rush
//! sends tens of thousands; keeping them would measure this process's
//! memory). The servers of a deployment talk SMTP, so the benchmark does
//! too, not the development fallback of one `.eml` file per message.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

pub struct SmtpSink {
    port: u16,
    accepted: Arc<AtomicUsize>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("sink port");
        let port = listener.local_addr().expect("sink address").port();
        let accepted = Arc::new(AtomicUsize::new(0));
        let counter = accepted.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(converse(stream, counter.clone()));
            }
        });
        SmtpSink { port, accepted }
    }

    /// `COHORT_SMTP_URL` for the server.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Messages accepted so far.
    pub fn accepted(&self) -> usize {
        self.accepted.load(Ordering::Relaxed)
    }
}

async fn converse(stream: TcpStream, accepted: Arc<AtomicUsize>) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    let mut line = Vec::new();
    write.write_all(b"220 sink ESMTP\r\n").await?;
    loop {
        line.clear();
        if lines.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let verb = line
            .get(..4)
            .map(|v| v.to_ascii_uppercase())
            .unwrap_or_default();
        let reply: &[u8] = match verb.as_slice() {
            // As a real server (Postfix) does: PIPELINING lets the client
            // send the message end without waiting on its own small writes.
            b"EHLO" => b"250-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 PIPELINING\r\n",
            b"DATA" => {
                write.write_all(b"354 go on\r\n").await?;
                // Up to the line that is a lone dot.
                loop {
                    line.clear();
                    if lines.read_until(b'\n', &mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == b".\r\n" {
                        break;
                    }
                }
                accepted.fetch_add(1, Ordering::Relaxed);
                b"250 kept\r\n"
            }
            b"QUIT" => {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            }
            _ => b"250 ok\r\n",
        };
        write.write_all(reply).await?;
    }
}
