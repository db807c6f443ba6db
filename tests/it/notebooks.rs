//! Every notebook under examples/notebooks/ renders against the bundled corpus, and the
//! rendering is pinned: a change in the corpus or the code that alters an answer is a diff.

use historiograph::{render_notebook, Corpus, Debate};

#[test]
fn every_notebook_renders_and_is_pinned() {
    let debate = Debate::new(Corpus::bundled());
    let mut count = 0;
    insta::glob!("../../examples/notebooks", "*.md", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let rendered = render_notebook(&text, &debate).unwrap_or_else(|errors| {
            panic!("{}: {errors:#?}", path.display());
        });
        // Rendering a rendered notebook changes nothing.
        assert_eq!(
            render_notebook(&rendered, &debate).unwrap(),
            rendered,
            "{}",
            path.display()
        );
        insta::assert_snapshot!(rendered);
        count += 1;
    });
    assert!(
        count >= 5,
        "expected at least five notebooks, found {count}"
    );
}

#[test]
fn errors_name_the_notebook_line() {
    let debate = Debate::new(Corpus::bundled());
    let text = "# t\n\n```historiograph\nclaims\nrests-only-on no-such-document\n```\n\n```historiograph\nevidence\n```\n";
    let errors = render_notebook(text, &debate).unwrap_err();
    let lines: Vec<_> = errors
        .iter()
        .map(|e| (e.line, e.message.as_str()))
        .collect();
    assert_eq!(lines[0].0, 5);
    assert!(
        lines[0]
            .1
            .starts_with("unknown document `no-such-document`"),
        "{lines:?}"
    );
    assert_eq!(lines[1].0, 9);
    assert!(lines[1].1.contains("<CLAIM>"), "{lines:?}");
}

#[test]
fn an_unclosed_block_is_an_error() {
    let debate = Debate::new(Corpus::bundled());
    let errors = render_notebook("```historiograph\nclaims\n", &debate).unwrap_err();
    assert!(errors[0].message.contains("closed"));
}
