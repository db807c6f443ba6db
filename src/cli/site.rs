//! `site -o DIR`: the debate as a static website.

use crate::*;

/// Builds the site for the corpus and writes it to `output`; prints what was written (as text,
/// or under --json `{"site", "files", "bytes"}`).
pub(crate) fn site(corpus: Corpus, output: &Path, json: bool) -> Result<(), Failure> {
    let debate = Debate::new(corpus);
    let site = historiograph::Site::build(&debate);
    site.write(output)
        .map_err(|e| Failure::new(e.to_string()).with("site", path_json(output)))?;
    if json {
        let value =
            json!({ "site": path_json(output), "files": site.len(), "bytes": site.bytes() });
        emit(&(to_json(&value) + "\n"));
    } else {
        emit(&format!(
            "wrote {} files ({} bytes) to {}; open {} in a browser\n",
            site.len(),
            site.bytes(),
            output.display(),
            output.join("index.html").display()
        ));
    }
    Ok(())
}
