package newsroom.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** A site's names compared by their letters and digits: the keys of a text. */
class SiteIdentityTest {

    @Test
    void aDeclaredNameThatIsADomainNamesTheSiteByItsLabel_withOrWithoutSchemeAndSlash() {
        for (String declared : List.of("lecker.de", "https://www.lecker.de/", "Lecker.de/", "http://lecker.de")) {
            SiteIdentity site = SiteIdentity.of(Map.of("og:site_name", List.of(declared)), List.of(), null);
            // "Lecker Rezepte" holds the host label "lecker" only when the declared domain gave it
            assertThat(site.names("Lecker Rezepte")).as(declared).isTrue();
            assertThat(site.isExactly("lecker")).as(declared).isTrue();
        }
        SiteIdentity notADomain = SiteIdentity.of(Map.of("og:site_name", List.of("Lecker Kochen")), List.of(), null);
        assertThat(notADomain.isExactly("lecker")).isFalse();
    }

    @Test
    void keysDropAccentsAndSpellOutUmlauts() {
        assertThat(SiteIdentity.keys("Mäscot-News.de")).containsExactly("mascotnewsde", "maescotnewsde");
        assertThat(SiteIdentity.keys("Café Crème ½")).containsExactly("cafecreme12");
        assertThat(SiteIdentity.keys("Straße 7")).containsExactly("straße7", "strasse7");
        assertThat(SiteIdentity.keys("Ελληνικά Νέα")).containsExactly("ελληνικανεα");
    }

    @Test
    void latin1AndPunctuationTextsGetTheKeysOfTheirDecomposition() {
        Random random = new Random(31);
        for (int i = 0; i < 40_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                int kind = random.nextInt(6);
                text.append(kind == 0 ? (char) (random.nextInt(96) + 32)
                        : kind == 1 ? (char) (random.nextInt(0x70) + 0x2000) : (char) (random.nextInt(128) + 128));
            }
            String value = text.toString();
            assertThat(SiteIdentity.keys(value)).as(value)
                    .isEqualTo(SiteIdentity.keysOfLowerCase(value.toLowerCase(Locale.ROOT)));
        }
    }

    @Test
    void asciiTextsGetTheKeysOfTheirDecomposition() {
        Random random = new Random(37);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(16); j > 0; j--) {
                text.append((char) random.nextInt(128));
            }
            String value = text.toString();
            assertThat(SiteIdentity.keys(value)).as(value)
                    .isEqualTo(SiteIdentity.keysOfLowerCase(value.toLowerCase(Locale.ROOT)));
        }
    }
}
