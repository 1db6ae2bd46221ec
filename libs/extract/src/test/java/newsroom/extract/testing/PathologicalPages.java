package newsroom.extract.testing;

import java.util.List;

/**
 * Generated hostile pages (issue 10), one family per way a page can make extraction slow or big, each at a scale of
 * 1, 2, 4 or 8: the page at scale 8 is the size named in the issue (50,000 unclosed {@code <div><span><b><i>} groups,
 * 1,000,000 paragraphs, 100,000-deep nesting, a 1 MiB attribute, 100,000 links, 50,000 table cells, a 4 MiB text
 * node, 10,000 {@code <br>}), scale 1 an eighth of it. Every page starts with the same short article, so that a page
 * which is not rejected has something to extract. Used by the extractor's tests and by {@code ./newsroom bench}.
 */
public final class PathologicalPages {

    /** The scales every family is generated at; each is twice the one before, to read growth per doubling. */
    public static final List<Integer> SCALES = List.of(1, 2, 4, 8);

    /** Six paragraphs, about 700 characters of prose. */
    private static final String PROSE = ("<p>Harbour ferries resumed their winter timetable on Monday, and the"
            + " operator said crossings would run every twenty minutes.</p>").repeat(6);
    /** The article every page carries before its hostile part. */
    private static final String ARTICLE = "<div>" + PROSE + "</div>";

    /** One way of being hostile; {@link #unitsAtScaleOne} of its repeated unit make the page at scale 1. */
    public enum Family {
        /** Unclosed {@code <div><span><b><i>} groups: jsoup nests them up to its depth cap, then piles siblings. */
        UNCLOSED_NESTING(6_250),
        /** Unclosed {@code <p>x} paragraphs inside one {@code <article>}. */
        PARAGRAPHS(125_000),
        /** {@code <div>} nested this deep, closed properly, with text at the bottom. */
        DEEP_NESTING(12_500),
        /** One {@code class} attribute of this many KiB on the article's container. */
        HUGE_ATTRIBUTE(128),
        /** Links in one block after the article. */
        LINKS(12_500),
        /** Table cells, ten to a row, in one table after the article. */
        TABLE_CELLS(6_250),
        /** One paragraph whose text node is this many KiB of words. */
        HUGE_TEXT(512),
        /** {@code line<br>} pairs in one block after the article. */
        LINE_BREAKS(1_250);

        private final int unitsAtScaleOne;

        Family(int unitsAtScaleOne) {
            this.unitsAtScaleOne = unitsAtScaleOne;
        }

        /** How many units the page of this family holds at {@code scale}. */
        public int units(int scale) {
            return unitsAtScaleOne * scale;
        }

        /** A short description of the unit, for tables ("paragraphs", "KiB of text"). */
        public String unitName() {
            return switch (this) {
                case UNCLOSED_NESTING -> "groups";
                case PARAGRAPHS -> "paragraphs";
                case DEEP_NESTING -> "levels";
                case HUGE_ATTRIBUTE -> "KiB attribute";
                case LINKS -> "links";
                case TABLE_CELLS -> "cells";
                case HUGE_TEXT -> "KiB of text";
                case LINE_BREAKS -> "br";
            };
        }
    }

    private PathologicalPages() {
    }

    /**
     * The page of {@code family} at {@code scale} (at least 1).
     *
     * @throws IllegalArgumentException for a scale below 1
     */
    public static String page(Family family, int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, was " + scale);
        }
        int n = family.units(scale);
        StringBuilder html = new StringBuilder(64 + n * 8);
        html.append("<!doctype html><html><head><title>Harbour ferries</title></head><body>");
        switch (family) {
            case UNCLOSED_NESTING -> html.append(ARTICLE).append("<div><span><b><i>".repeat(n)).append("end");
            case PARAGRAPHS -> html.append("<article>").append(PROSE).append("<p>x".repeat(n))
                    .append("</article>");
            case DEEP_NESTING -> html.append(ARTICLE).append("<div>".repeat(n)).append("bottom")
                    .append("</div>".repeat(n));
            case HUGE_ATTRIBUTE -> html.append("<div class=\"").append("story ".repeat(n * 1024 / 6))
                    .append("\">").append(PROSE).append("</div>");
            case LINKS -> {
                html.append(ARTICLE).append("<div>");
                for (int i = 0; i < n; i++) {
                    html.append("<a href=\"/l/").append(i).append("\">link ").append(i).append("</a> ");
                }
                html.append("</div>");
            }
            case TABLE_CELLS -> {
                html.append(ARTICLE).append("<table>");
                for (int i = 0; i < n; i++) {
                    html.append(i % 10 == 0 ? "<tr>" : "").append("<td>c").append(i).append("</td>");
                }
                html.append("</table>");
            }
            case HUGE_TEXT -> html.append("<div>").append(PROSE).append("<p>")
                    .append("harbour ferry, ".repeat(n * 1024 / 15)).append("</p></div>");
            case LINE_BREAKS -> html.append(ARTICLE).append("<div>").append("line<br>".repeat(n)).append("</div>");
        }
        return html.append("</body></html>").toString();
    }
}
