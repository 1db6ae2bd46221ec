package newsroom.local.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Milliseconds spent per page by one extractor. Both the mean and the median are reported: on a shared machine the
 * median is the steadier figure, the mean includes the slow outliers.
 */
record PageTimes(List<Double> millis) {

    PageTimes {
        millis = List.copyOf(millis);
    }

    double mean() {
        return millis.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    double median() {
        if (millis.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
