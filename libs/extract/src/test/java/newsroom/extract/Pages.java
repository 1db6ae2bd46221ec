package newsroom.extract;

/** Small inline pages for extractor tests: a realistic frame (navigation, sidebar, footer) around given content. */
final class Pages {

    static final String P1 = "The city council voted on Tuesday to expand the tram network by twelve kilometres, "
            + "a decision that ends a debate of more than ten years.";
    static final String P2 = "Construction is planned to start next spring, and the first new stops should open "
            + "in three years, according to the transport department.";
    static final String P3 = "Opponents argued that buses would be cheaper, but the majority said trams carry more "
            + "people, make less noise and last longer.";

    private Pages() {
    }

    /** A page with the given head elements and article content, inside typical site chrome. */
    static String page(String head, String articleContent) {
        return "<!doctype html><html lang=\"en-GB\"><head><title>Council expands tram network | Example News</title>"
                + head + "</head><body>"
                + "<header class=\"site-header\"><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> "
                + "<a href=\"/sport\">Sport</a></nav></header>"
                + "<main><article><h1>Council expands tram network</h1>" + articleContent + "</article>"
                + "<aside class=\"sidebar\"><h3>Most read</h3><ul><li><a href=\"/a\">Another story about trams and "
                + "buses</a></li><li><a href=\"/b\">Weather: rain expected all week long</a></li></ul></aside></main>"
                + "<footer><p>© 2019 Example News. All rights reserved. Contact us at the newsroom.</p></footer>"
                + "</body></html>";
    }

    /** Three plain paragraphs. */
    static String paragraphs() {
        return "<p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p>";
    }
}
