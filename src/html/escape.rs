//! Text from the input made safe for HTML, and the only links it may give.

use std::fmt;

/// Text written with the five characters HTML gives meaning to (`&`, `<`,
/// `>`, `"`, `'`) as references: safe in element content and in quoted
/// attribute values alike, so one escape serves both.
pub(crate) struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..at])?;
            f.write_str(match rest.as_bytes()[at] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[at + 1..];
        }
        f.write_str(rest)
    }
}

/// `url` when it may become a link: an `http` or `https` URL, its scheme
/// first (a browser reads `javascript:`, `data:` and `file:` as something
/// to run or open, and skips leading spaces and controls before a scheme,
/// so nothing may precede it), with no control character or space in it.
pub(crate) fn web_link(url: &str) -> Option<&str> {
    let scheme = url.split_once("://")?.0;
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let clean = !url.chars().any(|c| c.is_control() || c.is_whitespace());
    (web && clean && url.len() > scheme.len() + 3).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(s: &str) -> String {
        Escaped(s).to_string()
    }

    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(
            esc("<script>alert('x')</script>"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
        );
        assert_eq!(esc(r#"" onmouseover="x"#), "&quot; onmouseover=&quot;x");
        assert_eq!(esc("AT&T €5"), "AT&amp;T €5");
        assert_eq!(esc("&amp;"), "&amp;amp;");
        assert_eq!(esc("=cmd|calc!A1.txt"), "=cmd|calc!A1.txt");
        assert_eq!(esc(""), "");
    }

    #[test]
    fn only_web_urls_become_links() {
        assert_eq!(
            web_link("https://example.org/a?b=1&c=2"),
            Some("https://example.org/a?b=1&c=2")
        );
        assert!(web_link("HTTP://example.org").is_some());
        for bad in [
            "javascript:alert(1)",
            "JavaScript://%0aalert(1)",
            " javascript:alert(1)",
            "\u{1}https://example.org",
            " https://example.org",
            "data:text/html,<b>x</b>",
            "file:///etc/passwd",
            "//example.org",
            "example.org",
            "https://",
            "https://exa mple.org",
            "https://example.org/\n",
            "java\tscript:https://x",
            "",
        ] {
            assert_eq!(web_link(bad), None, "{bad:?}");
        }
    }
}
