package newsroom.local.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The few statistics the benchmark reports: the median of repeated runs, and ratios computed pair by pair (run i of
 * A against run i of B, taken in the same round) so that machine noise hitting one round hits both sides of its
 * ratio. Pure functions; no timing happens here.
 */
public final class Stats {

    private Stats() {
    }

    /**
     * The median: the middle value of the sorted values, or the mean of the two middle ones for an even count.
     *
     * @throws IllegalArgumentException when there are no values or one is NaN
     */
    public static double median(List<Double> values) {
        Objects.requireNonNull(values, "values");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the median of no values is undefined");
        }
        List<Double> sorted = new ArrayList<>(values);
        for (Double value : sorted) {
            if (value == null || value.isNaN()) {
                throw new IllegalArgumentException("values must be numbers, got " + values);
            }
        }
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /**
     * {@code numerators[i] / denominators[i]} for each round i.
     *
     * @throws IllegalArgumentException when the lists differ in length, are empty, or a denominator is not positive
     */
    public static List<Double> pairRatios(List<Double> numerators, List<Double> denominators) {
        Objects.requireNonNull(numerators, "numerators");
        Objects.requireNonNull(denominators, "denominators");
        if (numerators.size() != denominators.size() || numerators.isEmpty()) {
            throw new IllegalArgumentException("ratios need the same positive number of runs on both sides, got "
                    + numerators.size() + " and " + denominators.size());
        }
        List<Double> ratios = new ArrayList<>(numerators.size());
        for (int i = 0; i < numerators.size(); i++) {
            double denominator = denominators.get(i);
            if (!(denominator > 0)) {
                throw new IllegalArgumentException("run " + i + " of the denominator is " + denominator
                        + "; a ratio needs a positive denominator");
            }
            ratios.add(numerators.get(i) / denominator);
        }
        return ratios;
    }

    /** The median of the pair-by-pair ratios (not the ratio of the medians). */
    public static double medianRatio(List<Double> numerators, List<Double> denominators) {
        return median(pairRatios(numerators, denominators));
    }
}
