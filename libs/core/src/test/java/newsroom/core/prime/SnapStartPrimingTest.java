package newsroom.core.prime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import newsroom.core.config.SiteConfig;
import newsroom.core.model.NormalizedArticle;

class SnapStartPrimingTest {

    @Test
    void normalizesTheBundledSample_toAStableCanonicalArticle() {
        NormalizedArticle primed = SnapStartPriming.frontMatterRoundTrip(SiteConfig.defaults());

        assertThat(primed.frontMatter().header().title()).isEqualTo("Priming sample: a short article");
        assertThat(primed.frontMatter().header().slug()).isEqualTo("priming-sample");
        assertThat(SnapStartPriming.frontMatterRoundTrip(SiteConfig.defaults()).markdown())
                .isEqualTo(primed.markdown());
    }
}
