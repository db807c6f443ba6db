//! How long the language server takes to answer on the bundled corpus: each request timed from
//! the client's send to its response, over an in-memory connection to the real server loop
//! (`historiograph::lsp::serve`), beside a baseline in the same run: loading the corpus folder
//! with `Corpus::load`.
//!
//! Two cases per request: the corpus unchanged since the last request (the reading is reused),
//! and a change just before it (`didChange` with the file's text, so the server reads the
//! corpus again: loader, position index, debate). The target is 100 ms for every request.
//!
//! `cargo bench --bench lsp` takes under a minute; `cargo test --benches` runs each once.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use historiograph::Corpus;
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{json, Value};

struct Client {
    connection: Connection,
    next: i32,
}

impl Client {
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = RequestId::from(self.next);
        let request = Request::new(id.clone(), method.into(), params);
        self.connection.sender.send(request.into()).unwrap();
        loop {
            match self.connection.receiver.recv().expect("the server answers") {
                Message::Response(r) if r.id == id => {
                    assert!(r.error.is_none(), "{method}: {:?}", r.error);
                    return r.result.unwrap_or(Value::Null);
                }
                _ => {} // diagnostics
            }
        }
    }

    fn notify(&self, method: &str, params: Value) {
        let n = Notification::new(method.into(), params);
        self.connection.sender.send(n.into()).unwrap();
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// `(line, character)` of the first `needle` in `text`, plus `offset`.
fn find(text: &str, needle: &str, offset: u32) -> Value {
    let (line, column) = (text.lines().enumerate())
        .find_map(|(n, l)| l.find(needle).map(|c| (n as u32, c as u32)))
        .expect("the needle is in the file");
    json!({"line": line, "character": column + offset})
}

fn lsp(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("claims")
        .canonicalize()
        .unwrap();
    let file = root.join("10-gottwald-letter.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let (server, client) = Connection::memory();
    let serving = std::thread::spawn(move || historiograph::lsp::serve(server, None));
    let mut client = Client {
        connection: client,
        next: 0,
    };
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": uri(&root), "capabilities": {}}),
    );
    client.notify("initialized", json!({}));
    let doc = json!({"uri": uri(&file)});
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri(&file), "languageId": "yaml", "version": 1, "text": text}}),
    );
    let reference = find(&text, "document: stalin-gottwald-1950-08-27", 15);
    let completion = find(&text, "proponents: [", 13);
    let requests = [
        (
            "hover",
            "textDocument/hover",
            json!({"textDocument": doc, "position": reference}),
        ),
        (
            "definition",
            "textDocument/definition",
            json!({"textDocument": doc, "position": reference}),
        ),
        (
            "references",
            "textDocument/references",
            json!({"textDocument": doc, "position": reference, "context": {"includeDeclaration": true}}),
        ),
        (
            "completion",
            "textDocument/completion",
            json!({"textDocument": doc, "position": completion}),
        ),
        (
            "rename",
            "textDocument/rename",
            json!({"textDocument": doc, "position": reference, "newName": "gottwald-letter"}),
        ),
    ];

    let mut group = c.benchmark_group("lsp on the bundled corpus");
    group.sample_size(20);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("baseline: Corpus::load", |b| {
        b.iter(|| black_box(Corpus::load(&root).unwrap()))
    });
    for (name, method, params) in &requests {
        group.bench_function(format!("{name}, corpus unchanged"), |b| {
            b.iter(|| black_box(client.request(method, params.clone())))
        });
    }
    let mut version = 1;
    for (name, method, params) in &requests {
        group.bench_function(format!("{name} after a change"), |b| {
            b.iter(|| {
                version += 1;
                client.notify(
                    "textDocument/didChange",
                    json!({"textDocument": {"uri": uri(&file), "version": version}, "contentChanges": [{"text": text}]}),
                );
                black_box(client.request(method, params.clone()))
            })
        });
    }
    group.finish();

    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    serving.join().unwrap().unwrap();
}

criterion_group!(benches, lsp);
criterion_main!(benches);
