//! Pictures drawn at build time as inline SVG: a record's neighbourhood (the subgraph the DOT
//! export draws with `--around ID`), a school's claims with their documents, and the map of the
//! whole corpus as one node per school, thesis and kind of record.
//!
//! The layout is a small layered (Sugiyama-style) one of our own rather than a layout crate:
//! the pictures are small (capped at [`MAX_NODES`]), the evidence flows one way (documents
//! back claims, claims support claims), so columns by longest path along the flow, with attacks
//! drawn across them, read left to right as "what grounds what"; a few barycentre sweeps order
//! each column. It is about a hundred lines, deterministic (ties fall back to the picture's
//! order, by cluster and id), and adds no dependency or rust-version constraint.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::export::{truncate, Picture, Subgraph};
use crate::graph::{Node, Relation};

use super::escape::html;
use super::html::Page;
use super::lookup::Ctx;

/// The most nodes a picture shows; the page's lists have the rest.
pub(crate) const MAX_NODES: usize = 40;
const W: f64 = 200.0;
const H: f64 = 44.0;
const GAP_X: f64 = 90.0;
const GAP_Y: f64 = 18.0;
const PAD: f64 = 12.0;

/// One box to draw.
struct Box_ {
    label: String,
    text: String,
    title: String,
    href: Option<String>,
    fill: &'static str,
    focus: bool,
    junction: bool,
}

/// The relations the evidence flows along (they decide the columns): the flow's own.
fn flows(relation: Relation) -> bool {
    crate::graph::Flow::carries(relation)
}

/// Stroke colour, dash pattern and legend class of each relation.
fn stroke(relation: Relation) -> (&'static str, &'static str, &'static str) {
    match relation {
        Relation::Backs => ("#1b7a3a", "", "backs"),
        Relation::Undermines => ("#b3261e", "6 4", "undermines"),
        Relation::Supports => ("#333333", "", "supports"),
        Relation::Contradicts => ("#b3261e", "", "contradicts"),
        Relation::Undercuts => ("#d9730d", "", "undercuts"),
        Relation::Cites => ("#2f6f9f", "2 3", "cites"),
        Relation::Premise | Relation::Concludes => ("#555555", "", "argument"),
        Relation::AdvancedBy => ("#999999", "1 3", "advanced-by"),
    }
}

const PALETTE: [&str; 8] = [
    "#e3eefc", "#fde8e4", "#e6f4e6", "#f3e8fb", "#eef3c6", "#e0f4f4", "#f6e6ef", "#ececec",
];

/// The fill of a claim of school `school` (by the school's place among the corpus's schools).
fn school_fill(ctx: &Ctx, school: Option<&str>) -> &'static str {
    let mut ids: Vec<&str> = ctx
        .debate
        .corpus()
        .schools
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    ids.sort_unstable();
    match school.and_then(|s| ids.iter().position(|&i| i == s)) {
        Some(i) => PALETTE[i % (PALETTE.len() - 1)],
        None => PALETTE[PALETTE.len() - 1],
    }
}

/// The neighbourhood picture of a record, as a section of its page.
pub(crate) fn section(p: &mut Page, id: &str) {
    let Ok(subgraph) = Subgraph::around(p.ctx.debate, &[id], 1, false) else {
        return;
    };
    let caption = "Its neighbourhood: every record one step away. Columns follow the evidence from documents to what they ground; hover for a full label, click to go there.";
    picture(p, &subgraph, Some(id), caption);
}

/// A school's claims and the documents they cite.
pub(crate) fn school_section(p: &mut Page, claims: &[usize]) {
    let corpus = p.ctx.debate.corpus();
    let mut ids: Vec<&str> = Vec::new();
    for &c in claims.iter().take(MAX_NODES / 2) {
        ids.push(&corpus.claims[c].id);
        ids.extend(
            corpus.claims[c]
                .evidence
                .iter()
                .map(|e| e.document.as_str()),
        );
    }
    if ids.is_empty() {
        return;
    }
    let Ok(subgraph) = Subgraph::around(p.ctx.debate, &ids, 0, false) else {
        return;
    };
    let caption = "Its claims, the documents they cite, and the relations among them.";
    picture(p, &subgraph, None, caption);
}

fn picture(p: &mut Page, subgraph: &Subgraph, focus: Option<&str>, caption: &str) {
    let ctx = p.ctx;
    let picture = Picture::new(ctx.debate, subgraph);
    // Keep the focus and the first others in the picture's order (cluster, id).
    let keep: Vec<usize> = (0..picture.items.len())
        .filter(|&i| Some(picture.items[i].id) == focus)
        .chain((0..picture.items.len()).filter(|&i| Some(picture.items[i].id) != focus))
        .take(MAX_NODES)
        .collect();
    let mut kept: Vec<usize> = keep.clone();
    kept.sort_unstable();
    let at: BTreeMap<usize, usize> = kept.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    let boxes: Vec<Box_> = kept
        .iter()
        .map(|&i| {
            let item = &picture.items[i];
            let fill = match item.node {
                Node::Document(_) => "#fff6e0",
                Node::Work(_) => "#e8f0fa",
                Node::Claim(c) => school_fill(ctx, ctx.debate.corpus().claims[c].school.as_deref()),
                _ => "#ffffff",
            };
            Box_ {
                label: truncate(item.id, 30),
                text: truncate(item.text, 34),
                title: format!("{} {}: {}", item.kind, item.id, item.text),
                href: ctx.page(item.id).map(|h| p.href(h)),
                fill,
                focus: Some(item.id) == focus,
                junction: matches!(item.node, Node::Inference(_)),
            }
        })
        .collect();
    let edges: Vec<(usize, usize, Relation)> = (picture.links.iter())
        .filter_map(|l| Some((*at.get(&l.from)?, *at.get(&l.to)?, l.relation)))
        .collect();
    let shown = if picture.items.len() > boxes.len() {
        format!(
            " Showing {} of {} records; the lists below have them all.",
            boxes.len(),
            picture.items.len()
        )
    } else {
        String::new()
    };
    let svg = draw(&boxes, &edges);
    let _ = writeln!(
        p.body,
        "<section id=\"picture\" aria-label=\"Picture\"><figure class=\"picture\">\n{svg}<figcaption>{}{}</figcaption></figure>",
        html(caption),
        html(&shown)
    );
    legend(p, edges.iter().map(|e| e.2));
    p.push("</section>\n");
}

/// The legend of the relations drawn.
fn legend(p: &mut Page, relations: impl Iterator<Item = Relation>) {
    let mut classes: Vec<&str> = relations.map(|r| stroke(r).2).collect();
    classes.sort_unstable();
    classes.dedup();
    let text = |c: &str| match c {
        "backs" => "a document backs a claim (green)",
        "undermines" => "a document undermines a claim (red, dashed)",
        "supports" => "a claim supports a claim (black)",
        "contradicts" => "a claim contradicts a claim (red)",
        "undercuts" => "a claim undercuts a source or link (orange)",
        "cites" => "a claim cites a work (blue, dotted)",
        "argument" => "premises of a linked argument meet at a dot (grey)",
        _ => "a historian advances a claim",
    };
    p.push("<ul class=\"legend\">");
    for c in classes {
        let _ = write!(p.body, "<li class=\"l-{c}\">{}</li>", text(c));
    }
    p.push("<li class=\"l-box\">boxes: documents in cream, works in blue, claims coloured by school</li></ul>\n");
}

/// Columns by longest path along the flow, cycles broken where a depth-first search meets them;
/// records outside the flow join the column of the first record they attack or are attacked by.
fn layers(n: usize, edges: &[(usize, usize, Relation)]) -> Vec<usize> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b, r) in edges {
        if flows(r) && a != b {
            out[a].push(b);
        }
    }
    // Depth-first, iteratively, dropping edges back to a node on the stack.
    let mut state = vec![0u8; n]; // 0 new, 1 on stack, 2 done
    let mut dag: Vec<Vec<usize>> = vec![Vec::new(); n];
    for s in 0..n {
        if state[s] != 0 {
            continue;
        }
        let mut stack = vec![(s, 0usize)];
        state[s] = 1;
        while let Some(&mut (v, ref mut k)) = stack.last_mut() {
            if let Some(&w) = out[v].get(*k) {
                *k += 1;
                match state[w] {
                    0 => {
                        dag[v].push(w);
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    2 => dag[v].push(w),
                    _ => {}
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }
    let mut indegree = vec![0usize; n];
    dag.iter().flatten().for_each(|&w| indegree[w] += 1);
    let mut layer = vec![0usize; n];
    let mut ready: Vec<usize> = (0..n).filter(|&v| indegree[v] == 0).rev().collect();
    while let Some(v) = ready.pop() {
        for &w in &dag[v] {
            layer[w] = layer[w].max(layer[v] + 1);
            indegree[w] -= 1;
            if indegree[w] == 0 {
                ready.push(w);
            }
        }
    }
    let in_flow: Vec<bool> = (0..n)
        .map(|v| {
            edges
                .iter()
                .any(|&(a, b, r)| flows(r) && (a == v || b == v))
        })
        .collect();
    for v in (0..n).filter(|&v| !in_flow[v]) {
        let other = edges.iter().find_map(|&(a, b, _)| match (a == v, b == v) {
            (true, false) if in_flow[b] => Some(b),
            (false, true) if in_flow[a] => Some(a),
            _ => None,
        });
        layer[v] = other.map_or(0, |o| layer[o]);
    }
    layer
}

/// The boxes and edges as an SVG element.
fn draw(boxes: &[Box_], edges: &[(usize, usize, Relation)]) -> String {
    let n = boxes.len();
    let layer = layers(n, edges);
    let columns = layer.iter().max().map_or(0, |m| m + 1);
    let mut order: Vec<Vec<usize>> = vec![Vec::new(); columns];
    (0..n).for_each(|v| order[layer[v]].push(v));
    // Barycentre sweeps: each record moves toward the mean position of its neighbours.
    let mut pos = vec![0.0f64; n];
    let place = |order: &Vec<Vec<usize>>, pos: &mut Vec<f64>| {
        for col in order {
            for (k, &v) in col.iter().enumerate() {
                pos[v] = k as f64;
            }
        }
    };
    place(&order, &mut pos);
    for _ in 0..4 {
        for col in order.iter_mut() {
            let mut keyed: Vec<(f64, usize)> = col
                .iter()
                .map(|&v| {
                    let near: Vec<f64> = (edges.iter())
                        .filter_map(|&(a, b, _)| match (a == v, b == v) {
                            (true, false) if layer[b] != layer[v] => Some(pos[b]),
                            (false, true) if layer[a] != layer[v] => Some(pos[a]),
                            _ => None,
                        })
                        .collect();
                    let key = match near.is_empty() {
                        true => pos[v],
                        false => near.iter().sum::<f64>() / near.len() as f64,
                    };
                    (key, v)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(pos[a.1].total_cmp(&pos[b.1])));
            *col = keyed.into_iter().map(|(_, v)| v).collect();
        }
        place(&order, &mut pos);
    }
    let tallest = order.iter().map(Vec::len).max().unwrap_or(0) as f64;
    let height = PAD * 2.0 + tallest * (H + GAP_Y) - GAP_Y;
    let width = PAD * 2.0 + columns as f64 * (W + GAP_X) - GAP_X;
    let mut xy = vec![(0.0, 0.0); n];
    for (c, col) in order.iter().enumerate() {
        let top = PAD + (tallest - col.len() as f64) * (H + GAP_Y) / 2.0;
        for (k, &v) in col.iter().enumerate() {
            xy[v] = (PAD + c as f64 * (W + GAP_X), top + k as f64 * (H + GAP_Y));
        }
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" role=\"group\" aria-label=\"Neighbourhood picture\">"
    );
    out.push_str("<defs>");
    for (id, colour) in [
        ("a-green", "#1b7a3a"),
        ("a-red", "#b3261e"),
        ("a-dark", "#333333"),
        ("a-orange", "#d9730d"),
        ("a-blue", "#2f6f9f"),
        ("a-grey", "#555555"),
        ("a-light", "#999999"),
    ] {
        let _ = write!(out, "<marker id=\"{id}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"{colour}\"/></marker>");
    }
    out.push_str("</defs>\n");
    for &(a, b, relation) in edges {
        let (colour, dash, class) = stroke(relation);
        let marker = match colour {
            "#1b7a3a" => "a-green",
            "#b3261e" => "a-red",
            "#333333" => "a-dark",
            "#d9730d" => "a-orange",
            "#2f6f9f" => "a-blue",
            "#555555" => "a-grey",
            _ => "a-light",
        };
        let (ax, ay) = anchor(&boxes[a], xy[a], true);
        let (bx, by) = anchor(&boxes[b], xy[b], false);
        let d = if layer[a] < layer[b] {
            let mid = (ax + bx) / 2.0;
            format!("M{ax:.1},{ay:.1} C{mid:.1},{ay:.1} {mid:.1},{by:.1} {bx:.1},{by:.1}")
        } else {
            // Back or within a column: around the right-hand side of both.
            let (ax, bx) = (xy[a].0 + width_of(&boxes[a]), xy[b].0 + width_of(&boxes[b]));
            let out_x = ax.max(bx) + GAP_X * 0.45;
            format!("M{ax:.1},{ay:.1} C{out_x:.1},{ay:.1} {out_x:.1},{by:.1} {bx:.1},{by:.1}")
        };
        let dash = if dash.is_empty() {
            String::new()
        } else {
            format!(" stroke-dasharray=\"{dash}\"")
        };
        let head = if relation == Relation::Premise {
            String::new()
        } else {
            format!(" marker-end=\"url(#{marker})\"")
        };
        let _ = writeln!(
            out,
            "<path class=\"edge {class}\" d=\"{d}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.6\"{dash}{head}><title>{}</title></path>",
            relation.as_str()
        );
    }
    for (v, b) in boxes.iter().enumerate() {
        let (x, y) = xy[v];
        let _ = write!(
            out,
            "<g class=\"node{}\">",
            if b.focus { " focus" } else { "" }
        );
        if let Some(href) = &b.href {
            let _ = write!(out, "<a href=\"{href}\">");
        }
        let _ = write!(out, "<title>{}</title>", html(&b.title));
        if b.junction {
            let _ = write!(
                out,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"7\" fill=\"#555555\"/>",
                x + W / 2.0,
                y + H / 2.0
            );
            let _ = write!(out, "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555555\">{}</text>", x + W / 2.0, y + H / 2.0 - 11.0, html(&b.label));
        } else {
            let stroke = if b.focus {
                " stroke-width=\"3\" stroke=\"#1f5fa8\""
            } else {
                ""
            };
            let _ = write!(out, "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{W}\" height=\"{H}\" rx=\"6\" fill=\"{}\"{stroke}/>", b.fill);
            let _ = write!(out, "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" font-weight=\"bold\" fill=\"#1d1d1f\">{}</text>", x + 8.0, y + 17.0, html(&b.label));
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#333333\">{}</text>",
                x + 8.0,
                y + 34.0,
                html(&b.text)
            );
        }
        if b.href.is_some() {
            out.push_str("</a>");
        }
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

fn width_of(b: &Box_) -> f64 {
    if b.junction {
        W / 2.0 + 7.0
    } else {
        W
    }
}

/// Where an edge leaves (`from`) or enters a box.
fn anchor(b: &Box_, (x, y): (f64, f64), from: bool) -> (f64, f64) {
    if b.junction {
        let cx = x + W / 2.0;
        return (if from { cx + 7.0 } else { cx - 7.0 }, y + H / 2.0);
    }
    (if from { x + W } else { x }, y + H / 2.0)
}

/// `map.html`: the whole corpus as one box per school and thesis (and for documents and works),
/// each a link to its page, with the number of relations between them; collapsible lists of
/// every school's claims below.
pub(crate) fn map_page(ctx: &Ctx) -> (String, String) {
    let debate = ctx.debate;
    let corpus = debate.corpus();
    let mut p = Page::new(ctx, "map.html", "Map of the debate");
    p.para("The whole debate at a glance: one box per school or thesis, with the documents and works together, and the relations between them counted. Click a box for its page, where a picture shows its claims and their documents.");
    // Groups: every school with claims, then claims of none, documents, works.
    let mut schools: Vec<&crate::School> = corpus.schools.iter().collect();
    schools.sort_by(|a, b| a.id.cmp(&b.id));
    let group_of = |node: Node| -> usize {
        match node {
            Node::Claim(c) => {
                let school = corpus.claims[c].school.as_deref();
                (school.and_then(|s| schools.iter().position(|x| x.id.as_str() == s)))
                    .unwrap_or(schools.len())
            }
            Node::Document(_) => schools.len() + 1,
            Node::Work(_) => schools.len() + 2,
            Node::Inference(i) => match debate.inference(i) {
                crate::graph::Inference::Linked { claim, .. }
                | crate::graph::Inference::Link { claim, .. } => {
                    let school = corpus.claims[claim].school.as_deref();
                    (school.and_then(|s| schools.iter().position(|x| x.id.as_str() == s)))
                        .unwrap_or(schools.len())
                }
            },
            Node::Historian(_) => usize::MAX,
        }
    };
    let mut sizes = vec![0usize; schools.len() + 3];
    for node in debate.graph().node_weights() {
        if let (Node::Claim(_) | Node::Document(_) | Node::Work(_), g) = (*node, group_of(*node)) {
            sizes[g] += 1;
        }
    }
    let mut counts: BTreeMap<(usize, usize, Relation), usize> = BTreeMap::new();
    let graph = debate.graph();
    for e in graph.raw_edges() {
        let (a, b) = (group_of(graph[e.source()]), group_of(graph[e.target()]));
        if a == usize::MAX || b == usize::MAX || a == b || e.weight == Relation::Premise {
            continue;
        }
        *counts.entry((a, b, e.weight)).or_default() += 1;
    }
    let groups: Vec<usize> = (0..sizes.len()).filter(|&g| sizes[g] > 0).collect();
    let at: BTreeMap<usize, usize> = groups.iter().enumerate().map(|(k, &g)| (g, k)).collect();
    let boxes: Vec<Box_> = groups
        .iter()
        .map(|&g| {
            let (name, href, fill) = match g {
                g if g < schools.len() => (
                    schools[g].name.to_string(),
                    ctx.school_page(&schools[g].id).map(str::to_string),
                    school_fill(ctx, Some(&schools[g].id)),
                ),
                g if g == schools.len() => (
                    "Claims of no school".to_string(),
                    Some("claims.html".to_string()),
                    PALETTE[PALETTE.len() - 1],
                ),
                g if g == schools.len() + 1 => (
                    "Documents".to_string(),
                    Some("documents.html".to_string()),
                    "#fff6e0",
                ),
                _ => (
                    "Works".to_string(),
                    Some("works.html".to_string()),
                    "#e8f0fa",
                ),
            };
            let what = if g == schools.len() + 1 {
                "documents"
            } else if g == schools.len() + 2 {
                "works"
            } else {
                "claims"
            };
            Box_ {
                label: truncate(&name, 30),
                text: format!("{} {what}", sizes[g]),
                title: format!("{name}: {} {what}", sizes[g]),
                href: href.map(|h| p.href(&h)),
                fill,
                focus: false,
                junction: false,
            }
        })
        .collect();
    let edges: Vec<(usize, usize, Relation)> = counts
        .keys()
        .filter_map(|&(a, b, r)| Some((*at.get(&a)?, *at.get(&b)?, r)))
        .collect();
    let svg = draw(&boxes, &edges);
    let _ = writeln!(p.body, "<section id=\"picture\" aria-label=\"Picture\"><figure class=\"picture\">\n{svg}<figcaption>Claims grouped by the school or thesis they name (claims that name none apart; a school's page also lists the claims its historians advance); an arrow stands for the relations of one kind between two groups, counted in the table below.</figcaption></figure>");
    legend(&mut p, edges.iter().map(|e| e.2));
    p.push("</section>\n");
    p.heading(2, "counts", "Relations between the groups");
    p.push("<table>\n<thead><tr><th scope=\"col\">From</th><th scope=\"col\">Relation</th><th scope=\"col\">To</th><th scope=\"col\">Count</th></tr></thead>\n<tbody>\n");
    for (&(a, b, r), n) in &counts {
        let (Some(&ka), Some(&kb)) = (at.get(&a), at.get(&b)) else {
            continue;
        };
        let _ = writeln!(
            p.body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{n}</td></tr>",
            html(&boxes[ka].title),
            r.as_str(),
            html(&boxes[kb].title)
        );
    }
    p.push("</tbody>\n</table>\n");
    p.finish()
}
