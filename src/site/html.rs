//! The frame every page shares (head with the Content-Security-Policy, navigation, search form,
//! footer) and the small pieces pages are made of: links to records, definition lists, lists.

use std::fmt::Write as _;

use super::escape::html;
use super::lookup::Ctx;

/// The policy every page carries: nothing loads but the site's own stylesheet and scripts,
/// no inline script or style, no plug-ins, no base URL, forms only to the site itself.
pub(crate) const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'";

/// A page being written: its path from the site's root, its title and body.
pub(crate) struct Page<'c, 'd> {
    pub ctx: &'c Ctx<'d>,
    path: String,
    title: String,
    /// `""` for pages at the root, `"../"` for record pages.
    root: &'static str,
    scripts: Vec<&'static str>,
    pub body: String,
}

impl<'c, 'd> Page<'c, 'd> {
    pub(crate) fn new(ctx: &'c Ctx<'d>, path: impl Into<String>, title: &str) -> Self {
        let path = path.into();
        let root = if path.contains('/') { "../" } else { "" };
        Page {
            ctx,
            path,
            title: title.to_string(),
            root,
            scripts: Vec::new(),
            body: String::new(),
        }
    }

    /// Loads one of the site's scripts (a path from the root) at the end of the head, deferred.
    pub(crate) fn script(&mut self, path: &'static str) {
        self.scripts.push(path);
    }

    /// Appends raw, already escaped HTML.
    pub(crate) fn push(&mut self, html: &str) {
        self.body.push_str(html);
    }

    /// A heading with an anchor.
    pub(crate) fn heading(&mut self, level: u8, anchor: &str, text: &str) {
        let _ = writeln!(
            self.body,
            "<h{level} id=\"{}\">{}</h{level}>",
            html(anchor),
            html(text)
        );
    }

    /// A paragraph of plain text.
    pub(crate) fn para(&mut self, text: &str) {
        let _ = writeln!(self.body, "<p>{}</p>", html(text));
    }

    /// A path from the root as a link target from this page.
    pub(crate) fn href(&self, path: &str) -> String {
        html(&format!("{}{path}", self.root))
    }

    /// A link to a record by id, showing the id; plain text when it has no page.
    pub(crate) fn link(&self, id: &str) -> String {
        self.link_text(id, id)
    }

    /// A link to a record by id, showing `text`.
    pub(crate) fn link_text(&self, id: &str, text: &str) -> String {
        match self.ctx.page(id) {
            Some(page) => format!("<a href=\"{}\">{}</a>", self.href(page), html(text)),
            None => html(text),
        }
    }

    /// A link to a historian showing the name.
    pub(crate) fn historian(&self, id: &str) -> String {
        self.link_text(id, &self.ctx.name(id))
    }

    /// A link to a school showing its name.
    pub(crate) fn school(&self, id: &str) -> String {
        let corpus = self.ctx.debate.corpus();
        let name = corpus.school(id).map_or(id, |s| &s.name);
        match self.ctx.school_page(id) {
            Some(page) => format!("<a href=\"{}\">{}</a>", self.href(page), html(name)),
            None => html(name),
        }
    }

    /// A list item for a claim: a link with its id, then its statement.
    pub(crate) fn claim_item(&self, c: usize) -> String {
        let claim = &self.ctx.debate.corpus().claims[c];
        format!(
            "<li>{}: {}</li>\n",
            self.link(&claim.id),
            html(&claim.statement)
        )
    }

    /// A section with a heading and the claims `cs` as a list, or `empty` when there are none.
    pub(crate) fn claim_list(&mut self, anchor: &str, heading: &str, cs: &[usize], empty: &str) {
        self.heading(2, anchor, heading);
        if cs.is_empty() {
            self.para(empty);
            return;
        }
        let mut sorted = cs.to_vec();
        let claims = &self.ctx.debate.corpus().claims;
        sorted.sort_by(|&a, &b| claims[a].id.cmp(&claims[b].id));
        sorted.dedup();
        let items: String = sorted.iter().map(|&c| self.claim_item(c)).collect();
        let _ = writeln!(self.body, "<ul class=\"claims\">\n{items}</ul>");
    }

    /// A definition list of (term, already escaped HTML) rows, leaving out empty values.
    pub(crate) fn facts(&mut self, rows: &[(&str, String)]) {
        self.body.push_str("<dl class=\"facts\">\n");
        for (term, value) in rows.iter().filter(|(_, v)| !v.is_empty()) {
            let _ = writeln!(self.body, "<dt>{}</dt><dd>{value}</dd>", html(term));
        }
        self.body.push_str("</dl>\n");
    }

    /// The finished page: `(path, HTML)`.
    pub(crate) fn finish(self) -> (String, String) {
        let root = self.root;
        let mut out = String::with_capacity(self.body.len() + 2048);
        out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        let _ = writeln!(
            out,
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
            html(CSP)
        );
        let _ = writeln!(out, "<title>{} · historiograph</title>", html(&self.title));
        let _ = writeln!(out, "<link rel=\"stylesheet\" href=\"{root}style.css\">");
        for script in &self.scripts {
            let _ = writeln!(out, "<script defer src=\"{root}{script}\"></script>");
        }
        out.push_str("</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the content</a>\n");
        out.push_str("<header class=\"site\">\n<nav aria-label=\"Site\"><ul>\n");
        let corpus = self.ctx.debate.corpus();
        let mut nav = vec![
            ("index.html", "Overview"),
            ("claims.html", "Claims"),
            ("documents.html", "Documents"),
            ("historians.html", "Historians"),
        ];
        if !corpus.works.is_empty() {
            nav.push(("works.html", "Works"));
        }
        nav.push(("map.html", "Map"));
        for (href, text) in nav {
            let current = if self.path == href {
                " aria-current=\"page\""
            } else {
                ""
            };
            let _ = writeln!(out, "<li><a href=\"{root}{href}\"{current}>{text}</a></li>");
        }
        out.push_str("</ul></nav>\n");
        let _ = writeln!(
            out,
            "<form class=\"search\" role=\"search\" action=\"{root}search.html\" method=\"get\">\
<label for=\"q\">Search</label> <input id=\"q\" name=\"q\" type=\"search\" \
placeholder=\"ids, statements, titles, names, dates\"> <button type=\"submit\">Search</button></form>"
        );
        out.push_str("</header>\n<main id=\"main\">\n");
        let _ = writeln!(out, "<h1>{}</h1>", html(&self.title));
        out.push_str(&self.body);
        out.push_str(
            "</main>\n<footer><p>Written by <code>historiograph site</code> from the corpus; \
every answer on these pages is the library's own.</p></footer>\n</body>\n</html>\n",
        );
        (self.path, out)
    }
}
