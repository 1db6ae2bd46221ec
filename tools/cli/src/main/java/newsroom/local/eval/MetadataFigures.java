package newsroom.local.eval;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The figures of one system over a dataset, by the rules of {@link MetadataScorer}.
 *
 * @param pages     pages in the dataset
 * @param datePages pages with a date label; {@code correct + wrong + none == datePages}
 * @param msPerPage mean milliseconds per page (decode + extract for ours; the peer's own in-process timing)
 */
public record MetadataFigures(int pages, int datePages, int correct, int wrong, int none, int titlePages,
                              double titleExact, double titleTokenF1, int authorPages, double authorExact,
                              double authorTokenF1, double msPerPage) {

    /** What a system found on one page: nulls and empty lists for nothing found. */
    public record Found(@Nullable String title, List<String> authors, @Nullable LocalDate date) {
    }

    /** Scores a system's findings (page id to what it found; a missing id is "found nothing"). */
    public static MetadataFigures score(MetadataDataset dataset, Map<String, Found> found, double msPerPage) {
        int datePages = 0;
        int correct = 0;
        int wrong = 0;
        int none = 0;
        int titlePages = 0;
        int titleExact = 0;
        double titleF1 = 0;
        int authorPages = 0;
        int authorExact = 0;
        double authorF1 = 0;
        Found nothing = new Found(null, List.of(), null);
        for (MetadataDataset.Page page : dataset.pages().values()) {
            Found f = found.getOrDefault(page.id(), nothing);
            if (page.date() != null) {
                datePages++;
                switch (MetadataScorer.date(page.date(), f.date())) {
                    case CORRECT -> correct++;
                    case WRONG -> wrong++;
                    case NONE -> none++;
                }
            }
            if (page.title() != null) {
                titlePages++;
                titleExact += MetadataScorer.titleExact(page.title(), f.title()) ? 1 : 0;
                titleF1 += MetadataScorer.titleTokenF1(page.title(), f.title());
            }
            if (page.author() != null) {
                authorPages++;
                authorExact += MetadataScorer.authorExact(page.author(), f.authors()) ? 1 : 0;
                authorF1 += MetadataScorer.authorTokenF1(page.author(), f.authors());
            }
        }
        return new MetadataFigures(dataset.pages().size(), datePages, correct, wrong, none, titlePages,
                ratio(titleExact, titlePages), titlePages == 0 ? 0 : titleF1 / titlePages, authorPages,
                ratio(authorExact, authorPages), authorPages == 0 ? 0 : authorF1 / authorPages, msPerPage);
    }

    /** correct / (correct + wrong). */
    public double datePrecision() {
        return ratio(correct, correct + wrong);
    }

    /** correct / (correct + none). */
    public double dateRecall() {
        return ratio(correct, correct + none);
    }

    /** Harmonic mean of date precision and recall. */
    public double dateF1() {
        double p = datePrecision();
        double r = dateRecall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** correct / pages with a date label. */
    public double dateAccuracy() {
        return ratio(correct, datePages);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
