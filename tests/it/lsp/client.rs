//! A client for the language server under test: the real binary, spoken to over its standard
//! input and output with JSON-RPC messages framed by `Content-Length` headers.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const WAIT: Duration = Duration::from_secs(20);

/// The server under test, and what it has sent that no request has consumed.
pub struct Client {
    child: Child,
    stdin: ChildStdin,
    received: Receiver<Value>,
    notifications: Vec<Value>,
    /// The diagnostics published before those [`Client::diagnostics`] last returned.
    pub passed: Vec<Value>,
    next: i64,
}

impl Client {
    pub fn start(root: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_historiograph"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the binary starts");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (send, received) = mpsc::channel();
        std::thread::spawn(move || {
            while let Some(message) = read_message(&mut stdout) {
                if send.send(message).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            received,
            notifications: Vec::new(),
            passed: Vec::new(),
            next: 0,
        };
        let init = client.request(
            "initialize",
            json!({"processId": null, "rootUri": uri(root), "capabilities": {}}),
        );
        let capabilities = &init["result"]["capabilities"];
        for provider in ["definitionProvider", "referencesProvider", "hoverProvider"] {
            assert_eq!(capabilities[provider], json!(true), "{init}");
        }
        assert_eq!(
            capabilities["renameProvider"]["prepareProvider"],
            json!(true)
        );
        assert!(capabilities["completionProvider"].is_object());
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn next_message(&mut self, deadline: Instant) -> Value {
        let left = deadline.saturating_duration_since(Instant::now());
        self.received
            .recv_timeout(left)
            .expect("the server answers in time")
    }

    /// Sends a request and returns the whole response (`result` or `error`).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let deadline = Instant::now() + WAIT;
        loop {
            let message = self.next_message(deadline);
            if message["id"] == json!(id) {
                return message;
            }
            self.notifications.push(message);
        }
    }

    /// The first diagnostics published for `file` that satisfy `wanted`, waiting for them.
    pub fn diagnostics(&mut self, file: &Path, wanted: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let uri = uri(file);
        let deadline = Instant::now() + WAIT;
        let mut seen = 0;
        self.passed.clear();
        loop {
            while seen < self.notifications.len() {
                let n = &self.notifications[seen];
                seen += 1;
                if n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri {
                    let list = n["params"]["diagnostics"].as_array().unwrap().clone();
                    if wanted(&list) {
                        self.notifications.drain(..seen);
                        return list;
                    }
                    self.passed.push(n.clone());
                }
            }
            let message = self.next_message(deadline);
            self.notifications.push(message);
        }
    }

    pub fn open(&mut self, file: &Path, text: &str) {
        let params = json!({"textDocument": {"uri": uri(file), "languageId": "yaml", "version": 1, "text": text}});
        self.notify("textDocument/didOpen", params);
    }

    pub fn change(&mut self, file: &Path, version: i64, text: &str) {
        let params = json!({"textDocument": {"uri": uri(file), "version": version}, "contentChanges": [{"text": text}]});
        self.notify("textDocument/didChange", params);
    }

    pub fn at(
        &mut self,
        method: &str,
        file: &Path,
        (line, character): (u32, u32),
        extra: Value,
    ) -> Value {
        let mut params = json!({"textDocument": {"uri": uri(file)}, "position": {"line": line, "character": character}});
        if let (Some(params), Some(extra)) = (params.as_object_mut(), extra.as_object()) {
            params.extend(extra.clone());
        }
        self.request(method, params)
    }

    /// `shutdown`, then `exit`: the process ends with status 0.
    pub fn stop(mut self) {
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response["result"], Value::Null, "{response}");
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "the server exits cleanly: {status}");
                return;
            }
            assert!(Instant::now() < deadline, "the server exits after `exit`");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_message(from: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut header = String::new();
        if from.read_line(&mut header).ok()? == 0 {
            return None;
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some(n) = header.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    from.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

pub fn uri(path: &Path) -> String {
    format!("file://{}", path.display()).replace(' ', "%20")
}
