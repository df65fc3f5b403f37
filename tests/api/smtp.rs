//! In-process SMTP server for integration tests: a real (plain-text, no TLS, no AUTH)
//! SMTP conversation over TCP on 127.0.0.1, recording every accepted message.
#![allow(dead_code)]

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mail_parser::{MessageParser, MimeHeaders};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::sync::oneshot;
use tokio::task::{JoinHandle, JoinSet};

/// One message accepted by [`TestSmtp`] (envelope plus the dot-unstuffed DATA).
#[derive(Debug, Clone, Default)]
pub struct ReceivedMail {
    pub mail_from: String,
    pub rcpt_to: Vec<String>,
    pub raw: Vec<u8>,
}

impl ReceivedMail {
    pub fn parsed(&self) -> mail_parser::Message<'_> {
        MessageParser::default()
            .parse(&self.raw)
            .expect("TestSmtp: received message could not be parsed")
    }

    pub fn subject(&self) -> String {
        self.parsed().subject().unwrap_or_default().to_string()
    }

    /// The `text/plain` body parts, concatenated ("" if none: no HTML-to-text conversion).
    pub fn text_body(&self) -> String {
        self.bodies(false)
    }

    /// The `text/html` body parts, concatenated ("" if none: no text-to-HTML conversion).
    pub fn html_body(&self) -> String {
        self.bodies(true)
    }

    fn bodies(&self, html: bool) -> String {
        let msg = self.parsed();
        let ids = if html { &msg.html_body } else { &msg.text_body };
        let parts = ids.iter().filter_map(|&id| msg.part(id));
        let parts = parts.filter(|p| p.is_text() && p.is_text_html() == html);
        parts.filter_map(|p| p.text_contents()).collect()
    }

    /// First top-level header `name` (case-insensitive) exactly as received: not decoded,
    /// folding kept, only the leading whitespace and the final CRLF trimmed.
    pub fn header(&self, name: &str) -> Option<String> {
        let text = String::from_utf8_lossy(&self.raw);
        let lines = text.split_inclusive('\n');
        let mut fields: Vec<String> = Vec::new();
        for line in lines.take_while(|l| !l.trim_end_matches(['\r', '\n']).is_empty()) {
            match fields.last_mut() {
                Some(field) if line.starts_with([' ', '\t']) => field.push_str(line),
                _ => fields.push(line.to_string()),
            }
        }
        fields.iter().find_map(|field| {
            let (n, v) = field.split_once(':')?;
            let v = v
                .trim_start_matches([' ', '\t'])
                .trim_end_matches(['\r', '\n']);
            n.trim_end()
                .eq_ignore_ascii_case(name)
                .then(|| v.to_string())
        })
    }

    /// `(content-type, filename, decoded bytes)` for every attachment.
    pub fn attachments(&self) -> Vec<(String, Option<String>, Vec<u8>)> {
        let msg = self.parsed();
        let list = msg.attachments().map(|part| {
            let ctype = match part.content_type() {
                Some(ct) => format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or_default()),
                None => "application/octet-stream".to_string(),
            };
            let name = part.attachment_name().map(str::to_string);
            (ctype, name, part.contents().to_vec())
        });
        list.collect()
    }

    /// What a phone's camera reads off the inline check-in QR code (the
    /// PNG the HTML part shows), if the message has one.
    pub fn checkin_code(&self) -> Option<String> {
        let png = self
            .parts()
            .into_iter()
            .find(|(ct, _)| ct == "image/png")?
            .1;
        let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().expect("a PNG");
        let mut pixels = vec![0; reader.output_buffer_size()];
        let frame = reader.next_frame(&mut pixels).expect("one frame");
        let (width, height) = (frame.width as usize, frame.height as usize);
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
            pixels[y * width + x]
        });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one QR code in the image");
        Some(grids[0].decode().expect("the QR code decodes").1)
    }

    /// Every leaf part (content type, decoded bytes), inline images included.
    pub fn parts(&self) -> Vec<(String, Vec<u8>)> {
        let msg = self.parsed();
        msg.parts
            .iter()
            .filter(|p| !matches!(p.body, mail_parser::PartType::Multipart(_)))
            .map(|part| {
                let ctype = match part.content_type() {
                    Some(ct) => format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or_default()),
                    None => "text/plain".to_string(),
                };
                (ctype, part.contents().to_vec())
            })
            .collect()
    }
}

type Store = Arc<Mutex<Vec<ReceivedMail>>>;

/// A tiny SMTP server on 127.0.0.1 that records everything it receives.
pub struct TestSmtp {
    port: u16,
    store: Store,
    /// While set, connections are accepted and then never answered (a mail
    /// server that hangs).
    silent: Arc<std::sync::atomic::AtomicBool>,
    /// Recipients refused for good (550 at RCPT TO).
    refused: Arc<Mutex<Vec<String>>>,
    running: Option<(oneshot::Sender<()>, JoinHandle<()>)>,
}

impl TestSmtp {
    /// Binds 127.0.0.1 on a free port and starts serving in a background tokio task.
    pub async fn start() -> TestSmtp {
        let mut server = TestSmtp {
            port: 0,
            store: Store::default(),
            silent: Default::default(),
            refused: Default::default(),
            running: None,
        };
        server.listen();
        server
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// `smtp://127.0.0.1:PORT` (plain SMTP, no TLS).
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Closes the listener and every open connection; new connections are refused.
    pub async fn stop(&mut self) {
        if let Some((shutdown, task)) = self.running.take() {
            let _ = shutdown.send(());
            let _ = task.await;
        }
    }

    /// Listens again on the same port (stopping first if still running). Keeps messages.
    pub async fn restart(&mut self) {
        self.stop().await;
        self.listen();
    }

    /// Accept connections but never answer (`true`), or answer again.
    pub fn set_silent(&self, silent: bool) {
        self.silent
            .store(silent, std::sync::atomic::Ordering::SeqCst);
    }

    /// Refuses mail to `address` for good, as a server does for a mailbox
    /// that does not exist.
    pub fn refuse_recipient(&self, address: &str) {
        self.refused.lock().unwrap().push(address.to_string());
    }

    /// Takes `address` again (the mailbox was fixed).
    pub fn accept_recipient(&self, address: &str) {
        self.refused
            .lock()
            .unwrap()
            .retain(|refused| refused != address);
    }

    /// Everything received so far, in order of completion.
    /// How many messages arrived so far (cheaper than `messages`).
    pub fn count(&self) -> usize {
        self.store.lock().expect("store").len()
    }

    pub fn messages(&self) -> Vec<ReceivedMail> {
        self.store.lock().unwrap().clone()
    }

    /// Polls until at least `n` messages arrived; panics with a clear message on timeout.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<ReceivedMail> {
        let deadline = Instant::now() + timeout;
        loop {
            let msgs = self.messages();
            if msgs.len() >= n {
                return msgs;
            }
            if Instant::now() >= deadline {
                let subjects: Vec<String> = msgs.iter().map(ReceivedMail::subject).collect();
                panic!(
                    "TestSmtp on port {}: expected at least {n} message(s) within {timeout:?}, \
                     got {}; subjects so far: {subjects:?}",
                    self.port,
                    msgs.len()
                );
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    fn listen(&mut self) {
        let addr = std::net::SocketAddr::from(([127, 0, 0, 1], self.port));
        let socket = TcpSocket::new_v4().expect("TestSmtp: socket");
        // SO_REUSEADDR: the closed connections' TIME_WAIT must not block restart().
        socket.set_reuseaddr(true).expect("TestSmtp: SO_REUSEADDR");
        let listener = socket.bind(addr).and_then(|()| socket.listen(128));
        let listener =
            listener.unwrap_or_else(|e| panic!("TestSmtp: cannot listen on {addr}: {e}"));
        self.port = listener.local_addr().expect("TestSmtp: local_addr").port();
        let (tx, rx) = oneshot::channel();
        let task = tokio::spawn(accept_loop(
            listener,
            self.store.clone(),
            self.silent.clone(),
            self.refused.clone(),
            rx,
        ));
        self.running = Some((tx, task));
    }
}

async fn accept_loop(
    listener: TcpListener,
    store: Store,
    silent: Arc<std::sync::atomic::AtomicBool>,
    refused: Arc<Mutex<Vec<String>>>,
    mut shutdown: oneshot::Receiver<()>,
) {
    let mut conns = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut shutdown => break, // stop(), or TestSmtp dropped

            Some(_) = conns.join_next(), if !conns.is_empty() => {}
            accepted = listener.accept() => {
                if let Ok((stream, _)) = accepted {
                    if silent.load(std::sync::atomic::Ordering::SeqCst) {
                        conns.spawn(hang(stream));
                    } else {
                        conns.spawn(session(stream, store.clone(), refused.clone()));
                    }
                }
            }
        }
    }
    drop(listener);
    conns.shutdown().await; // abort and wait, so every client socket is really closed
}

/// Holds the connection open, reads what comes, says nothing.
async fn hang(mut stream: TcpStream) -> std::io::Result<()> {
    use tokio::io::AsyncReadExt;
    let mut buf = [0u8; 1024];
    while stream.read(&mut buf).await? > 0 {}
    Ok(())
}

async fn session(
    stream: TcpStream,
    store: Store,
    refused: Arc<Mutex<Vec<String>>>,
) -> std::io::Result<()> {
    let (read, mut w) = stream.into_split();
    let mut r = BufReader::new(read);
    w.write_all(b"220 127.0.0.1 TestSmtp ESMTP\r\n").await?;
    let mut tx: Option<ReceivedMail> = None; // the mail transaction in progress
    let mut line = Vec::new();
    loop {
        line.clear();
        if r.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&line);
        let cmd = text.trim_end_matches(['\r', '\n']);
        let verb = cmd.split(' ').next().unwrap_or("").to_ascii_uppercase();
        let upper = cmd.to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" | "HELO" => {
                tx = None;
                if verb == "EHLO" {
                    b"250-127.0.0.1\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 PIPELINING\r\n"
                } else {
                    b"250 127.0.0.1\r\n"
                }
            }
            "MAIL" if upper.starts_with("MAIL FROM:") => match (&tx, address(&cmd[10..])) {
                (Some(_), _) => b"503 5.5.1 Nested MAIL command\r\n",
                (None, Some(mail_from)) => {
                    tx = Some(ReceivedMail {
                        mail_from,
                        ..Default::default()
                    });
                    b"250 2.1.0 OK\r\n"
                }
                (None, None) => b"501 5.5.4 Syntax: MAIL FROM:<address>\r\n",
            },
            "RCPT" if upper.starts_with("RCPT TO:") => match (&mut tx, address(&cmd[8..])) {
                (None, _) => b"503 5.5.1 Need MAIL before RCPT\r\n",
                (Some(_), Some(addr)) if refused.lock().unwrap().contains(&addr) => {
                    b"550 5.1.1 No such mailbox\r\n"
                }
                (Some(tx), Some(addr)) if !addr.is_empty() => {
                    tx.rcpt_to.push(addr);
                    b"250 2.1.5 OK\r\n"
                }
                _ => b"501 5.5.4 Syntax: RCPT TO:<address>\r\n",
            },
            "MAIL" | "RCPT" => b"501 5.5.4 Syntax error in parameters\r\n",
            "DATA" if tx.as_ref().is_none_or(|t| t.rcpt_to.is_empty()) => {
                b"503 5.5.1 Need MAIL and RCPT\r\n"
            }
            "DATA" => {
                w.write_all(b"354 End data with <CRLF>.<CRLF>\r\n").await?;
                let mut mail = tx.take().expect("checked above");
                loop {
                    line.clear();
                    if r.read_until(b'\n', &mut line).await? == 0 {
                        return Ok(()); // connection dropped mid-DATA: discard
                    }
                    if line == b".\r\n" || line == b".\n" {
                        break;
                    }
                    let unstuffed = line.strip_prefix(b".").unwrap_or(&line);
                    mail.raw.extend_from_slice(unstuffed);
                }
                store.lock().unwrap().push(mail);
                b"250 2.0.0 OK: queued\r\n"
            }
            "RSET" => {
                tx = None;
                b"250 2.0.0 OK\r\n"
            }
            "NOOP" => b"250 2.0.0 OK\r\n",
            "QUIT" => {
                w.write_all(b"221 2.0.0 Bye\r\n").await?;
                return w.shutdown().await;
            }
            _ => b"500 5.5.2 Command not recognized\r\n",
        };
        w.write_all(reply).await?;
    }
}

/// `<addr> [PARAMS]` or bare `addr` → `addr` (`<>` gives the empty null sender).
fn address(arg: &str) -> Option<String> {
    let arg = arg.trim_start();
    match arg.strip_prefix('<') {
        Some(rest) => rest.split_once('>').map(|(a, _)| a.to_string()),
        None => arg.split_whitespace().next().map(str::to_string),
    }
}
