//! Notebooks refuse what they cannot keep: a result marker that does not close, or follows no
//! query block, is an error naming its line and nothing is written; a query block shown inside
//! a longer fence is prose, not run.

use historiograph::{render_notebook, Corpus, Debate};

use super::{cli, contents};
use crate::support::TempDir;

const BEGIN: &str = "<!-- historiograph:begin -->";
const END: &str = "<!-- historiograph:end -->";

#[test]
fn an_unclosed_answer_is_an_error_naming_its_line_and_nothing_is_written() {
    let dir = TempDir::new("notebook-unbalanced");
    let notebook = dir.path().join("n.md");
    // The first answer lost its end marker: skipping to the second one's would drop the prose.
    let text = format!(
        "# Notes\n\n```historiograph\nunsupported\n```\n{BEGIN}\nold answer\n\nProse a historian \
         wrote.\n\n```historiograph\ncontested\n```\n{BEGIN}\nold\n{END}\n"
    );
    std::fs::write(&notebook, &text).unwrap();
    let out = cli()
        .arg("notebook")
        .arg(&notebook)
        .arg("-o")
        .arg(&notebook)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.replace(&dir.path().display().to_string(), "<dir>"),
        format!(
            "<dir>/n.md:6: error: expected `{END}` to close the answer that begins here, found \
             a query block at line 11\n"
        )
    );
    assert_eq!(std::fs::read_to_string(&notebook).unwrap(), text);
    assert_eq!(contents(dir.path()).len(), 1);

    let debate = Debate::new(Corpus::bundled());
    let cases = [
        (
            format!("```historiograph\nclaims\n```\n\n{BEGIN}\nold\n"),
            5,
            "found the end of the notebook".to_string(),
        ),
        (
            format!("```historiograph\nclaims\n```\n{BEGIN}\nold\n{BEGIN}\n{END}\n"),
            4,
            format!("found another `{BEGIN}` at line 6"),
        ),
    ];
    for (text, line, found) in cases {
        let e = render_notebook(&text, &debate).unwrap_err();
        assert_eq!(e.len(), 1, "{e}");
        assert_eq!(e[0].line, line, "{e}");
        assert!(e[0].message.ends_with(&found), "{e}");
    }
    // A marker after no query block: the block it answered was deleted, or the marker typed.
    let e = render_notebook(&format!("Prose.\n{END}\n\nMore.\n{BEGIN}\n"), &debate).unwrap_err();
    let lines: Vec<_> = e.iter().map(|e| e.line).collect();
    assert_eq!(lines, [2, 5]);
    assert_eq!(
        e[0].message,
        format!(
            "expected a result marker only after a query block, found `{END}` after none; \
             remove it, or put back the query block it answered"
        )
    );
}

#[test]
fn query_blocks_inside_longer_fences_are_prose() {
    let debate = Debate::new(Corpus::bundled());
    let example = "A notebook looks like this:\n\n````markdown\n```historiograph\nunsupported\n```\n\
                   <!-- historiograph:begin -->\n(the answer)\n<!-- historiograph:end -->\n````\n\n\
                   ~~~text\n```historiograph\ncontested\n~~~\n\n    ```historiograph\n    claims\n    ```\n";
    // Nothing in it is run, and it comes back as it was.
    assert_eq!(render_notebook(example, &debate).unwrap(), example);

    // A real block after the examples is run; the examples stay.
    let text = format!("{example}\n```historiograph\nunsupported\n```\n");
    let rendered = render_notebook(&text, &debate).unwrap();
    assert!(rendered.starts_with(&text), "{rendered}");
    assert_eq!(
        rendered.matches(BEGIN).count(),
        2,
        "the example's and the real one"
    );
    assert_eq!(render_notebook(&rendered, &debate).unwrap(), rendered);
    // An unclosed fence of another language runs to the end, as in CommonMark: all prose.
    let open = "````\n```historiograph\nclaims\n```\n";
    assert_eq!(render_notebook(open, &debate).unwrap(), open);
}
