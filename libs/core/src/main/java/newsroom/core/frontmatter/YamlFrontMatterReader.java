package newsroom.core.frontmatter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import newsroom.core.model.ArticleRejectedException;
import newsroom.core.model.Rejection;

/**
 * Reads YAML front matter with SnakeYAML under the YAML 1.2 core schema (so {@code yes}, {@code on} and dates stay
 * strings, as in Hugo), with explicit limits: no anchors or aliases, no duplicate keys, nesting at most
 * {@value FrontMatterParser#MAX_DEPTH}, at most {@value FrontMatterParser#MAX_FRONT_MATTER_BYTES} code points.
 */
final class YamlFrontMatterReader {

    private YamlFrontMatterReader() {
    }

    /**
     * The mapping in {@code yaml}; {@code firstLine} is the file line the YAML starts on, for messages.
     *
     * @throws ArticleRejectedException INVALID_FRONT_MATTER, ALIASES_NOT_ALLOWED, FRONT_MATTER_TOO_DEEP or
     *                                  DUPLICATE_KEY
     */
    static Map<String, Object> read(String yaml, int firstLine) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(FrontMatterParser.MAX_DEPTH + 1);
        options.setCodePointLimit(FrontMatterParser.MAX_FRONT_MATTER_BYTES + 1);
        options.setProcessComments(false);
        LimitedParser parser = new LimitedParser(new ParserImpl(new StreamReader(yaml), options), firstLine);
        Node root;
        try {
            root = new Composer(parser, new CoreSchemaResolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ArticleRejectedException(Rejection.Code.INVALID_FRONT_MATTER, "invalid YAML front matter"
                    + at(mark, firstLine) + ": " + oneLine(e.getProblem() != null ? e.getProblem() : e.getContext()));
        } catch (YAMLException e) {
            throw new ArticleRejectedException(Rejection.Code.INVALID_FRONT_MATTER,
                    "invalid YAML front matter: " + oneLine(e.getMessage()));
        }
        if (root == null) {
            return new LinkedHashMap<>();
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new ArticleRejectedException(Rejection.Code.INVALID_FRONT_MATTER, "YAML front matter"
                    + at(root.getStartMark(), firstLine) + " is a " + kind(root)
                    + ", not a mapping of keys to values (key: value)");
        }
        return mapping(mapping, firstLine);
    }

    private static Map<String, Object> mapping(MappingNode node, int firstLine) {
        Map<String, Object> map = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw new ArticleRejectedException(Rejection.Code.INVALID_FRONT_MATTER, "YAML front matter"
                        + at(tuple.getKeyNode().getStartMark(), firstLine) + ": a key must be a plain value, not a "
                        + kind(tuple.getKeyNode()));
            }
            String key = keyNode.getValue();
            int line = keyNode.getStartMark().getLine() + firstLine;
            Integer firstSeen = lines.putIfAbsent(key, line);
            if (firstSeen != null) {
                throw new ArticleRejectedException(Rejection.Code.DUPLICATE_KEY, "duplicate key \"" + key
                        + "\" on line " + line + " (first on line " + firstSeen + ")");
            }
            map.put(key, value(tuple.getValueNode(), firstLine));
        }
        return map;
    }

    private static Object value(Node node, int firstLine) {
        if (node instanceof MappingNode mapping) {
            return mapping(mapping, firstLine);
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>(sequence.getValue().size());
            for (Node item : sequence.getValue()) {
                list.add(value(item, firstLine));
            }
            return list;
        }
        return scalar((ScalarNode) node);
    }

    /** Resolved scalars become Boolean, Integer/Long/BigInteger, BigDecimal (Double for .inf/.nan) or null. */
    private static Object scalar(ScalarNode node) {
        String text = node.getValue();
        Tag tag = node.getTag();
        try {
            if (Tag.NULL.equals(tag)) {
                return null;
            } else if (Tag.BOOL.equals(tag)) {
                return Boolean.valueOf(text.toLowerCase(Locale.ROOT).equals("true"));
            } else if (Tag.INT.equals(tag)) {
                return integer(text);
            } else if (Tag.FLOAT.equals(tag)) {
                return decimal(text);
            }
        } catch (NumberFormatException e) {
            return text;
        }
        return text;
    }

    private static Number integer(String text) {
        BigInteger value;
        if (text.startsWith("0o")) {
            value = new BigInteger(text.substring(2), 8);
        } else if (text.startsWith("0x")) {
            value = new BigInteger(text.substring(2), 16);
        } else {
            value = new BigInteger(text);
        }
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        return value.bitLength() < 64 ? (Number) value.longValue() : value;
    }

    private static Number decimal(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".nan")) {
            return Double.NaN;
        }
        if (lower.endsWith(".inf")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return new BigDecimal(text);
    }

    private static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "mapping";
        }
        return node instanceof SequenceNode ? "list" : "single value";
    }

    private static String at(Mark mark, int firstLine) {
        return mark == null ? "" : " at line " + (mark.getLine() + firstLine) + ", column " + (mark.getColumn() + 1);
    }

    private static String oneLine(String message) {
        return message == null ? "unreadable" : message.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    /**
     * The YAML 1.2 core schema: only {@code true}/{@code false} are booleans, {@code null}/{@code ~}/empty are null,
     * decimal, octal ({@code 0o}) and hex ({@code 0x}) integers, decimal floats and {@code .inf}/{@code .nan}.
     * Timestamps are not resolved, so a date keeps the offset it was written with.
     */
    private static final class CoreSchemaResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, Pattern.compile("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), "-+0123456789");
            addImplicitResolver(Tag.FLOAT, Pattern.compile(
                    "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                            + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"),
                    "-+0123456789.");
            addImplicitResolver(Tag.NULL, Resolver.NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, Resolver.EMPTY, null);
        }
    }

    /** Checks every event before the composer sees it: no anchor, no alias, nesting within the limit. */
    private static final class LimitedParser implements Parser {
        private final Parser delegate;
        private final int firstLine;
        private int depth;

        LimitedParser(Parser delegate, int firstLine) {
            this.delegate = delegate;
            this.firstLine = firstLine;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return delegate.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return delegate.peekEvent();
        }

        @Override
        public Event getEvent() {
            Event event = delegate.getEvent();
            if (event instanceof AliasEvent alias) {
                throw new ArticleRejectedException(Rejection.Code.ALIASES_NOT_ALLOWED, "alias *" + alias.getAnchor()
                        + at(event.getStartMark(), firstLine)
                        + ": YAML anchors and aliases are not allowed in front matter");
            }
            if (event instanceof NodeEvent node && node.getAnchor() != null) {
                throw new ArticleRejectedException(Rejection.Code.ALIASES_NOT_ALLOWED, "anchor &" + node.getAnchor()
                        + at(event.getStartMark(), firstLine)
                        + ": YAML anchors and aliases are not allowed in front matter");
            }
            if (event instanceof CollectionStartEvent && ++depth > FrontMatterParser.MAX_DEPTH) {
                throw new ArticleRejectedException(Rejection.Code.FRONT_MATTER_TOO_DEEP,
                        "front matter nests deeper than " + FrontMatterParser.MAX_DEPTH + " levels"
                                + at(event.getStartMark(), firstLine));
            }
            if (event instanceof CollectionEndEvent) {
                depth--;
            }
            return event;
        }
    }
}
