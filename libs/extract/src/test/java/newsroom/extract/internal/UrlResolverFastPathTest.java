package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import newsroom.core.testing.RepoFiles;

/**
 * Differential test of {@link UrlResolver#isPlainAbsoluteHttp}, the shortcut that skips {@link java.net.URI}
 * parsing: for every reference it accepts, the general path ({@link UrlResolver#resolveByUri}) must give back the
 * reference itself; and {@link UrlResolver#resolve}, with its shortcut for absolute paths, must answer as the general
 * path against several bases. Inputs: every URL-like attribute value of the 181 benchmark pages, the same as absolute
 * paths, and random mutations of them.
 */
class UrlResolverFastPathTest {

    private static final String BASE = "https://news.example.com/city/page.html";
    /** Bases with and without a path, query, fragment or port (a port turns the relative shortcut off). */
    private static final List<String> BASES = List.of(BASE, "https://news.example.com", "http://a.example/b?c#d",
            "https://news.example.com:0443/x/", "https://x_y.example/a", "HTTPS://News.Example.com/a");
    private static final Pattern URL_ATTRIBUTE =
            Pattern.compile("(?i)\\s(?:href|src|srcset|data-[a-z-]*src[a-z-]*|content)\\s*=\\s*[\"']([^\"']{1,500})");
    /** Characters the mutations insert: URL syntax, characters URI refuses, non-ASCII, escapes. */
    private static final String INSERTED = "-._~!$&'()*+,;=:@/?#%[]{}|\\^`\"<> \t0123456789abcdefXYZ\u00e9\u00a0"
            + "\u2028\u0085\u4e2d\ud83d\ude00";

    @Test
    void theShortcutAnswersAsUriParsingOnRealUrls() throws IOException {
        List<String> urls = benchmarkUrls();
        List<String> withPaths = new ArrayList<>(urls);
        urls.forEach(u -> withPaths.add(u.replaceFirst("^https?://[^/?#]*", "")));
        urls.forEach(u -> withPaths.add(u.replaceFirst("^https?:", ""))); // protocol-relative
        int shortcuts = assertSameAsUriParsing(withPaths);
        assertThat(urls).hasSizeGreaterThan(10_000);
        assertThat(shortcuts).as("references the shortcut took").isGreaterThan(urls.size() / 4);
    }

    @Test
    void theShortcutAnswersAsUriParsingOnMutatedUrls() throws IOException {
        List<String> real = benchmarkUrls().stream().filter(u -> u.startsWith("http")).toList();
        Random random = new Random(20261206);
        List<String> mutated = new ArrayList<>();
        for (int n = 0; n < 200_000; n++) {
            StringBuilder url = new StringBuilder(real.get(random.nextInt(real.size())));
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(url.length() + 1);
                switch (random.nextInt(4)) {
                    case 0 -> url.insert(at, INSERTED.charAt(random.nextInt(INSERTED.length())));
                    case 1 -> {
                        if (at < url.length()) {
                            url.deleteCharAt(at);
                        }
                    }
                    case 2 -> url.insert(Math.min(at, url.length()), ".-:".charAt(random.nextInt(3)));
                    default -> url.insert(Math.min(at, url.length()), "%" + Integer.toHexString(random.nextInt(300)));
                }
            }
            mutated.add(url.toString());
            mutated.add(url.toString().replaceFirst("^https?://[^/?#]*", "")); // the same as an absolute path
            mutated.add(url.toString().replaceFirst("^https?:", "")); // and protocol-relative
        }
        int shortcuts = assertSameAsUriParsing(mutated);
        assertThat(shortcuts).as("mutated references the shortcuts took").isGreaterThan(20_000);
    }

    @Test
    void hostsAndPortsTheShortcutLeavesToUriParsing() {
        for (String ref : List.of("http://1.2.3.4/x", "http://a..b/", "http://-a.com/", "http://a-.com/",
                "http://a.com./", "http://a.1com/", "http://user@a.com/", "http://a.com:/", "http://a.com:123456/",
                "http://[::1]/", "http://a_b.com/", "HTTP://a.com/", "http:///x", "http://a.com/%zz",
                "http://a.com/#a#b", "http://a.com/\u00e9", "https://a.com/x|y")) {
            assertThat(UrlResolver.isPlainAbsoluteHttp(ref)).as(ref).isFalse();
        }
        assertThat(UrlResolver.isPlainAbsoluteHttp("https://cdn-1.example.co.uk:8443/a/b.jpg?w=1&h=2#top")).isTrue();
    }

    /**
     * Asserts the contract for each reference, and that resolving it (shortcuts and all) against each of {@link
     * #BASES} gives what URI parsing gives; returns how many references the shortcuts took.
     */
    private static int assertSameAsUriParsing(List<String> references) {
        List<UrlResolver.Base> bases = BASES.stream().map(UrlResolver::against).toList();
        int shortcuts = 0;
        for (String ref : references) {
            if (UrlResolver.isPlainAbsoluteHttp(ref)) {
                shortcuts++;
                assertThat(UrlResolver.resolveByUri(bases.get(0), ref)).as(ref).isEqualTo(Optional.of(ref));
            } else if (ref.startsWith("/") && UrlResolver.resolve(bases.get(0), ref)
                    .filter(u -> u.equals("https://news.example.com" + ref) || u.equals("https:" + ref)).isPresent()) {
                shortcuts++;
            }
            if (ref.isEmpty() || ref.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
                continue; // resolve cleans whitespace away before parsing; resolveByUri takes a cleaned reference
            }
            for (UrlResolver.Base base : bases) {
                assertThat(UrlResolver.resolve(base, ref)).as(ref).isEqualTo(UrlResolver.resolveByUri(base, ref));
            }
        }
        return shortcuts;
    }


    private static List<String> benchmarkUrls() throws IOException {
        Set<String> urls = new LinkedHashSet<>();
        try (Stream<Path> pages = Files.list(RepoFiles.shared("data/article-extraction-benchmark/html"))) {
            for (Path page : pages.sorted().toList()) {
                String html;
                try (InputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                    html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Matcher m = URL_ATTRIBUTE.matcher(html);
                while (m.find()) {
                    for (String part : m.group(1).split(",\\s*|\\s+")) {
                        if (!part.isEmpty()) {
                            urls.add(part);
                        }
                    }
                }
            }
        }
        return new ArrayList<>(urls);
    }
}
