package newsroom.core.frontmatter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import newsroom.core.model.ArticleRejectedException;
import newsroom.core.model.Rejection;

/**
 * Brings parsed values of every front-matter format to one set of types, so that an article reads the same whether
 * it came as YAML, TOML or JSON: String, Boolean, Integer/Long/BigInteger, BigDecimal for finite decimals (Double
 * only for infinities and NaN), List, Map with String keys, null.
 */
final class FrontMatterValues {

    private FrontMatterValues() {
    }

    /**
     * A copy of the mapping with normalized values; rejects nesting deeper than {@link FrontMatterParser#MAX_DEPTH}.
     */
    static Map<String, Object> normalized(Map<?, ?> mapping) {
        return map(mapping, 1);
    }

    private static Map<String, Object> map(Map<?, ?> mapping, int depth) {
        checkDepth(depth);
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : mapping.entrySet()) {
            copy.put(String.valueOf(entry.getKey()), value(entry.getValue(), depth));
        }
        return copy;
    }

    private static Object value(Object value, int depth) {
        if (value instanceof Map<?, ?> nested) {
            return map(nested, depth + 1);
        }
        if (value instanceof List<?> list) {
            checkDepth(depth + 1);
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(value(item, depth + 1));
            }
            return copy;
        }
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            return new BigDecimal(value.toString());
        }
        return value;
    }

    private static void checkDepth(int depth) {
        if (depth > FrontMatterParser.MAX_DEPTH) {
            throw new ArticleRejectedException(Rejection.Code.FRONT_MATTER_TOO_DEEP,
                    "front matter nests deeper than " + FrontMatterParser.MAX_DEPTH + " levels");
        }
    }
}
