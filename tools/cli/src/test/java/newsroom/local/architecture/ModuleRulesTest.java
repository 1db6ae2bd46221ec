package newsroom.local.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import newsroom.core.testing.RepoFiles;

/**
 * The import rules of ARCHITECTURE.md, read from the modules' pom.xml files and sources: libraries never depend on a
 * function or a tool, functions depend on libraries only (never on each other), {@code core} depends on no other
 * module, no main source outside {@code tools/} refers to the tools' package, and none of it is a command, an
 * evaluation or a peer (so no function jar carries them).
 */
class ModuleRulesTest {

    private static final String GROUP = "org.newsroomingest";

    /** Folder of each module of the root pom, by artifactId. */
    private static Map<String, String> modules() throws Exception {
        Map<String, String> modules = new LinkedHashMap<>();
        for (String folder : texts(read(RepoFiles.root().resolve("pom.xml")).getDocumentElement(), "module")) {
            Document pom = read(RepoFiles.root().resolve(folder).resolve("pom.xml"));
            modules.put(directChild(pom.getDocumentElement(), "artifactId"), folder);
        }
        return modules;
    }

    /** The project modules a module's main code depends on (test-scoped dependencies are not rules). */
    private static List<String> projectDependencies(String folder) throws Exception {
        Document pom = read(RepoFiles.root().resolve(folder).resolve("pom.xml"));
        List<String> out = new ArrayList<>();
        NodeList dependencies = pom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (dependency.getParentNode().getParentNode() != pom.getDocumentElement()) {
                continue; // dependencyManagement or plugin dependencies
            }
            String scope = directChild(dependency, "scope");
            if (GROUP.equals(directChild(dependency, "groupId")) && !"test".equals(scope)) {
                out.add(directChild(dependency, "artifactId"));
            }
        }
        return out;
    }

    @Test
    void librariesDependOnLibrariesOnly_functionsOnLibrariesOnly_andCoreOnNothing() throws Exception {
        Map<String, String> modules = modules();
        assertThat(modules.values()).as("every module sits in libs/, functions/ or tools/")
                .allMatch(f -> f.startsWith("libs/") || f.startsWith("functions/") || f.startsWith("tools/"));
        for (Map.Entry<String, String> module : modules.entrySet()) {
            String folder = module.getValue();
            for (String dependency : projectDependencies(folder)) {
                String target = modules.get(dependency);
                assertThat(target).as(folder + " depends on unknown module " + dependency).isNotNull();
                if (folder.startsWith("libs/") || folder.startsWith("functions/")) {
                    assertThat(target).as(folder + " -> " + target).startsWith("libs/");
                }
            }
        }
        assertThat(projectDependencies(modules.get("core"))).as("core depends on no other module").isEmpty();
        // the reading itself: known edges are found (so an empty list above is not a parsing accident)
        assertThat(projectDependencies(modules.get("article-fetcher"))).contains("core", "extract", "fetch");
        assertThat(projectDependencies(modules.get("local"))).contains("article-fetcher", "thumbnail");
    }

    @Test
    void functionsFolderHoldsExactlyTheLambdaFunctionsOfTheTemplate() throws IOException {
        List<String> folders;
        try (Stream<Path> list = Files.list(RepoFiles.root().resolve("functions"))) {
            folders = list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        String template = Files.readString(RepoFiles.template());
        List<String> codeUris = new ArrayList<>();
        Matcher m = Pattern.compile("CodeUri: functions/([a-z-]+)/").matcher(template);
        while (m.find()) {
            codeUris.add(m.group(1));
        }
        // one module may ship several entry points (feed-poller: the poll dispatcher and the poll worker share a jar)
        assertThat(folders).isEqualTo(codeUris.stream().distinct().sorted().toList());
    }

    @Test
    void noMainSourceOutsideToolsRefersToTheToolsPackage() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : librariesAndFunctionsMainSources()) {
            if (Files.readString(file).contains("newsroom.local.")) {
                offenders.add(RepoFiles.root().relativize(file).toString());
            }
        }
        assertThat(offenders).isEmpty();
    }

    /**
     * What a function jar carries is the main code of its function and libraries: none of it may be a command, an
     * evaluation, a benchmark, test data or a peer that runs another program (the Readability and metascraper peers
     * run npm). Those live in {@code tools/}.
     */
    @Test
    void librariesAndFunctionsCarryNoCommandEvaluationOrPeerCode() throws IOException {
        List<Path> sources = librariesAndFunctionsMainSources();
        assertThat(sources).as("the walk finds the extractor").anyMatch(p -> p.endsWith("ArticleExtractor.java"));
        List<String> offenders = new ArrayList<>();
        for (Path file : sources) {
            String relative = RepoFiles.root().relativize(file).toString();
            String source = Files.readString(file);
            if (relative.matches(".*/src/main/java/.*/(cli|eval|bench|testing)/[^/]+\\.java")
                    || source.contains("ProcessBuilder") || source.contains("Runtime.getRuntime().exec")) {
                offenders.add(relative);
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static List<Path> librariesAndFunctionsMainSources() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String top : List.of("libs", "functions")) {
            try (Stream<Path> files = Files.walk(RepoFiles.root().resolve(top))) {
                files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")
                        && !p.toString().contains("/target/")).forEach(out::add);
            }
        }
        return out;
    }

    private static Document read(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    private static List<String> texts(Element root, String tag) {
        List<String> out = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().strip());
        }
        return out;
    }

    private static String directChild(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }
}
