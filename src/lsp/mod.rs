//! `historiograph lsp`: a language server for corpus folders (feature `cli`), on rust-analyzer's
//! `lsp-server` and `lsp-types` crates.
//!
//! It keeps the editor's text of each open file and reads the rest of the corpus from disk.
//! Each reading of the corpus goes through the loader itself, so the diagnostics are the
//! loader's, every problem at once, and the places of ids are the positions the loader records
//! for declarations and references. Diagnostics are published when a file is opened and 200 ms
//! after the last change; requests read the corpus as it is when they arrive. The server
//! answers go to definition, find references, completion of ids in reference fields, hover and
//! rename.
//!
//! A half-typed file is a file with diagnostics: the loader refuses it without panicking, and
//! completion reads the line being typed rather than the parsed tree. Should a request still
//! fail, it is answered with an error and the server goes on.

mod analysis;
mod complete;
mod features;
mod text;

use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CompletionOptions, CompletionParams, CompletionResponse, DiagnosticSeverity,
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    GotoDefinitionParams, GotoDefinitionResponse, HoverParams, HoverProviderCapability,
    InitializeParams, LogMessageParams, MessageType, OneOf, PublishDiagnosticsParams,
    ReferenceParams, RenameOptions, RenameParams, ServerCapabilities, TextDocumentPositionParams,
    TextDocumentSyncCapability, TextDocumentSyncKind,
};
use serde_json::Value;

use crate::diagnostic::Diagnostic;
use analysis::Analysis;
use text::{line_of, path_of, uri_of};

/// How long after the last change diagnostics are published.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// An error out of the server: the connection failed, or a message broke the protocol.
pub type ServeError = Box<dyn Error + Send + Sync>;

/// Runs the language server on standard input and output until the client sends `exit`.
///
/// The corpus is `corpus` when given; otherwise the `corpus` initialization option (relative
/// to the workspace folder); otherwise the workspace folder's `claims/` folder when it has one,
/// else the workspace folder itself; otherwise the folder of the first file opened.
pub fn serve_stdio(corpus: Option<&Path>) -> Result<(), ServeError> {
    let (connection, io) = Connection::stdio();
    serve(connection, corpus)?;
    io.join()?;
    Ok(())
}

/// Runs the language server on a connection (standard input and output, a socket, or
/// `Connection::memory()`), from the `initialize` handshake to `exit`.
pub fn serve(connection: Connection, corpus: Option<&Path>) -> Result<(), ServeError> {
    let capabilities = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".into(), "[".into(), ",".into()]),
            ..CompletionOptions::default()
        }),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        ..ServerCapabilities::default()
    };
    let params = connection.initialize(serde_json::to_value(capabilities)?)?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let mut server = Server {
        connection: &connection,
        root: corpus_root(corpus, &params),
        open: BTreeMap::new(),
        analysis: None,
        published: BTreeSet::new(),
        due: None,
    };
    server.run()
}

/// The corpus folder, as [`serve_stdio`] says.
fn corpus_root(corpus: Option<&Path>, params: &InitializeParams) -> Option<PathBuf> {
    if let Some(dir) = corpus {
        return std::path::absolute(dir).ok();
    }
    #[allow(deprecated)] // `root_uri`, for clients that send no workspace folders
    let workspace = (params.workspace_folders.iter().flatten())
        .map(|f| &f.uri)
        .chain(params.root_uri.as_ref())
        .find_map(path_of);
    let option = (params.initialization_options.as_ref())
        .and_then(|o| o.get("corpus"))
        .and_then(Value::as_str)
        .map(PathBuf::from);
    match (option, workspace) {
        (Some(dir), Some(workspace)) => Some(workspace.join(dir)),
        (Some(dir), None) => std::path::absolute(dir).ok(),
        (None, Some(w)) if w.join("claims").is_dir() => Some(w.join("claims")),
        (None, workspace) => workspace,
    }
}

struct Server<'c> {
    connection: &'c Connection,
    root: Option<PathBuf>,
    /// The editor's text of each open file.
    open: BTreeMap<PathBuf, String>,
    /// The corpus as last read; `None` once a file changed.
    analysis: Option<Analysis>,
    /// The files last given diagnostics, to clear those that have none now.
    published: BTreeSet<PathBuf>,
    /// When to publish diagnostics after a change.
    due: Option<Instant>,
}

impl Server<'_> {
    fn run(&mut self) -> Result<(), ServeError> {
        loop {
            let received = match self.due {
                Some(due) => {
                    let wait = due.saturating_duration_since(Instant::now());
                    match self.connection.receiver.recv_timeout(wait) {
                        Ok(message) => Some(message),
                        Err(e) if e.is_timeout() => {
                            self.due = None;
                            self.publish()?;
                            continue;
                        }
                        Err(_) => None,
                    }
                }
                None => self.connection.receiver.recv().ok(),
            };
            let Some(message) = received else {
                return Ok(()); // the client went away
            };
            match message {
                Message::Request(request) => {
                    if self.connection.handle_shutdown(&request)? {
                        return Ok(());
                    }
                    let response = self.request(request);
                    self.connection.sender.send(response.into())?;
                }
                Message::Notification(n) if n.method == "exit" => return Ok(()),
                Message::Notification(n) => self.notification(n)?,
                Message::Response(_) => {}
            }
        }
    }

    /// The corpus as it is now, read again if anything changed.
    fn analysis(&mut self) -> Option<&Analysis> {
        let root = self.root.as_ref()?;
        if self.analysis.is_none() {
            let open = &self.open;
            self.analysis = catch_unwind(AssertUnwindSafe(|| Analysis::new(root, open))).ok();
        }
        self.analysis.as_ref()
    }

    fn changed(&mut self, now: bool) -> Result<(), ServeError> {
        self.analysis = None;
        if now {
            self.due = None;
            self.publish()
        } else {
            self.due = Some(Instant::now() + DEBOUNCE);
            Ok(())
        }
    }

    fn notification(&mut self, n: Notification) -> Result<(), ServeError> {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let params: DidOpenTextDocumentParams = serde_json::from_value(n.params)?;
                let Some(path) = path_of(&params.text_document.uri) else {
                    return Ok(());
                };
                if self.root.is_none() {
                    self.root = path.parent().map(Path::to_path_buf);
                }
                self.open.insert(path, params.text_document.text);
                self.changed(true)
            }
            "textDocument/didChange" => {
                let params: DidChangeTextDocumentParams = serde_json::from_value(n.params)?;
                let (Some(path), Some(change)) = (
                    path_of(&params.text_document.uri),
                    params.content_changes.into_iter().last(),
                ) else {
                    return Ok(());
                };
                self.open.insert(path, change.text);
                self.changed(false)
            }
            "textDocument/didClose" => {
                let params: DidCloseTextDocumentParams = serde_json::from_value(n.params)?;
                if let Some(path) = path_of(&params.text_document.uri) {
                    self.open.remove(&path);
                }
                self.changed(false)
            }
            "textDocument/didSave" | "workspace/didChangeWatchedFiles" => self.changed(false),
            _ => Ok(()),
        }
    }

    /// Publishes the loader's diagnostics for every file of the corpus, clearing those of files
    /// that have none now; problems outside any file go to the client's log.
    fn publish(&mut self) -> Result<(), ServeError> {
        let Some(analysis) = self.analysis() else {
            return Ok(());
        };
        let mut messages = Vec::new();
        for (file, diagnostics) in &analysis.diagnostics {
            let text = &analysis.files[file];
            let diagnostics = diagnostics.iter().map(|d| to_lsp(text, d)).collect();
            messages.push(published(file, diagnostics));
        }
        for d in &analysis.elsewhere {
            let params = LogMessageParams {
                typ: MessageType::ERROR,
                message: d.short().to_string(),
            };
            messages.push(Notification::new("window/logMessage".into(), params));
        }
        let now: BTreeSet<PathBuf> = analysis.diagnostics.keys().cloned().collect();
        for gone in self.published.difference(&now) {
            messages.push(published(gone, Vec::new()));
        }
        self.published = now;
        for message in messages {
            self.connection.sender.send(message.into())?;
        }
        Ok(())
    }

    fn request(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        let analysis = self.analysis();
        match catch_unwind(AssertUnwindSafe(|| answer(analysis, &request))) {
            Ok(Ok(value)) => Response::new_ok(id, value),
            Ok(Err((code, message))) => Response::new_err(id, code as i32, message),
            Err(_) => failed(id),
        }
    }
}

fn failed(id: RequestId) -> Response {
    Response::new_err(
        id,
        ErrorCode::InternalError as i32,
        "the server failed on this request; it goes on, and the files are unchanged".into(),
    )
}

fn published(file: &Path, diagnostics: Vec<lsp_types::Diagnostic>) -> Notification {
    let params = PublishDiagnosticsParams::new(uri_of(file), diagnostics, None);
    Notification::new("textDocument/publishDiagnostics".into(), params)
}

/// A loader diagnostic for the protocol: its range runs over the word it points at; the hint
/// follows the message on a line of its own.
fn to_lsp(text: &str, d: &Diagnostic) -> lsp_types::Diagnostic {
    let line = d.origin.line.saturating_sub(1);
    let start = d.origin.column.saturating_sub(1);
    let word = line_of(text, line)
        .chars()
        .skip(start as usize)
        .take_while(|c| !c.is_whitespace() && !",]}#".contains(*c))
        .count() as u32;
    let end = start + word.max(1);
    let mut message = d.message.clone();
    if let Some(hint) = &d.hint {
        message.push_str("\nhint: ");
        message.push_str(hint);
    }
    lsp_types::Diagnostic {
        range: text::range(text, line, start, end),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some("historiograph".into()),
        message,
        ..lsp_types::Diagnostic::default()
    }
}

type Answer = Result<Value, (ErrorCode, String)>;

fn params<P: serde::de::DeserializeOwned>(request: &Request) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(request.params.clone()).map_err(|e| {
        let message = format!("expected the parameters of `{}`: {e}", request.method);
        (ErrorCode::InvalidParams, message)
    })
}

fn json<T: serde::Serialize>(value: T) -> Answer {
    serde_json::to_value(value).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}

/// The answer to a request on the corpus as `analysis` read it (`None`: no corpus folder yet).
#[allow(
    clippy::expect_used,
    reason = "the analysis is taken only after an id was found in it"
)]
fn answer(analysis: Option<&Analysis>, request: &Request) -> Answer {
    let at = |position: &TextDocumentPositionParams| {
        let file = path_of(&position.text_document.uri)?;
        features::occurrence_at(analysis?, &file, position.position)
    };
    match request.method.as_str() {
        "textDocument/definition" => {
            let p: GotoDefinitionParams = params(request)?;
            match at(&p.text_document_position_params) {
                Some(o) => json(GotoDefinitionResponse::Array(features::definition(
                    analysis.expect("an id was found in it"),
                    o,
                ))),
                None => Ok(Value::Null),
            }
        }
        "textDocument/references" => {
            let p: ReferenceParams = params(request)?;
            let declaration = p.context.include_declaration;
            match at(&p.text_document_position) {
                Some(o) => json(features::references(
                    analysis.expect("found"),
                    o,
                    declaration,
                )),
                None => Ok(Value::Null),
            }
        }
        "textDocument/hover" => {
            let p: HoverParams = params(request)?;
            match at(&p.text_document_position_params) {
                Some(o) => json(features::hover(analysis.expect("found"), o)),
                None => Ok(Value::Null),
            }
        }
        "textDocument/completion" => {
            let p: CompletionParams = params(request)?;
            let position = p.text_document_position;
            let file = path_of(&position.text_document.uri);
            let items = match (analysis, file) {
                (Some(a), Some(file)) => match a.files.get(&file) {
                    Some(text) => complete::completions(a, text, position.position),
                    None => Vec::new(),
                },
                _ => Vec::new(),
            };
            json(CompletionResponse::Array(items))
        }
        "textDocument/prepareRename" => {
            let p: TextDocumentPositionParams = params(request)?;
            match at(&p) {
                Some(o) => {
                    let a = analysis.expect("found");
                    json(text::range(&a.files[&o.file], o.line, o.start, o.end))
                }
                None => Ok(Value::Null),
            }
        }
        "textDocument/rename" => {
            let p: RenameParams = params(request)?;
            let Some(o) = at(&p.text_document_position) else {
                return Err((
                    ErrorCode::RequestFailed,
                    "no id at the cursor: put it on a record's `id` or on a reference to one"
                        .into(),
                ));
            };
            match features::rename(analysis.expect("found"), o, &p.new_name) {
                Ok(edit) => json(edit),
                Err(refusal) => Err((ErrorCode::RequestFailed, refusal.0)),
            }
        }
        method => Err((
            ErrorCode::MethodNotFound,
            format!("`{method}` is not a request this server answers"),
        )),
    }
}
