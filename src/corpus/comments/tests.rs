use super::*;

fn texts(text: &str) -> Vec<(usize, String, bool)> {
    find(text)
        .unwrap()
        .into_iter()
        .map(|c| (c.line, c.text, c.own_line))
        .collect()
}

#[test]
fn hashes_inside_scalars_are_text() {
    let text = "a: 'x # y' # one\nb: \"p # \\\" q\" # two\nc: >-\n  text # not a comment\n  # nor this\n# three\nd: [u, v] # four\ne: plain#tight # five\n";
    assert_eq!(
        texts(text),
        vec![
            (1, "# one".to_string(), false),
            (2, "# two".to_string(), false),
            (6, "# three".to_string(), true),
            (7, "# four".to_string(), false),
            (8, "# five".to_string(), false),
        ]
    );
}

#[test]
fn a_block_scalar_ends_where_its_indentation_does() {
    let text = "items:\n  - >- # head\n    a # b\n\n    c\n  # after\n  - |\n      deep # text\n    # out\n";
    assert_eq!(
        texts(text),
        vec![
            (2, "# head".to_string(), false),
            (6, "# after".to_string(), true),
            (9, "# out".to_string(), true),
        ]
    );
}

#[test]
fn lone_carriage_returns_end_lines() {
    assert_eq!(
        texts("a: 1\r# c\rb: 2 # d\r"),
        vec![(2, "# c".to_string(), true), (3, "# d".to_string(), false)]
    );
}

#[test]
fn comments_attach_to_what_they_annotate() {
    let text = "# head\n\nclaims:\n  # record\n  - id: c # on id line\n    works:\n      - a\n      - >- # header\n        long\n    # last field\n    notes: n\n# end\n";
    let attached = attach(text).unwrap();
    let key = |k: &str| Step::Key(k.to_string());
    assert_eq!(attached.head, vec![Line::Comment("# head".into())]);
    let record = vec![key("claims"), Step::Index(0)];
    assert_eq!(
        attached.nodes[&record],
        Attached {
            leading: vec![Line::Comment("# record".into())],
            trailing: vec!["# on id line".into()],
        }
    );
    let item = [record.clone(), vec![key("works"), Step::Index(1)]].concat();
    assert_eq!(attached.nodes[&item].trailing, vec!["# header".to_string()]);
    let notes = [record, vec![key("notes")]].concat();
    assert_eq!(
        attached.nodes[&notes].leading,
        vec![Line::Comment("# last field".into())]
    );
    assert_eq!(attached.end, vec![Line::Comment("# end".into())]);
}
